/**
 * `spec.ports[].nodePort` and the range check of `spec.healthCheckNodePort`, within one
 * Service. Conflicts between Services are a set rule (`../node-port-conflicts.ts`).
 */
import { Severity } from '../../diagnostic';
import { SERVICE } from '../../kinds';
import { isValidPortNum } from '../../format/ports';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { describeValue, isInteger, protocolOf, requestedNodePort, servicePorts } from './fields';
import { isSet, serviceShape } from './service-type';

export const nodePortForbiddenRule: ManifestRule = {
  code: 'SVC013',
  name: 'node-port-forbidden',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'a non-zero nodePort may not be used when type is ClusterIP, nor, stricter than Kubernetes, on an ExternalName service, whose ports are not proxied (ValidateService)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    if (shape.type !== 'ClusterIP' && shape.type !== 'ExternalName') return;
    const typeWritten = isSet(valueAt(shape.spec, 'type')) && valueAt(shape.spec, 'type') !== '';
    for (const entry of servicePorts(shape.spec)) {
      const nodePort = requestedNodePort(entry.port);
      if (nodePort === undefined) continue;
      const path = `${entry.path}.nodePort`;
      if (shape.type === 'ClusterIP') {
        const defaulted = typeWritten ? '' : ' (the default when type is not set)';
        context.report(path,
          `nodePort ${show(nodePort)} may not be used when type is 'ClusterIP'${defaulted}: use type NodePort or LoadBalancer to open a port on every node, or remove nodePort`,
          nodePort);
      } else {
        context.report(path,
          `nodePort ${show(nodePort)} may not be used when type is 'ExternalName': an ExternalName service is a DNS CNAME and its ports are not proxied, so no node port is ever opened (Kubernetes does not check this; this library does)`,
          nodePort);
      }
    }
  },
};

export const nodePortRangeRule: ManifestRule = {
  code: 'SVC014',
  name: 'node-port-range',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'a fixed nodePort or healthCheckNodePort is a whole number in the cluster node port range, 30000-32767 unless configured; 0 means allocate one (portallocator Allocate)',
  check(manifest, context) {
    const shape = serviceShape(manifest);
    const range = context.options.nodePortRange;
    // ClusterIP and ExternalName may not have node ports at all (SVC013)
    if (shape.type === 'NodePort' || shape.type === 'LoadBalancer') {
      for (const entry of servicePorts(shape.spec)) {
        const nodePort = requestedNodePort(entry.port);
        if (nodePort === undefined) continue;
        const path = `${entry.path}.nodePort`;
        if (!isInteger(nodePort)) {
          const quoted = typeof nodePort === 'string' && /^\s*\d+\s*$/.test(nodePort) ? ': numbers must be written as numbers, without quotes' : '';
          context.report(path, `nodePort must be a whole number in the node port range ${range}, got ${describeValue(nodePort)}${quoted}`, nodePort);
        } else if (!range.contains(nodePort)) {
          context.report(path, `nodePort ${nodePort} is outside the node port range ${range}`, nodePort);
        }
      }
    }
    // the health check port's type and 1-65535 checks are SVC032's; only the range is here
    const health = valueAt(shape.spec, 'healthCheckNodePort');
    if (shape.needsHealthCheck && isInteger(health) && health !== 0 && isValidPortNum(health).length === 0 && !range.contains(health)) {
      context.report('spec.healthCheckNodePort', `healthCheckNodePort ${health} is outside the node port range ${range}`, health);
    }
  },
};

export const nodePortUniqueRule: ManifestRule = {
  code: 'SVC015',
  name: 'node-port-unique',
  severity: Severity.ERROR,
  appliesTo: [SERVICE],
  description: 'non-zero nodePorts are unique per protocol within the service; the same nodePort with different protocols is fine (ValidateService)',
  check(manifest, context) {
    const seen = new Map<string, string>();
    for (const entry of servicePorts(serviceShape(manifest).spec)) {
      const nodePort = requestedNodePort(entry.port);
      if (!isInteger(nodePort)) continue;
      const protocol = protocolOf(entry.port);
      const key = `${protocol}/${nodePort}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, entry.path);
      } else {
        context.report(`${entry.path}.nodePort`,
          `nodePort ${nodePort} with protocol ${protocol} is already used by ${first}: node ports must be unique per protocol`,
          nodePort);
      }
    }
  },
};

export const NODE_PORT_RULES: readonly ManifestRule[] = [
  nodePortForbiddenRule,
  nodePortRangeRule,
  nodePortUniqueRule,
];
