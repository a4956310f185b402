import { Severity } from '../../diagnostic';
import { isDns1123Subdomain } from '../../format/dns';
import { isLabelValue } from '../../format/labels';
import { ENDPOINT_SLICE } from '../../kinds';
import { has, isObject, show, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { MAX_HINTS, endpointsOf } from './walk';

interface HintKind {
  readonly key: 'forZones' | 'forNodes';
  readonly noun: string;
  readonly check: (name: string) => string[];
  readonly shape: string;
}

const KINDS: readonly HintKind[] = [
  { key: 'forZones', noun: 'zone', check: isLabelValue, shape: 'a valid label value' },
  { key: 'forNodes', noun: 'node', check: isDns1123Subdomain, shape: 'a valid Node name' },
];

function checkHintList(hints: unknown, path: string, kind: HintKind, context: RuleContext): void {
  if (!has(hints, kind.key)) return;
  const listPath = `${path}.${kind.key}`;
  const list = valueAt(hints, kind.key);
  if (!Array.isArray(list)) {
    context.report(listPath, `${kind.key} must be a list of {name} objects, got ${show(list)}`, list);
    return;
  }
  if (list.length > MAX_HINTS) {
    context.report(listPath, `${kind.key} has ${list.length} items, must have at most ${MAX_HINTS}`, list.length);
    return;
  }
  const seen = new Set<string>();
  list.forEach((hint, i) => {
    const itemPath = `${listPath}[${i}]`;
    if (!isObject(hint)) {
      context.report(itemPath, `${kind.noun} hint must be an object with a name, got ${show(hint)}`, hint);
      return;
    }
    const name = hint.name ?? '';
    if (typeof name !== 'string') {
      context.report(`${itemPath}.name`, `${kind.noun} hint name must be a string, got ${show(name)}`, name);
      return;
    }
    if (seen.has(name)) {
      context.report(`${itemPath}.name`, `${kind.noun} hint ${show(name)} is listed more than once`, name);
    }
    seen.add(name);
    const problems = kind.check(name);
    if (problems.length > 0) {
      context.report(`${itemPath}.name`, `${kind.noun} hint ${show(name)} must be ${kind.shape}: ${problems.join(', ')}`, name);
    }
  });
}

/** EPS012: topology hints name at most 8 distinct, valid zones and at most 8 distinct, valid nodes. */
export const ENDPOINT_HINTS: ManifestRule = {
  code: 'EPS012',
  name: 'endpoint-hints',
  severity: Severity.ERROR,
  appliesTo: [ENDPOINT_SLICE],
  description: 'hints.forZones and hints.forNodes each list at most 8 distinct names, zones as label values and nodes as Node names (validateHints)',
  check(manifest, context) {
    for (const endpoint of endpointsOf(manifest)) {
      if (!has(endpoint.value, 'hints')) continue;
      const path = `${endpoint.path}.hints`;
      const hints = valueAt(endpoint.value, 'hints');
      if (!isObject(hints)) {
        context.report(path, `hints must be an object with forZones and forNodes, got ${show(hints)}`, hints);
        continue;
      }
      for (const kind of KINDS) checkHintList(hints, path, kind, context);
    }
  },
};
