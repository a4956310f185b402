/** Valid manifests for the schema tests; each builder returns a fresh object. */
import { Diagnostic } from '../../../src/validation/diagnostic';
import { JsonObject, resourceId, typeKey } from '../../../src/validation/manifest';
import { resolveOptions } from '../../../src/validation/options';
import { SCHEMA_RULES } from '../../../src/validation/schema';

/** The schema diagnostics (SCH*) of one manifest, from the schema rules alone. */
export function schemaDiagnostics(manifest: unknown): Diagnostic[] {
  // the schema rules on their own: the engine drops schema errors a semantic rule repeats
  // (test/validation/engine.test.ts), which would hide what these tables check
  const key = typeKey(manifest);
  const options = resolveOptions();
  const found: Diagnostic[] = [];
  for (const rule of SCHEMA_RULES.filter(r => r.appliesTo.includes(key))) {
    rule.check(manifest as JsonObject, {
      options,
      report: (path, message, value) => found.push({
        severity: rule.severity, code: rule.code, rule: rule.name, message, path, resource: resourceId(manifest), index: 0,
        ...(value === undefined ? {} : { value }),
      }),
    });
  }
  return found;
}

/** The diagnostics of one code. */
export function byCode(manifest: unknown, code: string): Diagnostic[] {
  return schemaDiagnostics(manifest).filter(d => d.code === code);
}

/** The reference text's foo-service (test/fixtures/foo-service.yaml). */
export function fooService(): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'foo-service' },
    spec: {
      type: 'NodePort',
      selector: { app: 'foo' },
      ports: [{ port: 80, targetPort: 80, nodePort: 30007 }],
    },
  };
}

/** A Service with `spec` merged over foo-service's. */
export function service(spec: JsonObject = {}, metadata: JsonObject = {}): JsonObject {
  const base = fooService();
  return { ...base, metadata: { ...(base.metadata as JsonObject), ...metadata }, spec: { ...(base.spec as JsonObject), ...spec } };
}

/** A LoadBalancer Service that sets every ServiceSpec field a LoadBalancer may hold. */
export function fullLoadBalancer(): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'shop',
      namespace: 'prod',
      labels: { 'app.kubernetes.io/name': 'shop' },
      annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    },
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'shop' },
      ports: [
        { name: 'http', protocol: 'TCP', appProtocol: 'http', port: 80, targetPort: 'http', nodePort: 30080 },
        { name: 'grpc', protocol: 'TCP', appProtocol: 'kubernetes.io/h2c', port: 9090, targetPort: 9090 },
      ],
      clusterIP: '10.0.0.10',
      clusterIPs: ['10.0.0.10', 'fd00::10'],
      ipFamilies: ['IPv4', 'IPv6'],
      ipFamilyPolicy: 'RequireDualStack',
      externalIPs: ['192.0.2.10'],
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
      loadBalancerIP: '192.0.2.20',
      loadBalancerSourceRanges: ['192.0.2.0/24'],
      loadBalancerClass: 'example.com/lb',
      allocateLoadBalancerNodePorts: true,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 30555,
      internalTrafficPolicy: 'Cluster',
      publishNotReadyAddresses: false,
      trafficDistribution: 'PreferClose',
    },
    status: { loadBalancer: { ingress: [{ ip: '192.0.2.20', ipMode: 'VIP' }] } },
  };
}

/** An EndpointSlice using every field. */
export function endpointSlice(overrides: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'db-1',
      namespace: 'prod',
      labels: { 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'cdk8s-traffic' },
    },
    addressType: 'IPv4',
    ports: [{ name: 'pg', protocol: 'TCP', appProtocol: 'postgresql', port: 5432 }],
    endpoints: [{
      addresses: ['10.0.0.12'],
      conditions: { ready: true, serving: true, terminating: false },
      hostname: 'db-1',
      nodeName: 'node-a',
      zone: 'zone-a',
      targetRef: { kind: 'Pod', name: 'db-1', namespace: 'prod', uid: '0d2e', apiVersion: 'v1', resourceVersion: '1', fieldPath: '' },
      hints: { forZones: [{ name: 'zone-a' }], forNodes: [{ name: 'node-a' }] },
      deprecatedTopology: { 'kubernetes.io/hostname': 'node-a' },
    }],
    ...overrides,
  };
}

/** The reference text's foo-retry-virtualservice (test/fixtures/foo-virtualservices.yaml). */
export function fooRetryVirtualService(): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: { name: 'foo-retry-virtualservice' },
    spec: {
      hosts: ['foo'],
      http: [{ route: [{ destination: { host: 'foo' } }], retries: { attempts: 3, perTryTimeout: '2s' } }],
    },
  };
}

/** The reference text's foo-delay-virtualservice. */
export function fooDelayVirtualService(): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: { name: 'foo-delay-virtualservice' },
    spec: {
      hosts: ['foo'],
      http: [{
        fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } },
        route: [{ destination: { host: 'foo' } }],
      }],
    },
  };
}

