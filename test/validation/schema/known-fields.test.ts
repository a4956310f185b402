import * as fs from 'fs';
import { KNOWN_FIELDS_FILE, renderKnownFields } from '../../../scripts/generate-known-fields';
import { FieldTree, isMapNode } from '../../../src/validation/schema/field-tree';
import { supplementedSpecSchema } from '../../../scripts/istio-schema';
import { ISTIO_KINDS, ISTIO_SCHEMA_PATCHES, ISTIO_TYPE_KEYS, SchemaNode } from '../../../src/validation/schema/istio-supplement';
import { knownFieldsFor, supplementTree } from '../../../src/validation/schema/known-fields';
import {
  DESTINATION_RULE_V1ALPHA3_FIELDS, DESTINATION_RULE_V1BETA1_FIELDS, GATEWAY_V1ALPHA3_FIELDS, GATEWAY_V1BETA1_FIELDS,
  SERVICE_ENTRY_V1ALPHA3_FIELDS, SERVICE_ENTRY_V1BETA1_FIELDS, VIRTUAL_SERVICE_V1ALPHA3_FIELDS, VIRTUAL_SERVICE_V1BETA1_FIELDS,
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
    supplementTree(VIRTUAL_SERVICE_V1BETA1_FIELDS, ISTIO_SCHEMA_PATCHES.VirtualService);
    expect(JSON.stringify(VIRTUAL_SERVICE_V1BETA1_FIELDS)).toBe(before);
  });

  it('errors when a patch names a place the tree does not have', () => {
    expect(() => supplementTree(VIRTUAL_SERVICE_V1BETA1_FIELDS, [{ at: 'http[].nowhere', add: { properties: { x: { type: 'string' } } } }]))
      .toThrow('no object at spec.http[].nowhere');
  });
});

const VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

/** Checks that every version of a kind knows `fields` and that the 1.18 model lacks exactly `added`. */
function describeIstioFields(kind: string, generated: FieldTree, fields: readonly string[], added: readonly string[]): void {
  it.each(VERSIONS)(`%s/${kind} knows every field`, version => {
    const tree = knownFieldsFor(`${version}/${kind}`);
    expect(fields.filter(field => nodeAt(tree, `spec.${field}`) === undefined)).toEqual([]);
  });

  it('the generated 1.18 tree lacks exactly the supplemented fields', () => {
    expect(added.filter(field => nodeAt(generated, `spec.${field}`) !== undefined)).toEqual([]);
    expect(fields.filter(field => nodeAt(generated, `spec.${field}`) === undefined && !added.some(a => field === a || field.startsWith(`${a}.`))))
      .toEqual([]);
  });
}

const POLICY_BLOCK_FIELDS = [
  'connectionPool.tcp.maxConnections', 'connectionPool.tcp.connectTimeout', 'connectionPool.tcp.tcpKeepalive.probes', 'connectionPool.tcp.tcpKeepalive.time',
  'connectionPool.tcp.tcpKeepalive.interval', 'connectionPool.tcp.maxConnectionDuration', 'connectionPool.tcp.idleTimeout',
  ...['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'idleTimeout', 'h2UpgradePolicy', 'useClientProtocol',
    'maxConcurrentStreams', 'http2KeepAlive.interval', 'http2KeepAlive.timeout'].map(f => `connectionPool.http.${f}`),
  ...['simple', 'consistentHash.httpHeaderName', 'consistentHash.httpCookie.name', 'consistentHash.httpCookie.path', 'consistentHash.httpCookie.ttl',
    'consistentHash.httpCookie.attributes.name', 'consistentHash.httpCookie.attributes.value', 'consistentHash.useSourceIp',
    'consistentHash.httpQueryParameterName', 'consistentHash.ringHash.minimumRingSize', 'consistentHash.maglev.tableSize', 'consistentHash.minimumRingSize',
    'localityLbSetting.enabled', 'localityLbSetting.distribute.from', 'localityLbSetting.distribute.to', 'localityLbSetting.failover.from',
    'localityLbSetting.failover.to', 'localityLbSetting.failoverPriority', 'zoneAwareLbSetting.enabled', 'zoneAwareLbSetting.failover.from',
    'zoneAwareLbSetting.failoverPriority', 'zoneAwareLbSetting.minClusterSize', 'warmupDurationSecs', 'warmup.duration', 'warmup.minimumPercent',
    'warmup.aggression', 'backendUtilization.weightUpdatePeriod', 'backendUtilization.errorUtilizationPenaltyPercent',
    'backendUtilization.metricNamesForComputingUtilization'].map(f => `loadBalancer.${f}`),
  ...['consecutive5xxErrors', 'consecutiveGatewayErrors', 'consecutiveErrors', 'splitExternalLocalOriginErrors', 'consecutiveLocalOriginFailures',
    'interval', 'baseEjectionTime', 'maxEjectionPercent', 'minHealthPercent', 'outlierDetectionHttpErrorCodes'].map(f => `outlierDetection.${f}`),
  ...['mode', 'clientCertificate', 'privateKey', 'caCertificates', 'credentialName', 'subjectAltNames', 'sni', 'insecureSkipVerify', 'caCrl'].map(f => `tls.${f}`),
];
const POLICY_ADDED = ['connectionPool.tcp.idleTimeout', 'connectionPool.http.maxConcurrentStreams', 'connectionPool.http.http2KeepAlive',
  'loadBalancer.consistentHash.httpCookie.attributes', 'loadBalancer.zoneAwareLbSetting', 'loadBalancer.warmup', 'loadBalancer.backendUtilization',
  'outlierDetection.outlierDetectionHttpErrorCodes', 'tls.caCrl'];
