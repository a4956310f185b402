import { ManifestRule } from '../../rule';
import { CORS_RULES } from './cors';
import { DESTINATION_RULES } from './destinations';
import { DIRECT_RESPONSE_RULES } from './direct-response';
import { EXPORT_TO_RULES } from './export-to';
import { FAULT_RULES } from './fault';
import { GATEWAY_RULES } from './gateways';
import { HEADER_RULES } from './headers';
import { HOST_RULES } from './hosts';
import { HTTP_ROUTE_RULES } from './http-route';
import { JWT_CLAIM_RULES } from './jwt-claim-routing';
import { MATCH_RULES } from './match';
import { VS_METADATA_RULES } from './metadata';
import { MIRROR_RULES } from './mirror';
import { REDIRECT_RULES } from './redirect';
import { RETRY_RULES } from './retries';
import { REWRITE_RULES } from './rewrite';
import { ROUTE_WARNING_RULES } from './route-warnings';
import { ROUTES_PRESENT_RULES } from './routes-present';
import { TCP_ROUTE_RULES } from './tcp-routes';
import { TIMEOUT_RULES } from './timeout';
import { TLS_ROUTE_RULES } from './tls-routes';
import { UNREACHABLE_RULES } from './unreachable';

/** Every VirtualService rule (Istio's webhook checks and this library's warnings), in code order. */
export const VIRTUAL_SERVICE_RULES: readonly ManifestRule[] = [
  ...VS_METADATA_RULES, // VS001-002
  ...ROUTES_PRESENT_RULES, // VS003-005
  ...HOST_RULES, // VS006-008
  ...GATEWAY_RULES, // VS009-010
  ...JWT_CLAIM_RULES, // VS011
  ...EXPORT_TO_RULES, // VS012
  ...UNREACHABLE_RULES, // VS013-014
  ...HTTP_ROUTE_RULES, // VS015-019
  ...HEADER_RULES, // VS020-022
  ...TIMEOUT_RULES, // VS023
  ...MIRROR_RULES, // VS024-027
  ...MATCH_RULES, // VS028-033
  ...DESTINATION_RULES, // VS034-039
  ...REDIRECT_RULES, // VS040-043
  ...DIRECT_RESPONSE_RULES, // VS044-046
  ...REWRITE_RULES, // VS047-048
  ...RETRY_RULES, // VS049-052
  ...FAULT_RULES, // VS053-060
  ...CORS_RULES, // VS061-064
  ...TLS_ROUTE_RULES, // VS065-067
  ...TCP_ROUTE_RULES, // VS068-070
  ...ROUTE_WARNING_RULES, // VS080-081, VS084
];