/** A VirtualService whose `http` is the given routes (each a route entry). */
export function virtualService(http: unknown[], apiVersion = 'networking.istio.io/v1'): JsonObject {
  return {
    apiVersion,
    kind: 'VirtualService',
    metadata: { name: 'reviews' },
    spec: { hosts: ['reviews'], http },
  };
}

const STRING_MATCH = { exact: 'x' };

/**
 * A VirtualService that uses every field of the schema, including those added after Istio
 * 1.18 (mirrors, uriRegexRewrite, unmatchedPreflights, retryIgnorePreviousHosts, backoff,
 * redirect prefixRewrite). Not a sensible route table: the semantic rules may object; the
 * schema must not.
 */
export function everyFieldVirtualService(apiVersion = 'networking.istio.io/v1'): JsonObject {
  const destination = { host: 'reviews.prod.svc.cluster.local', subset: 'v1', port: { number: 9080 } };
  const headers = { request: { set: { 'x-a': '1' }, add: { 'x-b': '2' }, remove: ['x-c'] }, response: { set: { 'x-d': '3' }, add: { 'x-e': '4' }, remove: ['x-f'] } };
  return {
    apiVersion,
    kind: 'VirtualService',
    metadata: { name: 'reviews', namespace: 'prod', labels: { app: 'reviews' }, annotations: { note: 'all fields' } },
    spec: {
      hosts: ['reviews.example.com'],
      gateways: ['mesh', 'prod/public'],
      exportTo: ['.'],
      http: [
        {
          name: 'everything',
          match: [{
            name: 'm',
            uri: { prefix: '/api' },
            scheme: { exact: 'https' },
            method: { regex: 'GET|POST' },
            authority: STRING_MATCH,
            headers: { 'x-user': { exact: 'jason' }, 'x-present': {} },
            withoutHeaders: { 'x-skip': { prefix: 'y' } },
            queryParams: { debug: STRING_MATCH },
            port: 80,
            sourceLabels: { app: 'web' },
            sourceNamespace: 'web',
            gateways: ['mesh'],
            ignoreUriCase: true,
            statPrefix: 'api',
          }],
          route: [{ destination, weight: 100, headers }],
          rewrite: { uri: '/v2', authority: 'reviews.internal' },
          timeout: '10s',
          retries: {
            attempts: 3,
            perTryTimeout: '2s',
            retryOn: 'gateway-error,connect-failure',
            retryRemoteLocalities: true,
            retryIgnorePreviousHosts: false,
            backoff: '50ms',
          },
          fault: {
            delay: { fixedDelay: '5s', percentage: { value: 0.1 }, percent: 10 },
            abort: { httpStatus: 503, percentage: { value: 1 } },
          },
          mirror: destination,
          mirrorPercentage: { value: 5 },
          mirrorPercent: 5,
          corsPolicy: {
            allowOrigins: [{ exact: 'https://example.com' }, { regex: 'https://.*\\.example\\.com' }],
            allowOrigin: ['https://old.example.com'],
            allowMethods: ['GET'],
            allowHeaders: ['x-a'],
            exposeHeaders: ['x-b'],
            maxAge: '24h',
            allowCredentials: true,
            unmatchedPreflights: 'IGNORE',
          },
          headers,
        },
        {
          name: 'mirrors-and-regex-rewrite',
          match: [{ uri: { regex: '^/old/(.*)$' } }],
          route: [{ destination: { host: 'reviews' } }],
          rewrite: { uriRegexRewrite: { match: '^/old/(.*)$', rewrite: '/new/\\1' } },
          mirrors: [{ destination: { host: 'shadow', port: { number: 8080 } }, percentage: { value: 10 } }],
          mirror_percent: 5,
          fault: { abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 5 } } },
        },
        {
          name: 'redirect',
          match: [{ uri: { prefix: '/legacy' } }],
          redirect: { prefixRewrite: '/new', authority: 'new.example.com', derivePort: 'FROM_REQUEST_PORT', scheme: 'https', redirectCode: 308 },
        },
        { name: 'redirect-port', match: [{ uri: { exact: '/x' } }], redirect: { uri: '/y', port: 8443 } },
        { name: 'direct', match: [{ uri: { exact: '/health' } }], directResponse: { status: 200, body: { string: 'ok' } } },
        { name: 'direct-bytes', match: [{ uri: { exact: '/b' } }], directResponse: { status: 200, body: { bytes: 'b2s=' } } },
        { name: 'delegate', match: [{ uri: { prefix: '/d' } }], delegate: { name: 'reviews-d', namespace: 'prod' } },
      ],
      tls: [{
        match: [{ sniHosts: ['reviews.example.com'], destinationSubnets: ['10.0.0.0/8'], port: 443, sourceLabels: { app: 'web' }, gateways: ['mesh'], sourceNamespace: 'web' }],
        route: [{ destination, weight: 100 }],
      }],
      tcp: [{
        match: [{ destinationSubnets: ['10.0.0.0/8'], port: 5432, sourceSubnet: '10.1.0.0/16', sourceLabels: { app: 'web' }, gateways: ['mesh'], sourceNamespace: 'web' }],
        route: [{ destination, weight: 100 }],
      }],
    },
  };
}
