/**
 * JWT claim based routing (`@request.auth.claims.<claim>` header keys) works on gateways
 * only (ValidateVirtualService).
 */
import { Severity } from '../../diagnostic';
import { VIRTUAL_SERVICE } from '../../kinds';
import { entriesAt, show } from '../../manifest';
import { ManifestRule } from '../../rule';
import { keyPath, matchesOf, vsShape } from './shape';

const CLAIM_PREFIX = '@request.auth.claims';

/**
 * Istio's `jwt.ToRoutingClaim(name).Match`: the name starts with `@request.auth.claims`
 * (any case), then `.claim` (`.a.b` for nested claims) or `[claim]` (`[a][b]`).
 */
export function isJwtClaimRoute(name: string): boolean {
  if (!name.toLowerCase().startsWith(CLAIM_PREFIX)) return false;
  const rest = name.slice(CLAIM_PREFIX.length);
  if (rest.startsWith('.') && rest.length > 1) return true;
  return rest.startsWith('[') && rest.endsWith(']') && rest.length > 2;
}

export const jwtClaimRoutingRule: ManifestRule = {
  code: 'VS011',
  name: 'jwt-claim-routing',
  severity: Severity.ERROR,
  appliesTo: VIRTUAL_SERVICE,
  description: 'match headers and withoutHeaders keyed @request.auth.claims.<claim> (JWT claim routing) need a VirtualService bound to gateways only, without "mesh" (ValidateVirtualService)',
  check(manifest, context) {
    const shape = vsShape(manifest);
    if (shape.appliesToGateway) return;
    const binding = shape.gateways.length === 0 ? 'it has no gateways' : `its gateways include "mesh"`;
    for (const route of shape.http) {
      for (const { match, path } of matchesOf(route)) {
        for (const field of ['headers', 'withoutHeaders']) {
          for (const [key] of entriesAt(match, field)) {
            if (!isJwtClaimRoute(key)) continue;
            context.report(keyPath(`${path}.${field}`, key),
              `JWT claim based routing (key ${show(key)}) is only supported for gateways, and ${binding}: bind the VirtualService to ingress gateways only (spec.gateways without "mesh"), and add a RequestAuthentication there`,
              key);
          }
        }
      }
    }
  },
};

export const JWT_CLAIM_RULES: readonly ManifestRule[] = [jwtClaimRoutingRule];
