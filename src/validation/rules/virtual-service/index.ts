import { ManifestRule } from '../../rule';
import { DESTINATION_RULES } from './destinations';
import { EXPORT_TO_RULES } from './export-to';
import { GATEWAY_RULES } from './gateways';
import { HOST_RULES } from './hosts';
import { JWT_CLAIM_RULES } from './jwt-claim-routing';
import { VS_METADATA_RULES } from './metadata';
import { ROUTES_PRESENT_RULES } from './routes-present';
import { TCP_ROUTE_RULES } from './tcp-routes';
import { TLS_ROUTE_RULES } from './tls-routes';
import { UNREACHABLE_RULES } from './unreachable';

/** Every VirtualService rule (Istio's webhook checks and this library's warnings). */
export const VIRTUAL_SERVICE_RULES: readonly ManifestRule[] = [
  ...VS_METADATA_RULES,
  ...ROUTES_PRESENT_RULES,
  ...HOST_RULES,
  ...GATEWAY_RULES,
  ...JWT_CLAIM_RULES,
  ...EXPORT_TO_RULES,
  ...UNREACHABLE_RULES,
  ...DESTINATION_RULES,
  ...TLS_ROUTE_RULES,
  ...TCP_ROUTE_RULES,
];
