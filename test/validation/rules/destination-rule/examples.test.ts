import { validateManifests } from '../../../../src/validation/engine';
import { beginRun } from '../../../../src/validation/memo';
import { resolveOptions } from '../../../../src/validation/options';
import { DESTINATION_RULE_RULES } from '../../../../src/validation/rules/destination-rule';
import { destinationRule } from './helpers';

// Whole DestinationRules from Istio's documentation pass every DR rule, in all three served
// versions; a large rule is checked in linear time.

const CIRCUIT_BREAKER = {
  host: 'reviews.prod.svc.cluster.local',
  trafficPolicy: {
    connectionPool: {
      tcp: { maxConnections: 100, connectTimeout: '30ms', tcpKeepalive: { time: '7200s', interval: '75s' } },
      http: { http2MaxRequests: 1000, maxRequestsPerConnection: 10, idleTimeout: '1h', http2KeepAlive: { interval: '30s', timeout: '10s' } },
    },
    outlierDetection: { consecutive5xxErrors: 7, interval: '5m', baseEjectionTime: '15m', maxEjectionPercent: 100 },
    loadBalancer: {
      simple: 'ROUND_ROBIN',
      localityLbSetting: { enabled: true, failover: [{ from: 'us-east', to: 'eu-west' }] },
      warmup: { duration: '60s', minimumPercent: 10, aggression: 1.5 },
    },
  },
  subsets: [
    { name: 'v1', labels: { version: 'v1' } },
    {
      name: 'v2', labels: { version: 'v2' },
      trafficPolicy: {
        loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '0s', attributes: [{ name: 'SameSite', value: 'Strict' }] }, maglev: { tableSize: 65537 } } },
        portLevelSettings: [{ port: { number: 80 }, loadBalancer: { simple: 'LEAST_REQUEST' } }, { port: { number: 9080 }, tls: { mode: 'ISTIO_MUTUAL' } }],
      },
    },
  ],
  exportTo: ['.', 'istio-system'],
};

const TUNNEL = {
  host: 'external.example.com',
  trafficPolicy: { tunnel: { protocol: 'CONNECT', targetHost: 'egress-gw.istio-system.svc.cluster.local', targetPort: 15443 }, tls: { mode: 'SIMPLE', credentialName: 'ca-secret', sni: 'external.example.com' } },
};

const SELECTOR = {
  host: 'ratings.prod.svc.cluster.local',
  workloadSelector: { matchLabels: { app: 'ratings' } },
  exportTo: ['.'],
  trafficPolicy: { tls: { mode: 'MUTUAL', clientCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', caCertificates: '/etc/certs/ca.pem' } },
};

const drFindings = (manifest: unknown) => validateManifests([manifest]).filter(d => d.code.startsWith('DR'));

describe('documented DestinationRules', () => {
  it.each(['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'])('pass in %s', apiVersion => {
    for (const spec of [CIRCUIT_BREAKER, TUNNEL, SELECTOR]) {
      expect(drFindings(destinationRule({ spec, apiVersion, namespace: 'prod' }))).toEqual([]);
    }
  });

  it('reports every problem of a broken rule in one run', () => {
    const manifest = destinationRule({ spec: { host: '', subsets: [{ name: 'v1' }, { name: 'v1' }], trafficPolicy: { connectionPool: {} } } });
    expect(drFindings(manifest).map(d => d.code)).toEqual(['DR001', 'DR003', 'DR023']);
  });

  it('survives values of the wrong type anywhere', () => {
    const odd = [null, 1, 'x', [], {}, true];
    for (const value of odd) {
      const spec = {
        host: value, subsets: [value, { name: value, labels: value, trafficPolicy: value }], exportTo: value, workloadSelector: value,
        trafficPolicy: {
          loadBalancer: { consistentHash: value, localityLbSetting: { distribute: [value, { from: value, to: value }], failover: [value] }, warmup: value },
          connectionPool: { tcp: value, http: { http2KeepAlive: value, idleTimeout: value } }, outlierDetection: value, tls: value,
          portLevelSettings: [value, { port: value, tls: { mode: value } }], tunnel: { targetHost: value, targetPort: value }, retryBudget: value,
        },
      };
      expect(() => validateManifests([destinationRule({ spec })])).not.toThrow();
      expect(validateManifests([destinationRule({ spec })]).filter(d => d.code === 'internal-error')).toEqual([]);
    }
  });

  it('checks a rule with 20,000 subsets', () => {
    const subsets = Array.from({ length: 20_000 }, (_, i) => ({
      name: `v${i}`, labels: { version: `v${i}` },
      trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, connectionPool: { tcp: { connectTimeout: '1s' } } }] },
    }));
    const distribute = [{ from: 'r/*', to: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`r${i}/z`, 1])) }];
    const manifest = destinationRule({ spec: { subsets, trafficPolicy: { loadBalancer: { localityLbSetting: { distribute } }, outlierDetection: {} } } });
    const found: string[] = [];
    beginRun();
    for (const rule of DESTINATION_RULE_RULES) {
      rule.check(manifest, { options: resolveOptions(), report: path => found.push(`${rule.code} ${path}`) });
    }
    expect(found).toEqual([]);
  });
});
