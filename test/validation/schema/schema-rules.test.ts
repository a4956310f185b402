import { Severity } from '../../../src/validation/diagnostic';
import { validateManifests } from '../../../src/validation/engine';
import { JsonObject } from '../../../src/validation/manifest';
import {
  byCode, endpointSlice, fooService, fullLoadBalancer, schemaDiagnostics, service, virtualService,
} from './manifests';

const ROUTE = { route: [{ destination: { host: 'reviews' } }] };

/** A VirtualService with one http route: ROUTE with `fields` merged in. */
function httpRoute(fields: JsonObject): JsonObject {
  return virtualService([{ ...ROUTE, ...fields }]);
}

/** A Service whose single port is `port`. */
function withPort(port: JsonObject): JsonObject {
  return service({ ports: [port] });
}

interface Case {
  readonly name: string;
  readonly manifest: JsonObject;
  readonly path: string;
  readonly message: string;
}

function expectReported(code: string, { manifest, path, message }: Case): void {
  const found = byCode(manifest, code);
  expect(found.map(d => ({ path: d.path, message: d.message }))).toContainEqual({ path, message });
  expect(found.every(d => d.severity === Severity.ERROR)).toBe(true);
}

describe('SCH001 schema-type', () => {
  it.each<Case>([
    { name: 'a port is a quoted number', manifest: withPort({ port: '80' }), path: 'spec.ports[0].port', message: 'port must be an integer, got a string "80"' },
    { name: 'targetPort is neither an integer nor a string', manifest: withPort({ port: 80, targetPort: true }), path: 'spec.ports[0].targetPort', message: 'targetPort must be a string or an integer, got a boolean true' },
    { name: 'ports is an object', manifest: service({ ports: { port: 80 } }), path: 'spec.ports', message: 'ports must be an array, got an object' },
    { name: 'the selector is a list', manifest: service({ selector: ['app=foo'] }), path: 'spec.selector', message: 'selector must be an object, got an array' },
    { name: 'a selector value is a number', manifest: service({ selector: { tier: 1 } }), path: 'spec.selector["tier"]', message: 'selector["tier"] must be a string, got a number 1' },
    { name: 'a label value is a boolean', manifest: service({}, { labels: { 'example.com/on': true } }), path: 'metadata.labels["example.com/on"]', message: 'labels["example.com/on"] must be a string, got a boolean true' },
    { name: 'the name is a number', manifest: service({}, { name: 5 }), path: 'metadata.name', message: 'name must be a string, got a number 5' },
    { name: 'allocateLoadBalancerNodePorts is a string', manifest: service({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: 'true' }), path: 'spec.allocateLoadBalancerNodePorts', message: 'allocateLoadBalancerNodePorts must be a boolean, got a string "true"' },
    { name: 'a session affinity timeout is a string', manifest: service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: '60' } } }), path: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', message: 'timeoutSeconds must be an integer, got a string "60"' },
    { name: 'an endpoint address is a number', manifest: endpointSlice({ endpoints: [{ addresses: [10] }] }), path: 'endpoints[0].addresses[0]', message: 'addresses[0] must be a string, got a number 10' },
    { name: 'an endpoint condition is a string', manifest: endpointSlice({ endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: 'yes' } }] }), path: 'endpoints[0].conditions.ready', message: 'ready must be a boolean, got a string "yes"' },
    { name: 'an EndpointSlice port is a fraction', manifest: endpointSlice({ ports: [{ port: 80.5 }] }), path: 'ports[0].port', message: 'port must be an integer, got a number 80.5' },
    { name: 'hosts is a string', manifest: { ...virtualService([ROUTE]), spec: { hosts: 'reviews', http: [ROUTE] } }, path: 'spec.hosts', message: 'hosts must be an array, got a string "reviews"' },
    { name: 'a host is a number', manifest: { ...virtualService([ROUTE]), spec: { hosts: ['reviews', 5], http: [ROUTE] } }, path: 'spec.hosts[1]', message: 'hosts[1] must be a string, got a number 5' },
    { name: 'retry attempts are a string', manifest: httpRoute({ retries: { attempts: '3' } }), path: 'spec.http[0].retries.attempts', message: 'attempts must be an integer, got a string "3"' },
    { name: 'a percentage value is a string', manifest: httpRoute({ fault: { abort: { httpStatus: 503, percentage: { value: '10' } } } }), path: 'spec.http[0].fault.abort.percentage.value', message: 'percentage.value must be a number, got a string "10"' },
    { name: 'a uri match is a string', manifest: httpRoute({ match: [{ uri: '/api' }] }), path: 'spec.http[0].match[0].uri', message: 'uri must be an object, got a string "/api"' },
    { name: 'a header match is a string', manifest: httpRoute({ match: [{ headers: { 'x-user': 'jason' } }] }), path: 'spec.http[0].match[0].headers["x-user"]', message: 'headers["x-user"] must be an object, got a string "jason"' },
    { name: 'route is an object', manifest: virtualService([{ route: { destination: { host: 'reviews' } } }]), path: 'spec.http[0].route', message: 'route must be an array, got an object' },
    { name: 'a post-1.18 field has the wrong type (retryIgnorePreviousHosts)', manifest: httpRoute({ retries: { attempts: 2, retryIgnorePreviousHosts: 'no' } }), path: 'spec.http[0].retries.retryIgnorePreviousHosts', message: 'retryIgnorePreviousHosts must be a boolean, got a string "no"' },
    { name: 'a VirtualService label value is a number', manifest: { ...virtualService([ROUTE]), metadata: { name: 'reviews', labels: { version: 2 } } }, path: 'metadata.labels["version"]', message: 'labels["version"] must be a string, got a number 2' },
  ])('errors when $name', c => expectReported('SCH001', c));

  it('reports one type error for a value, not the enum or format checks behind it', () => {
    const found = schemaDiagnostics(withPort({ port: 80, protocol: 6 }));
    expect(found.map(d => `${d.code} ${d.path}`)).toEqual(['SCH001 spec.ports[0].protocol']);
  });

  it('passes the offending value', () => {
    expect(byCode(withPort({ port: '80' }), 'SCH001')[0].value).toBe('80');
  });
});