const POLICY_FIELDS = [...POLICY_BLOCK_FIELDS, 'tunnel.protocol', 'tunnel.targetHost', 'tunnel.targetPort', 'proxyProtocol.version',
  'retryBudget.percent', 'retryBudget.minRetryConcurrency', 'retryBudget.budgetInterval',
  'portLevelSettings.port.number', ...POLICY_BLOCK_FIELDS.map(f => `portLevelSettings.${f}`)];

describe('DestinationRule fields (istio-destinationrule-gateway-serviceentry.md §1.1)', () => {
  const fields = ['host', 'exportTo', 'workloadSelector.matchLabels', 'subsets.name', 'subsets.labels',
    ...POLICY_FIELDS.map(f => `trafficPolicy.${f}`), ...POLICY_FIELDS.map(f => `subsets.trafficPolicy.${f}`)];
  const added = ['trafficPolicy', 'subsets.trafficPolicy', 'trafficPolicy.portLevelSettings', 'subsets.trafficPolicy.portLevelSettings']
    .flatMap(at => POLICY_ADDED.map(f => `${at}.${f}`))
    .concat(['proxyProtocol', 'retryBudget'].flatMap(f => [`trafficPolicy.${f}`, `subsets.trafficPolicy.${f}`]));
  describeIstioFields('DestinationRule', DESTINATION_RULE_V1BETA1_FIELDS, fields, added);
});

describe('Gateway fields (istio-destinationrule-gateway-serviceentry.md §2.1)', () => {
  const tls = ['httpsRedirect', 'mode', 'serverCertificate', 'privateKey', 'caCertificates', 'caCertCredentialName', 'credentialName', 'credentialNames',
    'tlsCertificates.serverCertificate', 'tlsCertificates.privateKey', 'tlsCertificates.caCertificates', 'subjectAltNames', 'verifyCertificateSpki',
    'verifyCertificateHash', 'minProtocolVersion', 'maxProtocolVersion', 'cipherSuites', 'ecdhCurves', 'caCrl', 'insecureSkipVerify'];
  const fields = ['selector', 'servers.port.number', 'servers.port.protocol', 'servers.port.name', 'servers.port.targetPort', 'servers.hosts',
    'servers.bind', 'servers.name', 'servers.defaultEndpoint', ...tls.map(f => `servers.tls.${f}`)];
  const added = ['caCertCredentialName', 'credentialNames', 'tlsCertificates', 'ecdhCurves', 'caCrl', 'insecureSkipVerify'].map(f => `servers.tls.${f}`);
  describeIstioFields('Gateway', GATEWAY_V1BETA1_FIELDS, fields, added);
});

describe('ServiceEntry fields (istio-destinationrule-gateway-serviceentry.md §3.1)', () => {
  const fields = ['hosts', 'addresses', 'ports.number', 'ports.name', 'ports.protocol', 'ports.targetPort', 'location', 'resolution',
    ...['address', 'ports', 'labels', 'network', 'locality', 'weight', 'serviceAccount'].map(f => `endpoints.${f}`),
    'workloadSelector.labels', 'exportTo', 'subjectAltNames'];
  describeIstioFields('ServiceEntry', SERVICE_ENTRY_V1BETA1_FIELDS, fields, []);
});

test('v1alpha3 and v1beta1 share one tree per Istio kind (one schema)', () => {
  expect(DESTINATION_RULE_V1ALPHA3_FIELDS).toBe(DESTINATION_RULE_V1BETA1_FIELDS);
  expect(GATEWAY_V1ALPHA3_FIELDS).toBe(GATEWAY_V1BETA1_FIELDS);
  expect(SERVICE_ENTRY_V1ALPHA3_FIELDS).toBe(SERVICE_ENTRY_V1BETA1_FIELDS);
});

/** The field tree a `spec` schema describes, in the shape of FieldTree. */
function schemaTree(node: SchemaNode): FieldTree {
  if (node.items) return schemaTree(node.items);
  if (node.properties && Object.keys(node.properties).length > 0) {
    const tree: { [field: string]: FieldTree } = {};
    for (const [field, child] of Object.entries(node.properties)) tree[field] = schemaTree(child);
    return tree;
  }
  const values = node.additionalProperties ? schemaTree(node.additionalProperties) : 0;
  return values === 0 ? 0 : { '*': values };
}

test.each(ISTIO_KINDS)('the %s field tree (model types and supplement) matches its schema (model schema and supplement)', kind => {
  const expected = schemaTree(supplementedSpecSchema(kind, 'v1beta1'));
  for (const key of ISTIO_TYPE_KEYS[kind]) {
    const tree = knownFieldsFor(key);
    expect(tree === 0 ? undefined : tree?.spec).toEqual(expected);
  }
});

test('EndpointSlice fields include hints for zones and nodes', () => {
  const tree = knownFieldsFor('discovery.k8s.io/v1/EndpointSlice');
  for (const field of ['addressType', 'ports.appProtocol', 'endpoints.addresses', 'endpoints.conditions.serving', 'endpoints.hints.forZones.name',
    'endpoints.hints.forNodes.name', 'endpoints.targetRef.uid', 'endpoints.zone', 'endpoints.nodeName']) {
    expect(nodeAt(tree, field)).toBeDefined();
  }
});
