import { Case, CleanCase, destinationRule, expectClean, expectFindings, verdict, withPolicy } from './helpers';

// Upstream: validateTrafficPolicy (TestValidateTrafficPolicy, TestValidateDestinationRule
// "valid/invalid traffic policy" rows).

const VALID_POLICY = {
  loadBalancer: { simple: 'ROUND_ROBIN' },
  connectionPool: { tcp: { maxConnections: 7 }, http: { http2MaxRequests: 11 } },
  outlierDetection: { minHealthPercent: 20 },
};
const SUBSETS = [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }];

describe('upstream verdicts (TestValidateTrafficPolicy, TestValidateDestinationRule)', () => {
  const rows: Array<{ name: string; manifest: Record<string, unknown>; valid: boolean; warning?: boolean }> = [
    { name: 'simple destination rule', manifest: destinationRule({ spec: { subsets: SUBSETS } }), valid: true },
    { name: 'empty selector labels warn', manifest: destinationRule({ spec: { subsets: SUBSETS, workloadSelector: {} } }), valid: true, warning: true },
    { name: 'missing host', manifest: destinationRule({ spec: { host: '', subsets: SUBSETS } }), valid: false },
    { name: 'valid traffic policy, top level', manifest: withPolicy(VALID_POLICY, { subsets: SUBSETS }), valid: true },
    { name: 'invalid traffic policy, top level (empty connection pool)',
      manifest: withPolicy({ ...VALID_POLICY, connectionPool: {} }, { subsets: SUBSETS }), valid: false },
    { name: 'valid traffic policy, subset level',
      manifest: destinationRule({ spec: { subsets: [{ ...SUBSETS[0], trafficPolicy: VALID_POLICY }, SUBSETS[1]] } }), valid: true },
    { name: 'invalid traffic policy, subset level',
      manifest: destinationRule({ spec: { subsets: [{ ...SUBSETS[0], trafficPolicy: { ...VALID_POLICY, connectionPool: {} } }, SUBSETS[1]] } }), valid: false },
    { name: 'invalid traffic policy, nil entries', manifest: withPolicy({}), valid: false },
    { name: 'invalid traffic policy, missing port in port level settings', manifest: withPolicy({ portLevelSettings: [VALID_POLICY] }), valid: false },
    { name: 'invalid traffic policy, bad max connection duration',
      manifest: withPolicy({ loadBalancer: { simple: 'ROUND_ROBIN' }, connectionPool: { tcp: { maxConnectionDuration: '500ns' } } }), valid: false },
    { name: 'invalid traffic policy, panic threshold too low', manifest: withPolicy({ ...VALID_POLICY, outlierDetection: { minHealthPercent: -1 } }), valid: false },
    { name: 'invalid traffic policy, both upgrade and use client protocol set',
      manifest: withPolicy({ connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } }), valid: false },
  ];
  it.each(rows)('$name', ({ manifest, valid, warning }) => {
    const result = verdict(manifest);
    expect({ valid: result.valid, warning: result.warning }).toEqual({ valid, warning: warning ?? false });
  });
});

describe('DR009 traffic-policy-empty', () => {
  const clean: CleanCase[] = [
    { name: 'a policy with settings', manifest: withPolicy(VALID_POLICY) },
    { name: 'a policy with only retryBudget', manifest: withPolicy({ retryBudget: { percent: { value: 10 } } }) },
    { name: 'a policy with only proxyProtocol', manifest: withPolicy({ proxyProtocol: { version: 'V2' } }) },
    { name: 'no policy', manifest: destinationRule() },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR009', manifest));

  const invalid: Case[] = [
    { name: 'the top-level policy is empty', manifest: withPolicy({}),
      expected: [{ path: 'spec.trafficPolicy', message: 'traffic policy must have at least one field' }] },
    { name: 'a subset policy is empty', manifest: destinationRule({ spec: { subsets: [{ name: 'v1', trafficPolicy: {} }] } }),
      expected: [{ path: 'spec.subsets[0].trafficPolicy', message: 'traffic policy must have at least one field' }] },
    { name: 'the only fields are null or an empty list', manifest: withPolicy({ tls: null, portLevelSettings: [] }),
      expected: [{ path: 'spec.trafficPolicy', message: 'traffic policy must have at least one field' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR009', manifest, expected));
});

describe('DR010 tunnel-with-proxy-protocol', () => {
  const tunnel = { protocol: 'CONNECT', targetHost: 'proxy.example.com', targetPort: 3128 };
  it('accepts a tunnel alone', () => expectClean('DR010', withPolicy({ tunnel })));

  it('errors when both are set', () => {
    expectFindings('DR010', withPolicy({ tunnel, proxyProtocol: { version: 'V1' } }),
      [{ path: 'spec.trafficPolicy', message: 'tunnel and proxyProtocol must not be set together' }]);
  });

  it('stops there, as the webhook does: the policy\'s other settings are not checked', () => {
    const manifest = withPolicy({ tunnel, proxyProtocol: { version: 'V1' }, connectionPool: {}, portLevelSettings: [{ port: { number: 80 } }] });
    expect(verdict(manifest).codes).toEqual(['DR010']);
  });
});