describe('SCH002 schema-enum', () => {
  it.each<Case>([
    { name: 'the type is misspelt', manifest: service({ type: 'Nodeport' }), path: 'spec.type', message: 'type "Nodeport" must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
    // TestValidateServiceCreate "invalid protocol"
    { name: 'the protocol is not TCP, UDP or SCTP', manifest: withPort({ port: 80, protocol: 'INVALID' }), path: 'spec.ports[0].protocol', message: 'protocol "INVALID" must be one of "SCTP", "TCP", "UDP"' },
    { name: 'the protocol is lower case', manifest: withPort({ port: 80, protocol: 'tcp' }), path: 'spec.ports[0].protocol', message: 'protocol "tcp" must be one of "SCTP", "TCP", "UDP"' },
    // TestValidateServiceCreate "invalid internalTraffic field"
    { name: 'internalTrafficPolicy is not Cluster or Local', manifest: service({ internalTrafficPolicy: 'invalid' }), path: 'spec.internalTrafficPolicy', message: 'internalTrafficPolicy "invalid" must be one of "Cluster", "Local"' },
    { name: 'sessionAffinity is unknown', manifest: service({ sessionAffinity: 'Cookie' }), path: 'spec.sessionAffinity', message: 'sessionAffinity "Cookie" must be one of "ClientIP", "None"' },
    { name: 'ipFamilyPolicy is unknown', manifest: service({ ipFamilyPolicy: 'DualStack' }), path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy "DualStack" must be one of "PreferDualStack", "RequireDualStack", "SingleStack"' },
    { name: 'an IP family is unknown', manifest: service({ ipFamilies: ['IPv5'] }), path: 'spec.ipFamilies[0]', message: 'ipFamilies[0] "IPv5" must be one of "", "IPv4", "IPv6"' },
    { name: 'the address type is unknown', manifest: endpointSlice({ addressType: 'IP' }), path: 'addressType', message: 'addressType "IP" must be one of "FQDN", "IPv4", "IPv6"' },
    { name: 'derivePort is unknown', manifest: virtualService([{ redirect: { uri: '/x', derivePort: 'FROM_ANYWHERE' } }]), path: 'spec.http[0].redirect.derivePort', message: 'derivePort "FROM_ANYWHERE" must be one of "FROM_PROTOCOL_DEFAULT", "FROM_REQUEST_PORT"' },
    { name: 'unmatchedPreflights is unknown (post-1.18 field)', manifest: httpRoute({ corsPolicy: { unmatchedPreflights: 'DROP' } }), path: 'spec.http[0].corsPolicy.unmatchedPreflights', message: 'unmatchedPreflights "DROP" must be one of "UNSPECIFIED", "FORWARD", "IGNORE"' },
  ])('errors when $name', c => expectReported('SCH002', c));

  it.each([
    // TestValidateServiceCreate "missing type" is post-defaulting: an absent type becomes ClusterIP
    ['an absent type', service({ type: undefined })],
    ['ExternalName', service({ type: 'ExternalName', externalName: 'db.example.com', ports: undefined })],
    ['every IP family and policy', service({ ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'PreferDualStack' })],
  ])('accepts %s', (_name, manifest) => {
    expect(byCode(manifest, 'SCH002')).toEqual([]);
  });
});

describe('SCH003 schema-required', () => {
  it.each<Case>([
    { name: 'a Service port has no port number', manifest: withPort({ name: 'http', targetPort: 8080 }), path: 'spec.ports[0].port', message: 'missing required field "port" in ports[0]' },
    { name: 'an EndpointSlice has no addressType', manifest: endpointSlice({ addressType: undefined }), path: 'addressType', message: 'missing required field "addressType"' },
    { name: 'an endpoint has no addresses', manifest: endpointSlice({ endpoints: [{ hostname: 'a' }] }), path: 'endpoints[0].addresses', message: 'missing required field "addresses" in endpoints[0]' },
    { name: 'a zone hint has no name', manifest: endpointSlice({ endpoints: [{ addresses: ['10.0.0.1'], hints: { forZones: [{}] } }] }), path: 'endpoints[0].hints.forZones[0].name', message: 'missing required field "name" in forZones[0]' },
    { name: 'an http route entry has no destination', manifest: virtualService([{ route: [{ weight: 100 }] }]), path: 'spec.http[0].route[0].destination', message: 'missing required field "destination" in route[0]' },
    { name: 'a destination has no host', manifest: virtualService([{ route: [{ destination: { subset: 'v1' } }] }]), path: 'spec.http[0].route[0].destination.host', message: 'missing required field "host" in destination' },
    { name: 'a tcp route destination has no host', manifest: { ...virtualService([]), spec: { hosts: ['db'], tcp: [{ route: [{ destination: { port: { number: 5432 } } }] }] } }, path: 'spec.tcp[0].route[0].destination.host', message: 'missing required field "host" in destination' },
    { name: 'a mirror has no host', manifest: httpRoute({ mirror: { subset: 'v2' } }), path: 'spec.http[0].mirror.host', message: 'missing required field "host" in mirror' },
    { name: 'a mirrors entry has no destination', manifest: httpRoute({ mirrors: [{ percentage: { value: 5 } }] }), path: 'spec.http[0].mirrors[0].destination', message: 'missing required field "destination" in mirrors[0]' },
    { name: 'a direct response has no status', manifest: virtualService([{ directResponse: { body: { string: 'ok' } } }]), path: 'spec.http[0].directResponse.status', message: 'missing required field "status" in directResponse' },
    { name: 'a TLS route has no match', manifest: { ...virtualService([]), spec: { hosts: ['a.example.com'], tls: [{ route: [{ destination: { host: 'a' } }] }] } }, path: 'spec.tls[0].match', message: 'missing required field "match" in tls[0]' },
    { name: 'a TLS match has no sniHosts', manifest: { ...virtualService([]), spec: { hosts: ['a.example.com'], tls: [{ match: [{ port: 443 }], route: [{ destination: { host: 'a' } }] }] } }, path: 'spec.tls[0].match[0].sniHosts', message: 'missing required field "sniHosts" in match[0]' },
  ])('errors when $name', c => expectReported('SCH003', c));

  it('accepts an EndpointSlice without endpoints (required in OpenAPI, not enforced by the API server)', () => {
    expect(byCode(endpointSlice({ endpoints: undefined }), 'SCH003')).toEqual([]);
  });

  it('never asks for apiVersion or kind (rules are dispatched by them)', () => {
    expect(byCode(fooService(), 'SCH003')).toEqual([]);
  });
});

describe('SCH005 schema', () => {
  it.each<Case>([
    { name: 'a uri match sets exact and prefix', manifest: httpRoute({ match: [{ uri: { exact: '/a', prefix: '/b' } }] }), path: 'spec.http[0].match[0].uri', message: 'uri sets "exact" and "prefix": only one of "exact", "prefix" or "regex" may be set' },
    { name: 'a header match sets prefix and regex', manifest: httpRoute({ match: [{ headers: { 'x-user': { prefix: 'a', regex: 'b' } } }] }), path: 'spec.http[0].match[0].headers["x-user"]', message: 'headers["x-user"] sets "prefix" and "regex": only one of "exact", "prefix" or "regex" may be set' },
    { name: 'an allowed origin sets all three matches', manifest: httpRoute({ corsPolicy: { allowOrigins: [{ exact: 'a', prefix: 'b', regex: 'c' }] } }), path: 'spec.http[0].corsPolicy.allowOrigins[0]', message: 'allowOrigins[0] sets "exact", "prefix" and "regex": only one of "exact", "prefix" or "regex" may be set' },
    { name: 'an abort sets httpStatus and grpcStatus', manifest: httpRoute({ fault: { abort: { httpStatus: 503, grpcStatus: 'UNAVAILABLE', percentage: { value: 1 } } } }), path: 'spec.http[0].fault.abort', message: 'abort sets "httpStatus" and "grpcStatus": only one of "httpStatus", "grpcStatus" or "http2Error" may be set' },
    { name: 'a delay sets fixedDelay and exponentialDelay', manifest: httpRoute({ fault: { delay: { fixedDelay: '1s', exponentialDelay: '2s' } } }), path: 'spec.http[0].fault.delay', message: 'delay sets "fixedDelay" and "exponentialDelay": only one of "fixedDelay" or "exponentialDelay" may be set' },
    { name: 'a redirect sets port and derivePort', manifest: virtualService([{ redirect: { port: 8443, derivePort: 'FROM_REQUEST_PORT' } }]), path: 'spec.http[0].redirect', message: 'redirect sets "port" and "derivePort": only one of "port" or "derivePort" may be set' },
    { name: 'a direct response body sets string and bytes', manifest: virtualService([{ directResponse: { status: 200, body: { string: 'ok', bytes: 'b2s=' } } }]), path: 'spec.http[0].directResponse.body', message: 'body sets "string" and "bytes": only one of "string" or "bytes" may be set' },
    { name: 'a port does not fit an int32', manifest: withPort({ port: 4294967296 }), path: 'spec.ports[0].port', message: 'port 4294967296 is outside the int32 range -2147483648 to 2147483647' },
    { name: 'an int-or-string targetPort does not fit an int32', manifest: withPort({ port: 80, targetPort: 1e10 }), path: 'spec.ports[0].targetPort', message: 'targetPort 10000000000 is outside the int32 range -2147483648 to 2147483647' },
    { name: 'a weight does not fit an int32', manifest: virtualService([{ route: [{ destination: { host: 'a' }, weight: 3000000000 }] }]), path: 'spec.http[0].route[0].weight', message: 'weight 3000000000 is outside the int32 range -2147483648 to 2147483647' },
    { name: 'a destination port is negative (uint32)', manifest: virtualService([{ route: [{ destination: { host: 'a', port: { number: -1 } } }] }]), path: 'spec.http[0].route[0].destination.port.number', message: 'port.number -1 is outside the uint32 range 0 to 4294967295' },
    { name: 'a match port is above the uint32 range', manifest: httpRoute({ match: [{ port: 4294967296 }] }), path: 'spec.http[0].match[0].port', message: 'port 4294967296 is outside the uint32 range 0 to 4294967295' },
    { name: 'a redirect code is negative (uint32)', manifest: virtualService([{ redirect: { uri: '/x', redirectCode: -301 } }]), path: 'spec.http[0].redirect.redirectCode', message: 'redirectCode -301 is outside the uint32 range 0 to 4294967295' },
    { name: 'a creation timestamp is not a date-time', manifest: service({}, { creationTimestamp: 'yesterday' }), path: 'metadata.creationTimestamp', message: 'creationTimestamp "yesterday" is not a valid date-time' },
  ])('errors when $name', c => expectReported('SCH005', c));

  it('treats a null match as not set', () => {
    expect(schemaDiagnostics(httpRoute({ match: [{ uri: null, authority: { exact: 'a' } }] }))).toEqual([]);
  });
});

describe('all schema rules', () => {
  it('never report status (output only)', () => {
    const manifest = { ...fullLoadBalancer(), status: { loadBalancer: { ingress: 'not a list' }, conditions: 5, unknown: true } };
    expect(schemaDiagnostics(manifest)).toEqual([]);
  });

  it.each([
    ['spec is a list', service(), { spec: [1, 2] }],
    ['metadata is a string', service(), { metadata: 'foo' }],
    ['ports hold nulls and strings', service(), { spec: { ports: [null, 'http', [80]] } }],
    ['a VirtualService spec is a number', virtualService([]), { spec: 5 }],
    ['http entries are lists', virtualService([]), { spec: { hosts: ['a'], http: [[{ route: [] }]] } }],
    ['endpoints hold nulls', endpointSlice(), { endpoints: [null, 'x', { addresses: null }] }],
  ])('never throw: %s', (_name, base, overrides) => {
    const manifest = { ...base, ...overrides };
    expect(validateManifests([manifest]).filter(d => d.code === 'TRF000')).toEqual([]);
    expect(schemaDiagnostics(manifest).length).toBeGreaterThan(0);
  });

  it('treat a null spec as not set', () => {
    expect(schemaDiagnostics({ ...service(), spec: null })).toEqual([]);
  });

  it('validate a changed manifest afresh on the next run', () => {
    const manifest = fooService();
    expect(byCode(manifest, 'SCH002')).toEqual([]);
    (manifest.spec as JsonObject).type = 'Nodeport';
    expect(byCode(manifest, 'SCH002').map(d => d.path)).toEqual(['spec.type']);
  });
});
