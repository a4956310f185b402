/**
 * XR033: a Gateway server port that no Service of the gateway's pods exposes, as a port or
 * as a targetPort (istioctl analyze IST0162, GatewayPortNotDefinedOnService;
 * IngressGatewayPortAnalyzer). Traffic then cannot reach that server through the Services.
 *
 * Checked only when the set holds workloads the Gateway's selector picks (in any namespace,
 * as Istio applies Gateways by default) and Services that select them; otherwise the
 * gateway's deployment is described elsewhere, and the rule is silent (istioctl reports a
 * missing workload as IST0101 instead; a partial set says nothing about that). A Gateway
 * without selector is not checked. As upstream, TCP Service ports count (unset protocol is
 * TCP): their port, and their targetPort when it is a number.
 */
import { Severity } from '../../../diagnostic';
import { resourceId, valueAt } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { protocolOf, servicePorts } from '../../service/fields';
import { gatewayInfo } from '../indexes/gateway-servers';
import { setKinds } from '../indexes/set-index';
import { Workload, WorkloadIndex, selectorKey, selectorText, someNames } from '../indexes/workload-index';
import { MAX_WORKLOADS, SelectingService, servicesByWorkload } from '../indexes/workload-services';

export const gatewayPortNotOnServiceRule: SetRule = {
  code: 'XR033',
  name: 'gateway-port-not-on-service',
  severity: Severity.WARNING,
  upstream: ['IST0162'],
  description: 'a Gateway server port is a port or numeric targetPort of a TCP port of the Services that select the Gateway\'s workloads, when the set holds such workloads and Services (istioctl analyze IST0162, IngressGatewayPortAnalyzer)',
  check(manifests, context) {
    const gateways = setKinds(manifests).gateways;
    if (gateways.length === 0) return;
    const workloads = WorkloadIndex.of(manifests);
    if (!workloads.hasWorkloads()) return;
    const selecting = servicesByWorkload(manifests);
    // Gateways often share a selector: what its Services expose is worked out once
    const bySelector = new Map<string, Exposed | undefined>();
    for (const entry of gateways) {
      const gateway = gatewayInfo(entry);
      if (!gateway.selector || gateway.selector.length === 0) continue;
      const key = selectorKey(gateway.selector);
      if (!bySelector.has(key)) bySelector.set(key, exposedPorts(workloads.select(gateway.selector), selecting));
      const exposed = bySelector.get(key);
      if (!exposed) continue;
      for (const server of gateway.servers) {
        if (server.port === undefined || exposed.ports.has(server.port)) continue;
        context.report(entry, `${server.path}.port.number`,
          `server port ${server.port} is neither a port nor a targetPort of the Services that select the pods of this Gateway (selector ${selectorText(gateway.selector)}): ${exposed.described}; traffic cannot reach this server through them; add the port to the gateway's Service, or listen on one of its ports`,
          server.port);
      }
    }
  },
};

/** The ports the Services of some workloads expose, and those Services for a message. */
interface Exposed {
  readonly ports: ReadonlySet<number>;
  readonly described: string;
}

/** What the Services of `picked` expose, or undefined when no Service selects them. */
function exposedPorts(picked: readonly Workload[], selecting: ReadonlyMap<Workload, readonly SelectingService[]>): Exposed | undefined {
  const ports = new Set<number>();
  const services = new Map<ManifestEntry, string[]>();
  for (let i = 0; i < Math.min(picked.length, MAX_WORKLOADS); i++) {
    for (const service of selecting.get(picked[i]) ?? []) {
      if (services.has(service.entry)) continue;
      const shown: string[] = [];
      services.set(service.entry, shown);
      for (const { port } of servicePorts(service.spec)) {
        const number = valueAt(port, 'port');
        if (typeof number !== 'number' || protocolOf(port) !== 'TCP') continue;
        ports.add(number);
        const target = valueAt(port, 'targetPort');
        if (typeof target === 'number' && target !== 0) {
          ports.add(target);
          shown.push(`${number}->${target}`);
        } else {
          shown.push(String(number));
        }
      }
    }
  }
  if (services.size === 0) return undefined;
  const described = someNames([...services].map(([service, shown]) => `${resourceId(service.manifest)} (${shown.length > 0 ? shown.join(', ') : 'no TCP port'})`));
  return { ports, described };
}
