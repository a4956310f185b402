/**
 * SCH001-005 on DestinationRule, Gateway and ServiceEntry: Istio's CRD schemas (the Istio
 * 1.18 model with what Istio added since). Rows marked with an upstream test name adapt a case
 * of istio/istio pkg/config/validation/validation_test.go that the CRD schema already rejects
 * before the webhook runs.
 */
import { Severity } from '../../../src/validation/diagnostic';
import { validateManifests } from '../../../src/validation/engine';
import { JsonObject } from '../../../src/validation/manifest';
import {
  byCode, circuitBreakingDestinationRule, destinationRule, egressServiceEntry, gateway, schemaDiagnostics, secureIngressGateway, serviceEntry,
} from './manifests';

const VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

const HTTPS = { number: 443, name: 'https', protocol: 'HTTPS' };

/** A DestinationRule whose trafficPolicy is `policy`. */
function withPolicy(policy: JsonObject): JsonObject {
  return destinationRule({ trafficPolicy: policy });
}

/** A DestinationRule whose trafficPolicy has this load balancer. */
function withLoadBalancer(loadBalancer: unknown): JsonObject {
  return withPolicy({ loadBalancer });
}

interface Case {
  readonly name: string;
  readonly manifest: JsonObject;
  readonly path: string;
  readonly message: string;
}

function expectReported(code: string, { manifest, path, message }: Case): void {
  for (const apiVersion of VERSIONS) {
    const found = byCode({ ...manifest, apiVersion }, code);
    expect(found.map(d => ({ path: d.path, message: d.message }))).toContainEqual({ path, message });
    expect(found.every(d => d.severity === (code === 'SCH004' ? Severity.WARNING : Severity.ERROR))).toBe(true);
  }
}

