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

/**
 * The circuit-breaking DestinationRule of Istio's "Circuit Breaking" task: a connection pool
 * and outlier detection for httpbin.
 */
export function circuitBreakingDestinationRule(apiVersion = 'networking.istio.io/v1'): JsonObject {
  return {
    apiVersion,
    kind: 'DestinationRule',
    metadata: { name: 'httpbin' },
    spec: {
      host: 'httpbin',
      trafficPolicy: {
        connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } },
        outlierDetection: { consecutive5xxErrors: 1, interval: '1s', baseEjectionTime: '3m', maxEjectionPercent: 100 },
      },
    },
  };
}

/** A DestinationRule with `spec` merged over the circuit-breaking one's. */
export function destinationRule(spec: JsonObject = {}, apiVersion = 'networking.istio.io/v1'): JsonObject {
  const base = circuitBreakingDestinationRule(apiVersion);
  return { ...base, spec: { ...(base.spec as JsonObject), ...spec } };
}

/**
 * A DestinationRule that uses every field of the schema, including those added after Istio
 * 1.18 (warmup, zoneAwareLbSetting, backendUtilization, cookie attributes, HTTP/2 keepalive,
 * maxConcurrentStreams, tcp idleTimeout, outlierDetectionHttpErrorCodes, caCrl,
 * proxyProtocol, retryBudget). Each load balancer sets one policy. Not a sensible policy:
 * the semantic rules may object; the schema must not.
 */
export function everyFieldDestinationRule(apiVersion = 'networking.istio.io/v1'): JsonObject {
  const connectionPool = {
    tcp: {
      maxConnections: 100,
      connectTimeout: '30ms',
      tcpKeepalive: { probes: 3, time: '7200s', interval: '75s' },
      maxConnectionDuration: '1h',
      idleTimeout: '1h',
    },
    http: {
      http1MaxPendingRequests: 10,
      http2MaxRequests: 100,
      maxRequestsPerConnection: 10,
      maxRetries: 3,
      idleTimeout: '1h',
      h2UpgradePolicy: 'UPGRADE',
      useClientProtocol: false,
      maxConcurrentStreams: 100,
      http2KeepAlive: { interval: '30s', timeout: '5s' },
    },
  };
  const outlierDetection = {
    consecutive5xxErrors: 5,
    consecutiveGatewayErrors: 3,
    splitExternalLocalOriginErrors: true,
    consecutiveLocalOriginFailures: 5,
    interval: '10s',
    baseEjectionTime: '30s',
    maxEjectionPercent: 10,
    minHealthPercent: 0,
    outlierDetectionHttpErrorCodes: [500, 503],
  };
  const tls = {
    mode: 'SIMPLE',
    caCertificates: '/etc/certs/ca.pem',
    subjectAltNames: ['reviews.example.com'],
    sni: 'reviews.example.com',
    insecureSkipVerify: false,
    caCrl: '/etc/certs/crl.pem',
  };
  const localityLbSetting = {
    enabled: true,
    distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }],
  };
  return {
    apiVersion,
    kind: 'DestinationRule',
    metadata: { name: 'reviews', namespace: 'prod' },
    spec: {
      host: 'reviews.prod.svc.cluster.local',
      exportTo: ['.'],
      workloadSelector: { matchLabels: { app: 'web' } },
      trafficPolicy: {
        loadBalancer: {
          simple: 'LEAST_REQUEST',
          localityLbSetting,
          warmup: { duration: '60s', minimumPercent: 10, aggression: 1.5 },
          warmupDurationSecs: '60s',
        },
        connectionPool,
        outlierDetection,
        tls,
        proxyProtocol: { version: 'V2' },
        retryBudget: { percent: 20, minRetryConcurrency: 3, budgetInterval: '1s' },
        portLevelSettings: [
          {
            port: { number: 9080 },
            loadBalancer: { consistentHash: { httpCookie: { name: 'user', path: '/', ttl: '0s', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }] }, ringHash: { minimumRingSize: 1024 } } },
            connectionPool,
            outlierDetection,
            tls: { mode: 'ISTIO_MUTUAL' },
          },
          { port: { number: 9081 }, loadBalancer: { consistentHash: { httpHeaderName: 'x-user', maglev: { tableSize: 65537 } } } },
          { port: { number: 9082 }, loadBalancer: { consistentHash: { useSourceIp: true, minimumRingSize: 1024 } } },
          { port: { number: 9083 }, loadBalancer: { consistentHash: { httpQueryParameterName: 'user' } } },
          {
            port: { number: 9084 },
            loadBalancer: {
              backendUtilization: {
                weightUpdatePeriod: '1s',
                weightExpirationPeriod: '3m',
                weightStabilizationPeriod: '10s',
                errorUtilizationPenaltyPercent: 50,
                metricNamesForComputingUtilization: ['named_metrics.cpu'],
              },
            },
          },
        ],
      },
      subsets: [
        { name: 'v1', labels: { version: 'v1' } },
        {
          name: 'v2',
          labels: { version: 'v2' },
          trafficPolicy: {
            loadBalancer: { simple: 'ROUND_ROBIN', zoneAwareLbSetting: { enabled: true, failover: [{ from: 'us-east', to: 'us-west' }], failoverPriority: ['example.com/rack'], minClusterSize: 6 } },
            tls: { mode: 'MUTUAL', clientCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', credentialName: 'client-creds' },
            tunnel: { protocol: 'CONNECT', targetHost: 'egress.example.com', targetPort: 8443 },
          },
        },
      ],
    },
  };
}

