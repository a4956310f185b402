import { Severity } from '../../../src/validation/diagnostic';
import { JsonObject } from '../../../src/validation/manifest';
import { byCode, endpointSlice, everyFieldVirtualService, fullLoadBalancer, service, virtualService } from './manifests';

const ROUTE = { route: [{ destination: { host: 'reviews' } }] };

function unknown(manifest: JsonObject) {
  return byCode(manifest, 'SCH004').map(d => ({ path: d.path, message: d.message }));
}

describe('SCH004 unknown-field', () => {
  it('warns when targetPort is written targetport, and suggests targetPort', () => {
    const manifest = service({ ports: [{ port: 80, targetport: 8080 }] });
    const [diagnostic] = byCode(manifest, 'SCH004');
    expect(diagnostic).toMatchObject({
      severity: Severity.WARNING,
      rule: 'unknown-field',
      path: 'spec.ports[0].targetport',
      message: 'unknown field "targetport" in spec.ports[0], did you mean "targetPort"?',
      value: 8080,
    });
  });

  it.each([
    ['a snake_case name', service({ ports: [{ port: 80, node_port: 30001 }] }), 'spec.ports[0].node_port', 'unknown field "node_port" in spec.ports[0], did you mean "nodePort"?'],
    ['a swapped pair of letters', service({ slector: { app: 'foo' } }), 'spec.slector', 'unknown field "slector" in spec, did you mean "selector"?'],
    ['a plural for a singular', service({ selectors: { app: 'foo' } }), 'spec.selectors', 'unknown field "selectors" in spec, did you mean "selector"?'],
    ['metadata.label', service({}, { label: { app: 'foo' } }), 'metadata.label', 'unknown field "label" in metadata, did you mean "labels"?'],
    ['a top-level typo', { ...service(), specs: {} }, 'specs', 'unknown field "specs" at the top level, did you mean "spec"?'],
    ['an EndpointSlice endpoint typo', endpointSlice({ endpoints: [{ adresses: ['10.0.0.1'] }] }), 'endpoints[0].adresses', 'unknown field "adresses" in endpoints[0], did you mean "addresses"?'],
    ['a retry typo', virtualService([{ ...ROUTE, retries: { atempts: 3 } }]), 'spec.http[0].retries.atempts', 'unknown field "atempts" in spec.http[0].retries, did you mean "attempts"?'],
    ['perTryTimeout in snake case', virtualService([{ ...ROUTE, retries: { per_try_timeout: '2s' } }]), 'spec.http[0].retries.per_try_timeout', 'unknown field "per_try_timeout" in spec.http[0].retries, did you mean "perTryTimeout"?'],
    ['a destination typo', virtualService([{ route: [{ destination: { hots: 'reviews' } }] }]), 'spec.http[0].route[0].destination.hots', 'unknown field "hots" in spec.http[0].route[0].destination, did you mean "host"?'],
    ['a header match typo (map values are walked)', virtualService([{ ...ROUTE, match: [{ headers: { 'x-user': { exat: 'jason' } } }] }]), 'spec.http[0].match[0].headers["x-user"].exat', 'unknown field "exat" in spec.http[0].match[0].headers["x-user"], did you mean "exact"?'],
    ['a TCP match typo', { ...virtualService([]), spec: { hosts: ['db'], tcp: [{ match: [{ prot: 5432 }], ...ROUTE }] } }, 'spec.tcp[0].match[0].prot', 'unknown field "prot" in spec.tcp[0].match[0], did you mean "port"?'],
  ])('warns when a field is misspelt: %s', (_name, manifest, path, message) => {
    expect(unknown(manifest as JsonObject)).toEqual([{ path, message }]);
  });

  it('warns with the list of known fields when none is close', () => {
    expect(unknown(virtualService([{ ...ROUTE, retries: { attempts: 2, jitter: '1s' } }]))).toEqual([{
      path: 'spec.http[0].retries.jitter',
      message: 'unknown field "jitter" in spec.http[0].retries; known fields: attempts, backoff, perTryTimeout, retryIgnorePreviousHosts, retryOn, retryRemoteLocalities',
    }]);
  });

  it('warns without a suggestion or a list for a large object', () => {
    expect(unknown(service({ zzzzzz: 1 }))).toEqual([{ path: 'spec.zzzzzz', message: 'unknown field "zzzzzz" in spec' }]);
  });

  it('quotes a field name that is not an identifier', () => {
    expect(unknown(service({ 'x-port': 1 })).map(d => d.path)).toEqual(['spec["x-port"]']);
  });

  it.each([
    ['labels and annotations', service({}, { labels: { 'app.kubernetes.io/name': 'foo', anything: 'goes' }, annotations: { 'example.com/x': 'y' } })],
    ['the selector', service({ selector: { 'app.kubernetes.io/name': 'foo', targetport: 'x' } })],
    ['sourceLabels and header names', virtualService([{ ...ROUTE, match: [{ sourceLabels: { app: 'web', version: 'v1' }, headers: { 'x-anything': { exact: 'a' } }, queryParams: { q: { prefix: 'a' } } }] }])],
    ['header operations', virtualService([{ ...ROUTE, headers: { request: { set: { 'x-a': '1' }, add: { 'x-b': '2' } } } }])],
    ['deprecatedTopology', endpointSlice({ endpoints: [{ addresses: ['10.0.0.1'], deprecatedTopology: { 'topology.kubernetes.io/zone': 'a' } }] })],
    ['managedFields fieldsV1 (free-form)', service({}, { managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { 'f:ports': {} } } }] })],
  ])('does not flag the keys of open maps: %s', (_name, manifest) => {
    expect(unknown(manifest)).toEqual([]);
  });

  it('does not walk status', () => {
    expect(unknown({ ...fullLoadBalancer(), status: { loadBalancer: { ingres: [] }, extra: 1 } })).toEqual([]);
  });

  it.each([
    ['mirrors', { ...ROUTE, mirrors: [{ destination: { host: 'shadow' }, percentage: { value: 5 } }] }],
    ['rewrite.uriRegexRewrite', { ...ROUTE, rewrite: { uriRegexRewrite: { match: '^/a', rewrite: '/b' } } }],
    ['corsPolicy.unmatchedPreflights', { ...ROUTE, corsPolicy: { allowOrigins: [{ exact: 'https://a' }], unmatchedPreflights: 'FORWARD' } }],
    ['retries.retryIgnorePreviousHosts and backoff', { ...ROUTE, retries: { attempts: 2, retryIgnorePreviousHosts: true, backoff: '25ms' } }],
    ['redirect.prefixRewrite', { redirect: { prefixRewrite: '/v2' }, match: [{ uri: { prefix: '/v1' } }] }],
  ])('knows %s, added after Istio 1.18', (_name, route) => {
    for (const apiVersion of ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3']) {
      expect(unknown(virtualService([route], apiVersion))).toEqual([]);
    }
  });

  it('reports each unknown field once, in every version of VirtualService', () => {
    for (const apiVersion of ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3']) {
      const manifest = everyFieldVirtualService(apiVersion);
      ((manifest.spec as JsonObject).http as JsonObject[])[0].retry = { attempts: 1 };
      expect(unknown(manifest)).toEqual([{ path: 'spec.http[0].retry', message: 'unknown field "retry" in spec.http[0], did you mean "retries"?' }]);
    }
  });
});
