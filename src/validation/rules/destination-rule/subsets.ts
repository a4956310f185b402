/**
 * `spec.subsets`: named groups of endpoints (ValidateDestinationRule, validateSubset,
 * validateSubsetName, labels.Instance.Validate). A subset's traffic policy is checked by the
 * traffic policy rules.
 */
import { Severity } from '../../diagnostic';
import { isIstioLabel } from '../../format/istio-host';
import { arrayAt, describeKind, isObject, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { checkTagLabels } from '../istio-common/selector-labels';
import { drRule, drShape, reporter } from './shape';

/** The entries of `spec.subsets`, with their paths. */
function subsetsOf(manifest: unknown): Array<{ subset: unknown; path: string }> {
  return (arrayAt(drShape(manifest).spec, 'subsets') ?? []).map((subset, index) => ({ subset, path: `spec.subsets[${index}]` }));
}

export const nullSubsetRule: ManifestRule = drRule({
  code: 'DR002',
  name: 'subset-not-null',
  severity: Severity.ERROR,
  description: 'each entry of spec.subsets is a subset, not null (ValidateDestinationRule)',
  check(manifest, context) {
    for (const { subset, path } of subsetsOf(manifest)) {
      if (subset === null) context.report(path, 'subset may not be null: remove the empty entry from subsets, or give it a name', subset);
    }
  },
});

export const duplicateSubsetRule: ManifestRule = drRule({
  code: 'DR003',
  name: 'duplicate-subset-name',
  severity: Severity.ERROR,
  description: 'subset names are unique within a DestinationRule (ValidateDestinationRule)',
  check(manifest, context) {
    const first = new Map<string, number>();
    subsetsOf(manifest).forEach(({ subset, path }, index) => {
      if (!isObject(subset)) return;
      const name = valueAt(subset, 'name');
      const key = typeof name === 'string' ? name : name === undefined || name === null ? '' : undefined;
      if (key === undefined) return;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, index);
        return;
      }
      context.report(`${path}.name`,
        `duplicate subset names: ${show(key)} is already the name of subsets[${earlier}]; give each subset its own name`, name);
    });
  },
});

export const subsetNameRule: ManifestRule = drRule({
  code: 'DR004',
  name: 'subset-name',
  severity: Severity.ERROR,
  description: 'each subset has a name that is a DNS-1123 label (letters, digits and \'-\', at most 63 characters) (validateSubset, validateSubsetName)',
  check(manifest, context) {
    for (const { subset, path } of subsetsOf(manifest)) {
      if (!isObject(subset)) continue;
      const name = valueAt(subset, 'name');
      if (name === undefined || name === null || name === '') {
        context.report(`${path}.name`, 'subset name cannot be empty: name the subset (such as "v1"), as VirtualService routes refer to it by name', name);
      } else if (typeof name !== 'string') {
        context.report(`${path}.name`, `subset name must be a string, got ${describeKind(name)}`, name);
      } else if (!isIstioLabel(name)) {
        context.report(`${path}.name`,
          `subset name is invalid: ${show(name)}: a subset name is a DNS-1123 label of letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (such as "v1")`, name);
      }
    }
  },
});

export const subsetLabelsRule: ManifestRule = drRule({
  code: 'DR005',
  name: 'subset-labels',
  severity: Severity.ERROR,
  description: 'subset label keys are qualified names with an optional DNS prefix and label values are empty or alphanumeric with \'-\', \'_\' and \'.\' inside (validateSubset, labels.Instance.Validate)',
  check(manifest, context) {
    for (const { subset, path } of subsetsOf(manifest)) {
      checkTagLabels(valueAt(subset, 'labels'), `${path}.labels`, reporter(context));
    }
  },
});

export const SUBSET_RULES: readonly ManifestRule[] = [nullSubsetRule, duplicateSubsetRule, subsetNameRule, subsetLabelsRule];
