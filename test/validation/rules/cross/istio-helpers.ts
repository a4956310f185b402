/**
 * Small manifests for the app-wide rules over DestinationRules, Gateways, ServiceEntries and
 * Service ports (XR030 onwards), to combine with those of ./helpers.
 */
import { JsonObject } from '../../../../src/validation/manifest';
import { SetCase } from './helpers';

function metadata(name: string, namespace: string | null): JsonObject {
  return { name, ...(namespace === null ? {} : { namespace }) };
}

/** A `networking.istio.io/v1` DestinationRule `name` with the given spec. */
export function destinationRule(name: string, spec: JsonObject, namespace: string | null = 'shop'): JsonObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: metadata(name, namespace), spec };
}

/** A `networking.istio.io/v1` Gateway `name` with the given selector and servers. */
export function gateway(name: string, selector: unknown, servers: unknown[], namespace: string | null = 'istio-system'): JsonObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: metadata(name, namespace), spec: { selector, servers } };
}

/** A gateway server on `port` for `hosts`. */
export function server(port: number, hosts: string[], extra: JsonObject = {}, protocol = 'HTTP'): JsonObject {
  return { port: { number: port, name: `${protocol.toLowerCase()}-${port}`, protocol }, hosts, ...extra };
}

/** A `networking.istio.io/v1` ServiceEntry `name` with the given spec. */
export function entry(name: string, spec: JsonObject, namespace: string | null = 'shop'): JsonObject {
  return { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: metadata(name, namespace), spec };
}

/** A Pod `name` with `labels`. */
export function pod(name: string, labels: Record<string, string>, namespace = 'shop'): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
}

/**
 * The ingress gateway istioctl's analyzer tests add to every case (`AddDefaultResources`): a
 * Pod `istio-system/istio-ingressgateway-dummypod` labelled `istio: ingressgateway` and its
 * Service with ports 80, 443, 31400 and 15443.
 */
export function defaultIngressGateway(): Record<string, unknown>[] {
  return [
    pod('istio-ingressgateway-dummypod', { istio: 'ingressgateway' }, 'istio-system'),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-system' },
      spec: {
        selector: { istio: 'ingressgateway' },
        ports: [
          { name: 'http2', port: 80, targetPort: 80, protocol: 'TCP' },
          { name: 'https', port: 443, targetPort: 443, protocol: 'TCP' },
          { name: 'tcp', port: 31400, targetPort: 31400, protocol: 'TCP' },
          { name: 'tls', port: 15443, targetPort: 15443, protocol: 'TCP' },
        ],
      },
    },
  ];
}

/** A Namespace labelled for sidecar injection. */
export function injectedNamespace(name: string): JsonObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'istio-injection': 'enabled' } } };
}

/**
 * The rows of a table with the namespaces of each set added at its end (so indexes stay put)
 * as Namespaces labelled for injection: the rules about how Istio reads Services check what
 * the set puts in the mesh.
 */
export function inMesh(rows: SetCase[]): SetCase[] {
  return rows.map(row => {
    const namespaces = new Set<string>();
    for (const manifest of row.manifests) {
      const namespace = (manifest as { metadata?: { namespace?: unknown } }).metadata?.namespace;
      namespaces.add(typeof namespace === 'string' ? namespace : 'default');
    }
    return { ...row, manifests: [...row.manifests, ...[...namespaces].map(injectedNamespace)] };
  });
}