/** The ingress Gateway of Istio's "Secure Gateways" task: HTTPS on 443 with SIMPLE TLS. */
export function secureIngressGateway(apiVersion = 'networking.istio.io/v1'): JsonObject {
  return {
    apiVersion,
    kind: 'Gateway',
    metadata: { name: 'mygateway' },
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [{
        port: { number: 443, name: 'https', protocol: 'HTTPS' },
        tls: { mode: 'SIMPLE', credentialName: 'httpbin-credential' },
        hosts: ['httpbin.example.com'],
      }],
    },
  };
}

/** A Gateway whose `servers` are the given ones. */
export function gateway(servers: unknown, apiVersion = 'networking.istio.io/v1'): JsonObject {
  return { ...secureIngressGateway(apiVersion), spec: { selector: { istio: 'ingressgateway' }, servers } };
}

/**
 * A Gateway that uses every field of the schema, including those added after Istio 1.18
 * (OPTIONAL_MUTUAL, caCrl, insecureSkipVerify, credentialNames, tlsCertificates,
 * caCertCredentialName, ecdhCurves).
 */
export function everyFieldGateway(apiVersion = 'networking.istio.io/v1'): JsonObject {
  return gateway([
    {
      port: { number: 80, name: 'http', protocol: 'HTTP' },
      hosts: ['prod/*.example.com'],
      name: 'plain',
      bind: '0.0.0.0',
      defaultEndpoint: '127.0.0.1:8080',
      tls: { httpsRedirect: true },
    },
    {
      port: { number: 443, name: 'https', protocol: 'HTTPS' },
      hosts: ['*.example.com'],
      tls: {
        mode: 'OPTIONAL_MUTUAL',
        serverCertificate: '/etc/certs/server.pem',
        privateKey: '/etc/certs/key.pem',
        caCertificates: '/etc/certs/ca.pem',
        caCrl: '/etc/certs/crl.pem',
        subjectAltNames: ['client.example.com'],
        verifyCertificateSpki: ['c3BraQ=='],
        verifyCertificateHash: ['AB:CD'],
        minProtocolVersion: 'TLSV1_2',
        maxProtocolVersion: 'TLSV1_3',
        cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384'],
        ecdhCurves: ['X25519'],
        insecureSkipVerify: false,
      },
    },
    { port: { number: 8443, name: 'https-2', protocol: 'HTTPS' }, hosts: ['a.example.com'], tls: { mode: 'SIMPLE', credentialNames: ['rsa-cert', 'ecdsa-cert'], caCertCredentialName: 'ca-cert' } },
    {
      port: { number: 9443, name: 'https-3', protocol: 'HTTPS' },
      hosts: ['b.example.com'],
      tls: { mode: 'MUTUAL', tlsCertificates: [{ serverCertificate: '/etc/rsa/cert.pem', privateKey: '/etc/rsa/key.pem', caCertificates: '/etc/ca.pem' }] },
    },
    { port: { number: 15443, name: 'tls', protocol: 'TLS', targetPort: 0 }, hosts: ['*.local'], tls: { mode: 'AUTO_PASSTHROUGH' } },
  ], apiVersion);
}

/** The egress ServiceEntry of Istio's "Accessing External Services" task: httpbin.org over HTTP, DNS resolution. */
export function egressServiceEntry(apiVersion = 'networking.istio.io/v1'): JsonObject {
  return {
    apiVersion,
    kind: 'ServiceEntry',
    metadata: { name: 'httpbin-ext' },
    spec: {
      hosts: ['httpbin.org'],
      ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
      resolution: 'DNS',
      location: 'MESH_EXTERNAL',
    },
  };
}

/** A ServiceEntry with `spec` merged over the egress one's. */
export function serviceEntry(spec: JsonObject = {}, apiVersion = 'networking.istio.io/v1'): JsonObject {
  const base = egressServiceEntry(apiVersion);
  return { ...base, spec: { ...(base.spec as JsonObject), ...spec } };
}

/** A ServiceEntry that uses every field of the schema, including DYNAMIC_DNS's neighbours. */
export function everyFieldServiceEntry(apiVersion = 'networking.istio.io/v1'): JsonObject {
  return serviceEntry({
    hosts: ['db.internal.example.com'],
    addresses: ['10.10.0.0/24'],
    ports: [{ number: 5432, name: 'tcp-pg', protocol: 'TCP', targetPort: 15432 }],
    location: 'MESH_INTERNAL',
    resolution: 'STATIC',
    endpoints: [{
      address: '10.10.0.12',
      ports: { 'tcp-pg': 15432 },
      labels: { app: 'db' },
      network: 'net-1',
      locality: 'us-west/zone1',
      weight: 10,
      serviceAccount: 'db',
    }],
    exportTo: ['.', 'web'],
    subjectAltNames: ['spiffe://cluster.local/ns/prod/sa/db'],
  }, apiVersion);
}
