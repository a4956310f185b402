/**
 * Gateway references: `spec.gateways` and every `match[].gateways` of http, tls and tcp
 * routes (validateGatewayNames).
 */
import { Severity } from '../../diagnostic';
import { memoizePerManifest } from '../../memo';
import { validateGatewayName } from '../../format/istio-host';
import { VIRTUAL_SERVICE } from '../../kinds';
import { JsonObject, show, valueAt } from '../../manifest';
import { ManifestRule, RuleContext } from '../../rule';
import { describeKind, isSet, matchesOf, vsShape } from './shape';

/** Every gateway list of a VirtualService, with its path (read once per manifest for both rules). */
const gatewayLists = memoizePerManifest(readGatewayLists);

function readGatewayLists(manifest: unknown): Array<{ list: unknown; path: string }> {
  const shape = vsShape(manifest);
  const lists = [{ list: valueAt(shape.spec, 'gateways'), path: 'spec.gateways' }];
  for (const route of [...shape.http, ...shape.tls, ...shape.tcp]) {
    for (const { match, path } of matchesOf(route)) {
      lists.push({ list: valueAt(match, 'gateways'), path: `${path}.gateways` });
    }
  }
  return lists.filter(entry => isSet(entry.list));
}

function checkGateways(manifest: JsonObject, context: RuleContext, kind: 'errors' | 'warnings'): void {
  for (const { list, path } of gatewayLists(manifest)) {
    if (!Array.isArray(list)) {
      if (kind === 'errors') context.report(path, `gateways must be a list of gateway names, got ${describeKind(list)}`, list);
      continue;
    }
    list.forEach((name, index) => {
      const at = `${path}[${index}]`;
      if (typeof name !== 'string') {
        if (kind === 'errors') context.report(at, `gateway name must be a string, got ${describeKind(name)}`, name);
        return;
      }
      const found = validateGatewayName(name)[kind];
      if (found.length === 0) return;
      if (kind === 'warnings') {
        context.report(at, found.join('; '), name);
        return;
      }
      context.report(at,
        `gateway ${show(name)} is not a valid gateway reference: ${found.join('; ')}; use <namespace>/<name> (both DNS-1123 labels), a gateway name in the VirtualService's namespace, or "mesh"`,
        name);
    });
  }
}

export const gatewayNamesRule: ManifestRule = {
  code: 'VS009',
  name: 'gateway-names',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'each gateways entry (spec and http/tls/tcp match[].gateways) is <namespace>/<name> with DNS-1123 labels, or a name without "/" that is a valid FQDN such as "mesh" (validateGatewayNames; Istio stops at the first entry without "/", this library checks every entry)',
  check(manifest, context) {
    checkGateways(manifest, context, 'errors');
  },
};

export const legacyGatewayNameRule: ManifestRule = {
  code: 'VS010',
  name: 'legacy-gateway-name',
  severity: Severity.WARNING,
  appliesTo: VIRTUAL_SERVICE,
  description: 'a gateway name without "/" that contains a dot uses the legacy <name>.<namespace> format; prefer <namespace>/<name> (validateGatewayNames)',
  check(manifest, context) {
    checkGateways(manifest, context, 'warnings');
  },
};

export const GATEWAY_RULES: readonly ManifestRule[] = [gatewayNamesRule, legacyGatewayNameRule];
