import * as fs from 'fs';
import { KNOWN_FIELDS_FILE, renderKnownFields } from '../../../scripts/generate-known-fields';
import { FieldTree, isMapNode } from '../../../src/validation/schema/field-tree';
import { ISTIO_SCHEMA_PATCHES } from '../../../src/validation/schema/istio-supplement';
import { knownFieldsFor, supplementTree } from '../../../src/validation/schema/known-fields';
import {
  VIRTUAL_SERVICE_V1ALPHA3_FIELDS, VIRTUAL_SERVICE_V1BETA1_FIELDS,
} from '../../../src/validation/schema/known-fields.generated';

/** The node at a dotted path of field names (lists are transparent, `*` enters map values). */
function nodeAt(tree: FieldTree | undefined, path: string): FieldTree | undefined {
  let node = tree;
  for (const field of path.split('.')) {
    if (node === undefined || node === 0) return undefined;
    if (field !== '*' && isMapNode(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, field) ? node[field] : undefined;
  }
  return node;
}

test('known-fields.generated.ts is up to date (run npx ts-node --transpile-only scripts/generate-known-fields.ts)', () => {
  expect(fs.readFileSync(KNOWN_FIELDS_FILE, 'utf-8')).toBe(renderKnownFields());
}, 30000);

describe('Service fields (kubernetes-service.md §1.1, §1.2)', () => {
  const tree = knownFieldsFor('v1/Service');
  it.each([
    'selector', 'ports', 'type', 'clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'externalIPs',
    'sessionAffinity', 'sessionAffinityConfig.clientIP.timeoutSeconds', 'loadBalancerIP', 'loadBalancerSourceRanges',
    'loadBalancerClass', 'allocateLoadBalancerNodePorts', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort',
    'internalTrafficPolicy', 'publishNotReadyAddresses', 'trafficDistribution',
    'ports.name', 'ports.protocol', 'ports.appProtocol', 'ports.port', 'ports.targetPort', 'ports.nodePort',
  ])('knows spec.%s', field => {
    expect(nodeAt(tree, `spec.${field}`)).toBeDefined();
  });
});

describe('VirtualService fields (istio-virtualservice.md §1)', () => {
  const fields = [
    'hosts', 'gateways', 'http', 'tls', 'tcp', 'exportTo',
    ...['name', 'match', 'route', 'redirect', 'directResponse', 'delegate', 'rewrite', 'timeout', 'retries', 'fault',
      'mirror', 'mirrors', 'mirrorPercentage', 'mirrorPercent', 'mirror_percent', 'corsPolicy', 'headers'].map(f => `http.${f}`),
    ...['name', 'uri', 'scheme', 'method', 'authority', 'headers', 'withoutHeaders', 'port', 'sourceLabels', 'gateways',
      'queryParams', 'ignoreUriCase', 'sourceNamespace', 'statPrefix'].map(f => `http.match.${f}`),
    'http.match.headers.*.exact', 'http.match.withoutHeaders.*.regex', 'http.match.queryParams.*.prefix',
    'http.route.destination.host', 'http.route.destination.subset', 'http.route.destination.port.number', 'http.route.weight', 'http.route.headers.request.set',
    'http.delegate.name', 'http.delegate.namespace', 'http.headers.response.remove',
    ...['uri', 'authority', 'port', 'derivePort', 'scheme', 'redirectCode', 'prefixRewrite'].map(f => `http.redirect.${f}`),
    'http.directResponse.status', 'http.directResponse.body.string', 'http.directResponse.body.bytes',
    'http.rewrite.uri', 'http.rewrite.authority', 'http.rewrite.uriRegexRewrite.match', 'http.rewrite.uriRegexRewrite.rewrite',
    ...['attempts', 'perTryTimeout', 'retryOn', 'retryRemoteLocalities', 'retryIgnorePreviousHosts', 'backoff'].map(f => `http.retries.${f}`),
    'http.fault.delay.fixedDelay', 'http.fault.delay.exponentialDelay', 'http.fault.delay.percentage.value', 'http.fault.delay.percent',
    'http.fault.abort.httpStatus', 'http.fault.abort.grpcStatus', 'http.fault.abort.http2Error', 'http.fault.abort.percentage.value',
    'http.mirrors.destination.host', 'http.mirrors.percentage.value',
    ...['allowOrigins', 'allowOrigin', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'allowCredentials', 'unmatchedPreflights'].map(f => `http.corsPolicy.${f}`),
    ...['sniHosts', 'destinationSubnets', 'port', 'sourceLabels', 'gateways', 'sourceNamespace'].map(f => `tls.match.${f}`),
    'tls.route.destination.host',
    ...['destinationSubnets', 'port', 'sourceSubnet', 'sourceLabels', 'gateways', 'sourceNamespace'].map(f => `tcp.match.${f}`),
    'tcp.route.weight',
  ];
  it.each(['networking.istio.io/v1/VirtualService', 'networking.istio.io/v1beta1/VirtualService', 'networking.istio.io/v1alpha3/VirtualService'])('%s knows every field', key => {
    const tree = knownFieldsFor(key);
    expect(fields.filter(field => nodeAt(tree, `spec.${field}`) === undefined)).toEqual([]);
  });

  it('the generated 1.18 trees lack exactly the supplemented fields', () => {
    const added = ['http.mirrors', 'http.rewrite.uriRegexRewrite', 'http.corsPolicy.unmatchedPreflights', 'http.retries.retryIgnorePreviousHosts',
      'http.retries.backoff', 'http.redirect.prefixRewrite'];
    for (const field of added) expect(nodeAt(VIRTUAL_SERVICE_V1BETA1_FIELDS, `spec.${field}`)).toBeUndefined();
    expect(fields.filter(field => nodeAt(VIRTUAL_SERVICE_V1BETA1_FIELDS, `spec.${field}`) === undefined && !added.some(a => field.startsWith(a))))
      .toEqual([]);
  });

  it('v1alpha3 and v1beta1 share one tree (one schema)', () => {
    expect(VIRTUAL_SERVICE_V1ALPHA3_FIELDS).toEqual(VIRTUAL_SERVICE_V1BETA1_FIELDS);
  });

  it('supplementing leaves the generated tree untouched', () => {
    const before = JSON.stringify(VIRTUAL_SERVICE_V1BETA1_FIELDS);
    supplementTree(VIRTUAL_SERVICE_V1BETA1_FIELDS, ISTIO_SCHEMA_PATCHES);
    expect(JSON.stringify(VIRTUAL_SERVICE_V1BETA1_FIELDS)).toBe(before);
  });

  it('errors when a patch names a place the tree does not have', () => {
    expect(() => supplementTree(VIRTUAL_SERVICE_V1BETA1_FIELDS, [{ at: 'http[].nowhere', add: { properties: { x: { type: 'string' } } } }]))
      .toThrow('no object at spec.http[].nowhere');
  });
});

test('EndpointSlice fields include hints for zones and nodes', () => {
  const tree = knownFieldsFor('discovery.k8s.io/v1/EndpointSlice');
  for (const field of ['addressType', 'ports.appProtocol', 'endpoints.addresses', 'endpoints.conditions.serving', 'endpoints.hints.forZones.name',
    'endpoints.hints.forNodes.name', 'endpoints.targetRef.uid', 'endpoints.zone', 'endpoints.nodeName']) {
    expect(nodeAt(tree, field)).toBeDefined();
  }
});
