/**
 * Node ports are allocated from one cluster-wide pool, whatever the namespace or protocol
 * (`portallocator` keys on the number alone), so a fixed `nodePort` or `healthCheckNodePort`
 * requested twice in a set of manifests fails for every Service applied after the first.
 */
import { Severity } from '../diagnostic';
import { resourceId, valueAt } from '../manifest';
import { ManifestEntry, SetRule } from '../rule';
import { setKinds } from './cross/indexes/set-index';
import { isInteger, protocolOf, requestedNodePort, servicePorts } from './service/fields';
import { serviceShape } from './service/service-type';

interface Claim {
  readonly entry: ManifestEntry;
  readonly field: 'nodePort' | 'healthCheckNodePort';
  readonly path: string;
  readonly number: number;
  /** For a nodePort: the service port it belongs to, and its protocol. */
  readonly servicePort?: unknown;
  readonly protocol?: string;
}

/** The node ports one Service asks the allocator for, in the order it allocates them. */
function claimsOf(entry: ManifestEntry, contains: (port: number) => boolean): Claim[] {
  const shape = serviceShape(entry.manifest);
  const claims: Claim[] = [];
  // only NodePort and LoadBalancer services get node ports (txnAllocNodePorts)
  if (shape.type === 'NodePort' || shape.type === 'LoadBalancer') {
    for (const port of servicePorts(shape.spec)) {
      const nodePort = requestedNodePort(port.port);
      // out-of-range and malformed values are SVC014's; they would never be allocated
      if (!isInteger(nodePort) || !contains(nodePort)) continue;
      claims.push({
        entry, field: 'nodePort', path: `${port.path}.nodePort`, number: nodePort,
        servicePort: valueAt(port.port, 'port'), protocol: protocolOf(port.port),
      });
    }
  }
  const health = valueAt(shape.spec, 'healthCheckNodePort');
  if (shape.needsHealthCheck && isInteger(health) && health !== 0 && contains(health)) {
    claims.push({ entry, field: 'healthCheckNodePort', path: 'spec.healthCheckNodePort', number: health });
  }
  return claims;
}

/** Whether a second claim of the same number within one Service is allowed, or reported elsewhere. */
function sameServiceExcused(first: Claim, claim: Claim): boolean {
  if (first.field !== 'nodePort' || claim.field !== 'nodePort') return false;
  // ports with the same port number share one node port (findRequestedNodePort)
  if (isInteger(first.servicePort) && first.servicePort === claim.servicePort) return true;
  // the same nodePort and protocol twice is a duplicate within the Service: SVC015
  return first.protocol === claim.protocol;
}

export const nodePortConflictRule: SetRule = {
  code: 'SVC050',
  name: 'node-port-conflict',
  severity: Severity.ERROR,
  description: 'a fixed nodePort or healthCheckNodePort is requested once in the whole set: node ports come from one cluster-wide pool whatever the namespace or protocol, and only ports of one service with the same port number share one (portallocator, initNodePorts, findRequestedNodePort)',
  check(manifests, context) {
    const contains = (port: number): boolean => context.options.nodePortRange.contains(port);
    const holders = new Map<number, Claim>();
    for (const entry of setKinds(manifests).services) {
      for (const claim of claimsOf(entry, contains)) {
        const first = holders.get(claim.number);
        if (!first) {
          holders.set(claim.number, claim);
          continue;
        }
        const sameService = first.entry === entry;
        if (sameService && sameServiceExcused(first, claim)) continue;
        const holder = sameService
          ? `this service at ${first.path}: within one service only ports with the same port number may share a node port`
          : `${resourceId(first.entry.manifest)} at ${first.path}: node ports are allocated cluster-wide, whatever the namespace or protocol`;
        context.report(entry, claim.path, `${claim.field} ${claim.number} is already used by ${holder}`, claim.number);
      }
    }
  },
};

export const NODE_PORT_SET_RULES: readonly SetRule[] = [nodePortConflictRule];