describe('SCH001 schema-type on the Istio kinds', () => {
  it.each<Case>([
    { name: 'a DestinationRule host is a number', manifest: destinationRule({ host: 5 }), path: 'spec.host', message: 'host must be a string, got a number 5' },
    { name: 'subsets is an object', manifest: destinationRule({ subsets: { name: 'v1' } }), path: 'spec.subsets', message: 'subsets must be an array, got an object' },
    { name: 'a subset label value is a number', manifest: destinationRule({ subsets: [{ name: 'v1', labels: { version: 1 } }] }), path: 'spec.subsets[0].labels["version"]', message: 'labels["version"] must be a string, got a number 1' },
    { name: 'maxConnections is a string', manifest: withPolicy({ connectionPool: { tcp: { maxConnections: '100' } } }), path: 'spec.trafficPolicy.connectionPool.tcp.maxConnections', message: 'maxConnections must be an integer, got a string "100"' },
    { name: 'useSourceIp is a string', manifest: withLoadBalancer({ consistentHash: { useSourceIp: 'true' } }), path: 'spec.trafficPolicy.loadBalancer.consistentHash.useSourceIp', message: 'useSourceIp must be a boolean, got a string "true"' },
    { name: 'a post-1.18 field has the wrong type (retryBudget.percent)', manifest: withPolicy({ retryBudget: { percent: '20%' } }), path: 'spec.trafficPolicy.retryBudget.percent', message: 'percent must be a number, got a string "20%"' },
    { name: 'a port-level port number is a string', manifest: withPolicy({ portLevelSettings: [{ port: { number: '80' }, tls: { mode: 'DISABLE' } }] }), path: 'spec.trafficPolicy.portLevelSettings[0].port.number', message: 'port.number must be an integer, got a string "80"' },
    { name: 'Gateway hosts is a string', manifest: gateway([{ port: HTTPS, hosts: '*', tls: { mode: 'SIMPLE', credentialName: 'c' } }]), path: 'spec.servers[0].hosts', message: 'hosts must be an array, got a string "*"' },
    { name: 'a Gateway selector value is a boolean', manifest: { ...secureIngressGateway(), spec: { selector: { istio: true }, servers: [] } }, path: 'spec.selector["istio"]', message: 'selector["istio"] must be a string, got a boolean true' },
    { name: 'httpsRedirect is a string', manifest: gateway([{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'], tls: { httpsRedirect: 'yes' } }]), path: 'spec.servers[0].tls.httpsRedirect', message: 'httpsRedirect must be a boolean, got a string "yes"' },
    { name: 'a server is a string', manifest: gateway(['https://a.example.com']), path: 'spec.servers[0]', message: 'servers[0] must be an object, got a string "https://a.example.com"' },
    { name: 'ServiceEntry hosts is a string', manifest: serviceEntry({ hosts: 'httpbin.org' }), path: 'spec.hosts', message: 'hosts must be an array, got a string "httpbin.org"' },
    { name: 'an endpoint weight is a string', manifest: serviceEntry({ resolution: 'STATIC', endpoints: [{ address: '10.0.0.1', weight: 'heavy' }] }), path: 'spec.endpoints[0].weight', message: 'weight must be an integer, got a string "heavy"' },
    { name: 'an endpoint port is a string', manifest: serviceEntry({ resolution: 'STATIC', endpoints: [{ address: '10.0.0.1', ports: { http: '8080' } }] }), path: 'spec.endpoints[0].ports["http"]', message: 'ports["http"] must be an integer, got a string "8080"' },
  ])('errors when $name', c => expectReported('SCH001', c));
});

describe('SCH002 schema-enum on the Istio kinds', () => {
  it.each<Case>([
    { name: 'the load balancer is misspelt', manifest: withLoadBalancer({ simple: 'LEAST_CONNECTIONS' }), path: 'spec.trafficPolicy.loadBalancer.simple', message: 'simple "LEAST_CONNECTIONS" must be one of "UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST"' },
    { name: 'a subset TLS mode is lower case', manifest: destinationRule({ subsets: [{ name: 'v1', trafficPolicy: { tls: { mode: 'istio_mutual' } } }] }), path: 'spec.subsets[0].trafficPolicy.tls.mode', message: 'mode "istio_mutual" must be one of "DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"' },
    { name: 'h2UpgradePolicy is unknown', manifest: withPolicy({ portLevelSettings: [{ port: { number: 80 }, connectionPool: { http: { h2UpgradePolicy: 'ALWAYS' } } }] }), path: 'spec.trafficPolicy.portLevelSettings[0].connectionPool.http.h2UpgradePolicy', message: 'h2UpgradePolicy "ALWAYS" must be one of "DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"' },
    { name: 'the proxy protocol version is V3 (post-1.18 field)', manifest: withPolicy({ proxyProtocol: { version: 'V3' } }), path: 'spec.trafficPolicy.proxyProtocol.version', message: 'version "V3" must be one of "V1", "V2"' },
    { name: 'a server TLS mode is unknown', manifest: gateway([{ port: HTTPS, hosts: ['a.example.com'], tls: { mode: 'STRICT' } }]), path: 'spec.servers[0].tls.mode', message: 'mode "STRICT" must be one of "PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"' },
    { name: 'minProtocolVersion is TLSV1_4', manifest: gateway([{ port: HTTPS, hosts: ['a.example.com'], tls: { mode: 'SIMPLE', credentialName: 'c', minProtocolVersion: 'TLSV1_4' } }]), path: 'spec.servers[0].tls.minProtocolVersion', message: 'minProtocolVersion "TLSV1_4" must be one of "TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3"' },
    // the webhook's "unsupported resolution type" cannot be reached through the CRD
    { name: 'the resolution is unknown', manifest: serviceEntry({ resolution: 'DYNAMIC' }), path: 'spec.resolution', message: 'resolution "DYNAMIC" must be one of "NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"' },
    { name: 'the location is unknown', manifest: serviceEntry({ location: 'EXTERNAL' }), path: 'spec.location', message: 'location "EXTERNAL" must be one of "MESH_EXTERNAL", "MESH_INTERNAL"' },
  ])('errors when $name', c => expectReported('SCH002', c));

  it('accepts the enum values added after Istio 1.18', () => {
    expect(schemaDiagnostics(gateway([{ port: HTTPS, hosts: ['a.example.com'], tls: { mode: 'OPTIONAL_MUTUAL', credentialName: 'c' } }]))).toEqual([]);
    expect(schemaDiagnostics(serviceEntry({ hosts: ['*.example.com'], resolution: 'DYNAMIC_DNS' }))).toEqual([]);
  });
});

describe('SCH003 schema-required on the Istio kinds', () => {
  it.each<Case>([
    // TestValidateDestinationRule "missing destination name"
    { name: 'a DestinationRule has no host', manifest: { ...circuitBreakingDestinationRule(), spec: { subsets: [{ name: 'v1', labels: { version: 'v1' } }] } }, path: 'spec.host', message: 'missing required field "host" in spec' },
    // TestValidateDestinationRule "missing subset name" (an empty name is DR's own rule; a missing one the CRD's)
    { name: 'a subset has no name', manifest: destinationRule({ subsets: [{ labels: { version: 'v1' } }, { name: 'v2' }] }), path: 'spec.subsets[0].name', message: 'missing required field "name" in subsets[0]' },
    // TestValidateLoadBalancer "invalid load balancer with consistentHash load balancing, missing name"
    { name: 'a hash cookie has no name', manifest: withLoadBalancer({ consistentHash: { httpCookie: { ttl: '0s' } } }), path: 'spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.name', message: 'missing required field "name" in httpCookie' },
    { name: 'a cookie attribute has no name', manifest: withLoadBalancer({ consistentHash: { httpCookie: { name: 'user', attributes: [{ value: 'Strict' }] } } }), path: 'spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[0].name', message: 'missing required field "name" in attributes[0]' },
    { name: 'a tunnel has no target host', manifest: withPolicy({ tunnel: { targetPort: 8443 } }), path: 'spec.trafficPolicy.tunnel.targetHost', message: 'missing required field "targetHost" in tunnel' },
    { name: 'a subset tunnel has no target port', manifest: destinationRule({ subsets: [{ name: 'v1', trafficPolicy: { tunnel: { targetHost: 'egress.example.com' } } }] }), path: 'spec.subsets[0].trafficPolicy.tunnel.targetPort', message: 'missing required field "targetPort" in tunnel' },
    { name: 'a warmup has no duration', manifest: withPolicy({ portLevelSettings: [{ port: { number: 80 }, loadBalancer: { simple: 'ROUND_ROBIN', warmup: { minimumPercent: 10 } } }] }), path: 'spec.trafficPolicy.portLevelSettings[0].loadBalancer.warmup.duration', message: 'missing required field "duration" in warmup' },
    // TestValidateServer "empty" (port, then host)
    { name: 'a server has no port', manifest: gateway([{ hosts: ['a.example.com'] }]), path: 'spec.servers[0].port', message: 'missing required field "port" in servers[0]' },
    { name: 'a server has no hosts', manifest: gateway([{ port: { number: 80, name: 'http', protocol: 'HTTP' } }]), path: 'spec.servers[0].hosts', message: 'missing required field "hosts" in servers[0]' },
    // TestValidateServerPort "empty" (protocol, then name)
    { name: 'a server port has no protocol', manifest: gateway([{ port: { number: 80, name: 'http' }, hosts: ['a.example.com'] }]), path: 'spec.servers[0].port.protocol', message: 'missing required field "protocol" in port' },
    { name: 'a server port has no name', manifest: gateway([{ port: { number: 80, protocol: 'HTTP' }, hosts: ['a.example.com'] }]), path: 'spec.servers[0].port.name', message: 'missing required field "name" in port' },
    { name: 'a server port has no number', manifest: gateway([{ port: { name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }]), path: 'spec.servers[0].port.number', message: 'missing required field "number" in port' },
    // TestValidateServiceEntries "empty hosts"
    { name: 'a ServiceEntry has no hosts', manifest: { ...egressServiceEntry(), spec: { ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DNS' } }, path: 'spec.hosts', message: 'missing required field "hosts" in spec' },
    { name: 'a ServiceEntry port has no name', manifest: serviceEntry({ ports: [{ number: 80, protocol: 'HTTP' }] }), path: 'spec.ports[0].name', message: 'missing required field "name" in ports[0]' },
    { name: 'a ServiceEntry port has no number', manifest: serviceEntry({ ports: [{ name: 'http', protocol: 'HTTP' }] }), path: 'spec.ports[0].number', message: 'missing required field "number" in ports[0]' },
  ])('errors when $name', c => expectReported('SCH003', c));
});

describe('SCH004 unknown-field on the Istio kinds', () => {
  it.each<Case>([
    { name: 'loadBalancer is written loadbalancer', manifest: withPolicy({ loadbalancer: { simple: 'RANDOM' } }), path: 'spec.trafficPolicy.loadbalancer', message: 'unknown field "loadbalancer" in spec.trafficPolicy, did you mean "loadBalancer"?' },
    { name: 'maxConnections is singular', manifest: withPolicy({ connectionPool: { tcp: { maxConnection: 1 } } }), path: 'spec.trafficPolicy.connectionPool.tcp.maxConnection', message: 'unknown field "maxConnection" in spec.trafficPolicy.connectionPool.tcp, did you mean "maxConnections"?' },
    { name: 'a port-level outlier detection field is misspelt', manifest: withPolicy({ portLevelSettings: [{ port: { number: 80 }, outlierDetection: { consecutive5xxError: 1 } }] }), path: 'spec.trafficPolicy.portLevelSettings[0].outlierDetection.consecutive5xxError', message: 'unknown field "consecutive5xxError" in spec.trafficPolicy.portLevelSettings[0].outlierDetection, did you mean "consecutive5xxErrors"?' },
    { name: 'a subset selector is written selector', manifest: destinationRule({ subsets: [{ name: 'v1', selector: { version: 'v1' } }] }), path: 'spec.subsets[0].selector', message: 'unknown field "selector" in spec.subsets[0]; known fields: labels, name, trafficPolicy' },
    { name: 'a server port targetPort is snake case', manifest: gateway([{ port: { number: 80, name: 'http', protocol: 'HTTP', target_port: 8080 }, hosts: ['a.example.com'] }]), path: 'spec.servers[0].port.target_port', message: 'unknown field "target_port" in spec.servers[0].port, did you mean "targetPort"?' },
    { name: 'credentialName is written credentialname', manifest: gateway([{ port: HTTPS, hosts: ['a.example.com'], tls: { mode: 'SIMPLE', credentialname: 'c' } }]), path: 'spec.servers[0].tls.credentialname', message: 'unknown field "credentialname" in spec.servers[0].tls, did you mean "credentialName"?' },
    { name: 'endpoints is singular', manifest: serviceEntry({ endpoint: [{ address: '10.0.0.1' }] }), path: 'spec.endpoint', message: 'unknown field "endpoint" in spec, did you mean "endpoints"?' },
    { name: 'workloadSelector.labels is written matchLabels (the DestinationRule spelling)', manifest: serviceEntry({ workloadSelector: { matchLabels: { app: 'db' } } }), path: 'spec.workloadSelector.matchLabels', message: 'unknown field "matchLabels" in spec.workloadSelector; known fields: labels' },
  ])('warns when $name', c => expectReported('SCH004', c));

  it('does not flag the keys of open maps (labels, selectors, locality weights, endpoint ports)', () => {
    expect(byCode(destinationRule({
      subsets: [{ name: 'v1', labels: { 'app.kubernetes.io/version': 'v1' } }],
      workloadSelector: { matchLabels: { anything: 'goes' } },
      trafficPolicy: { loadBalancer: { localityLbSetting: { distribute: [{ from: 'a/b/*', to: { 'a/b/*': 100 } }] } } },
    }), 'SCH004')).toEqual([]);
    expect(byCode(serviceEntry({ resolution: 'STATIC', endpoints: [{ address: '10.0.0.1', ports: { http: 8080 }, labels: { any: 'x' } }] }), 'SCH004')).toEqual([]);
  });
});

describe('SCH005 schema (oneOf, ranges, limits) on the Istio kinds', () => {
  it.each<Case>([
    // the "consistentHash with simple" case that, per the reference, only the CRD oneOf rejects
    { name: 'a load balancer sets simple and consistentHash', manifest: withLoadBalancer({ simple: 'ROUND_ROBIN', consistentHash: { httpHeaderName: 'x-user' } }), path: 'spec.trafficPolicy.loadBalancer', message: 'loadBalancer sets "simple" and "consistentHash": only one of "simple", "consistentHash" or "backendUtilization" may be set' },
    { name: 'a port-level load balancer sets simple and backendUtilization', manifest: withPolicy({ portLevelSettings: [{ port: { number: 80 }, loadBalancer: { simple: 'RANDOM', backendUtilization: {} } }] }), path: 'spec.trafficPolicy.portLevelSettings[0].loadBalancer', message: 'loadBalancer sets "simple" and "backendUtilization": only one of "simple", "consistentHash" or "backendUtilization" may be set' },
    { name: 'a hash sets two keys', manifest: withLoadBalancer({ consistentHash: { httpHeaderName: 'x-user', useSourceIp: true } }), path: 'spec.trafficPolicy.loadBalancer.consistentHash', message: 'consistentHash sets "httpHeaderName" and "useSourceIp": only one of "httpHeaderName", "httpCookie", "useSourceIp" or "httpQueryParameterName" may be set' },
    { name: 'a subset hash sets ringHash and maglev', manifest: destinationRule({ subsets: [{ name: 'v1', trafficPolicy: { loadBalancer: { consistentHash: { useSourceIp: true, ringHash: { minimumRingSize: 1024 }, maglev: { tableSize: 65537 } } } } }] }), path: 'spec.subsets[0].trafficPolicy.loadBalancer.consistentHash', message: 'consistentHash sets "ringHash" and "maglev": only one of "ringHash" or "maglev" may be set' },
    { name: 'consecutive5xxErrors is negative (uint32)', manifest: withPolicy({ outlierDetection: { consecutive5xxErrors: -1 } }), path: 'spec.trafficPolicy.outlierDetection.consecutive5xxErrors', message: 'consecutive5xxErrors -1 is outside the uint32 range 0 to 4294967295' },
    { name: 'maxConnections does not fit an int32', manifest: withPolicy({ connectionPool: { tcp: { maxConnections: 2 ** 31 } } }), path: 'spec.trafficPolicy.connectionPool.tcp.maxConnections', message: 'maxConnections 2147483648 is outside the int32 range -2147483648 to 2147483647' },
    { name: 'a port-level port is negative', manifest: withPolicy({ portLevelSettings: [{ port: { number: -5 }, tls: { mode: 'DISABLE' } }] }), path: 'spec.trafficPolicy.portLevelSettings[0].port.number', message: 'port.number -5 is outside the uint32 range 0 to 4294967295' },
    { name: 'a tunnel target port is above the uint32 range', manifest: withPolicy({ tunnel: { targetHost: 'a.example.com', targetPort: 2 ** 32 } }), path: 'spec.trafficPolicy.tunnel.targetPort', message: 'targetPort 4294967296 is outside the uint32 range 0 to 4294967295' },
    { name: 'a locality weight is negative', manifest: withLoadBalancer({ localityLbSetting: { distribute: [{ from: 'a/*', to: { 'b/*': -1 } }] } }), path: 'spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to["b/*"]', message: 'to["b/*"] -1 is outside the uint32 range 0 to 4294967295' },
    { name: 'warmup minimumPercent is above 100', manifest: withLoadBalancer({ warmup: { duration: '10s', minimumPercent: 150 } }), path: 'spec.trafficPolicy.loadBalancer.warmup.minimumPercent', message: 'minimumPercent 150 is outside the range 0 to 100' },
    { name: 'the retry budget is above 100 percent', manifest: withPolicy({ retryBudget: { percent: 120 } }), path: 'spec.trafficPolicy.retryBudget.percent', message: 'percent 120 is outside the range 0 to 100' },
    { name: 'an outlier HTTP error code is not an HTTP status', manifest: withPolicy({ outlierDetection: { outlierDetectionHttpErrorCodes: [503, 99] } }), path: 'spec.trafficPolicy.outlierDetection.outlierDetectionHttpErrorCodes[1]', message: 'outlierDetectionHttpErrorCodes[1] 99 is outside the range 100 to 599' },
    { name: 'a ring size is negative (uint64)', manifest: withLoadBalancer({ consistentHash: { useSourceIp: true, ringHash: { minimumRingSize: -1 } } }), path: 'spec.trafficPolicy.loadBalancer.consistentHash.ringHash.minimumRingSize', message: 'minimumRingSize -1 must be >= 0' },
    { name: 'there are more than 4096 port-level settings', manifest: withPolicy({ portLevelSettings: Array.from({ length: 4097 }, (_, i) => ({ port: { number: i + 1 }, tls: { mode: 'DISABLE' } })) }), path: 'spec.trafficPolicy.portLevelSettings', message: 'portLevelSettings has 4097 items: at most 4096 are allowed' },
    { name: 'a workload selector label value is longer than 63 characters', manifest: destinationRule({ workloadSelector: { matchLabels: { app: 'a'.repeat(64) } } }), path: 'spec.workloadSelector.matchLabels["app"]', message: 'matchLabels["app"] has 64 characters: at most 63 are allowed' },
    // TestValidateServerPort "invalid number" is the webhook's range; a number beyond uint32 is the CRD's
    { name: 'a server port is above the uint32 range', manifest: gateway([{ port: { number: 2 ** 32, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }]), path: 'spec.servers[0].port.number', message: 'port.number 4294967296 is outside the uint32 range 0 to 4294967295' },
    { name: 'credentialNames is empty', manifest: gateway([{ port: HTTPS, hosts: ['a.example.com'], tls: { mode: 'SIMPLE', credentialNames: [] } }]), path: 'spec.servers[0].tls.credentialNames', message: 'credentialNames has no items: at least 1 item is required' },
    { name: 'there are three TLS certificates', manifest: gateway([{ port: HTTPS, hosts: ['a.example.com'], tls: { mode: 'SIMPLE', tlsCertificates: [{}, {}, {}] } }]), path: 'spec.servers[0].tls.tlsCertificates', message: 'tlsCertificates has 3 items: at most 2 are allowed' },
    { name: 'a ServiceEntry has an empty host list', manifest: serviceEntry({ hosts: [] }), path: 'spec.hosts', message: 'hosts has no items: at least 1 item is required' },
    { name: 'a ServiceEntry has 257 hosts', manifest: serviceEntry({ hosts: Array.from({ length: 257 }, (_, i) => `h${i}.example.com`) }), path: 'spec.hosts', message: 'hosts has 257 items: at most 256 are allowed' },
    { name: 'a ServiceEntry port is above the uint32 range', manifest: serviceEntry({ ports: [{ number: 2 ** 32, name: 'http' }] }), path: 'spec.ports[0].number', message: 'ports[0].number 4294967296 is outside the uint32 range 0 to 4294967295' },
    { name: 'an endpoint port is negative', manifest: serviceEntry({ resolution: 'STATIC', endpoints: [{ address: '10.0.0.1', ports: { http: -1 } }] }), path: 'spec.endpoints[0].ports["http"]', message: 'ports["http"] -1 is outside the uint32 range 0 to 4294967295' },
    { name: 'an address is longer than 64 characters', manifest: serviceEntry({ resolution: 'STATIC', addresses: ['1'.repeat(65)] }), path: 'spec.addresses[0]', message: 'addresses[0] has 65 characters: at most 64 are allowed' },
    { name: 'an endpoint has more than 128 ports', manifest: serviceEntry({ resolution: 'STATIC', endpoints: [{ address: '10.0.0.1', ports: Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`p${i}`, i + 1])) }] }), path: 'spec.endpoints[0].ports', message: 'ports has 129 entries: at most 128 are allowed' },
  ])('errors when $name', c => expectReported('SCH005', c));

  it('counts characters as code points, as the API server does', () => {
    const label = '\u{1F600}'.repeat(63);
    expect(byCode(destinationRule({ workloadSelector: { matchLabels: { app: label } } }), 'SCH005')).toEqual([]);
    expect(byCode(destinationRule({ workloadSelector: { matchLabels: { app: `${label}a` } } }), 'SCH005').map(d => d.message))
      .toEqual(['matchLabels["app"] has 64 characters: at most 63 are allowed']);
  });

  it.each<[string, unknown]>([
    ['one policy', { simple: 'RANDOM' }],
    ['a hash with one key and ringHash', { consistentHash: { httpCookie: { name: 'u' }, ringHash: { minimumRingSize: 1024 } } }],
    ['the deprecated minimumRingSize with a key', { consistentHash: { httpHeaderName: 'x', minimumRingSize: 1024 } }],
    ['locality settings beside the policy', { simple: 'LEAST_REQUEST', localityLbSetting: { enabled: true } }],
    ['a policy set to null beside another', { simple: null, consistentHash: { useSourceIp: true } }],
    ['no policy at all', { localityLbSetting: { enabled: false } }],
  ])('accepts a load balancer with %s', (_name, loadBalancer) => {
    expect(byCode(withLoadBalancer(loadBalancer), 'SCH005')).toEqual([]);
  });
});

describe('the schema rules on the Istio kinds', () => {
  it.each([
    ['a DestinationRule spec is a list', destinationRule(), { spec: [1] }],
    ['traffic policies hold nulls and strings', destinationRule(), { spec: { host: 'a', subsets: [null, 'v1', { trafficPolicy: 'x' }], trafficPolicy: { portLevelSettings: [null, 7] } } }],
    ['a load balancer is a list', destinationRule(), { spec: { host: 'a', trafficPolicy: { loadBalancer: [{ simple: 'RANDOM' }] } } }],
    ['servers hold nulls', secureIngressGateway(), { spec: { servers: [null, { port: null, tls: [] }] } }],
    ['ServiceEntry endpoints are strings', egressServiceEntry(), { spec: { hosts: ['a'], endpoints: ['10.0.0.1', { ports: [] }] } }],
  ])('never throw: %s', (_name, base, overrides) => {
    const manifest = { ...base, ...overrides };
    expect(validateManifests([manifest]).filter(d => d.code === 'TRF000')).toEqual([]);
    expect(schemaDiagnostics(manifest).length).toBeGreaterThan(0);
  });

  it('report the same findings in every served version', () => {
    const spec = { hosts: [], ports: [{ number: -1 }], resolution: 'DYNAMIC', bogus: 1 };
    const found = VERSIONS.map(apiVersion => schemaDiagnostics({ ...egressServiceEntry(apiVersion), spec }).map(d => `${d.code} ${d.path}`));
    expect(found[0]).toEqual(['SCH002 spec.resolution', 'SCH003 spec.ports[0].name', 'SCH004 spec.bogus', 'SCH005 spec.hosts', 'SCH005 spec.ports[0].number']);
    expect(found[1]).toEqual(found[0]);
    expect(found[2]).toEqual(found[0]);
  });
});
