/** The supplement of each Istio kind the schema rules check (see schema-patch.ts). */
import { DESTINATION_RULE, GATEWAY, SERVICE_ENTRY, VIRTUAL_SERVICE } from '../../kinds';
import { DESTINATION_RULE_PATCHES } from './destination-rule';
import { GATEWAY_PATCHES } from './gateway';
import { SchemaPatch } from './schema-patch';
import { SERVICE_ENTRY_PATCHES } from './service-entry';
import { VIRTUAL_SERVICE_PATCHES } from './virtual-service';

/** The `networking.istio.io` kinds with a schema: each served in v1, v1beta1 and v1alpha3. */
export const ISTIO_KINDS = ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry'] as const;
export type IstioKind = typeof ISTIO_KINDS[number];

/** The `apiVersion/kind` keys of each kind (src/validation/kinds.ts), which share its schema. */
export const ISTIO_TYPE_KEYS: { readonly [kind in IstioKind]: readonly string[] } = {
  VirtualService: VIRTUAL_SERVICE,
  DestinationRule: DESTINATION_RULE,
  Gateway: GATEWAY,
  ServiceEntry: SERVICE_ENTRY,
};

/** What each kind's schema gained after Istio 1.18. */
export const ISTIO_SCHEMA_PATCHES: { readonly [kind in IstioKind]: readonly SchemaPatch[] } = {
  VirtualService: VIRTUAL_SERVICE_PATCHES,
  DestinationRule: DESTINATION_RULE_PATCHES,
  Gateway: GATEWAY_PATCHES,
  ServiceEntry: SERVICE_ENTRY_PATCHES,
};
