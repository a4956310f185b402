import { localityProblem } from '../../../../src/validation/rules/destination-rule/locality';
import { Case, expectClean, expectFindings, verdict, withPolicy } from './helpers';

// Upstream: agent.ValidateLocalityLbSetting (TestValidateLocalityLbSetting),
// agent.ValidateZoneAwareLbSetting (TestValidateZoneAwareLbSetting), agent.validateLocalities
// (TestValidateLocalities), validateLoadBalancer.

const OUTLIER = { outlierDetection: { consecutive5xxErrors: 5 } };
const locality = (setting: unknown, outlier = true) =>
  withPolicy({ loadBalancer: { localityLbSetting: setting }, ...(outlier ? OUTLIER : {}) });
const zoneAware = (setting: unknown, outlier = true) =>
  withPolicy({ loadBalancer: { zoneAwareLbSetting: setting }, ...(outlier ? OUTLIER : {}) });
const AT = 'spec.trafficPolicy.loadBalancer.localityLbSetting';
const ZAT = 'spec.trafficPolicy.loadBalancer.zoneAwareLbSetting';

describe('upstream verdicts (TestValidateLocalityLbSetting)', () => {
  it.each([
    ['total weight > 100', { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 25 } }] }, true, false, false],
    ['total weight < 100', { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 15 } }] }, true, false, false],
    ['weight = 0', { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 0, 'a/b1': 100 } }] }, true, false, false],
    ['both distribute and failover', { distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 20 } }], failover: [{ from: 'region1', to: 'region2' }] }, true, false, false],
    ['failover to the same region', { failover: [{ from: 'region1', to: 'region1' }] }, true, false, false],
    ['failover from "*"', { failover: [{ from: '*', to: 'region2' }] }, true, false, false],
    ['failover to "*"', { failover: [{ from: 'region1', to: '*' }] }, true, false, false],
    ['failover from a zone', { failover: [{ from: 'region1/zone1', to: 'region2' }] }, true, false, false],
    ['failover to a zone', { failover: [{ from: 'region1', to: 'region2/zone1' }] }, true, false, false],
    ['failover priority without outlier detection',
      { failoverPriority: ['topology.istio.io/network', 'topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'] }, false, true, true],
    ['failover without outlier detection', { failover: [{ from: 'us-east', to: 'eu-west' }, { from: 'us-west', to: 'eu-east' }] }, false, true, true],
    ['failoverPriority with a region label and failover', { failover: [{ from: 'region1', to: 'region2' }], failoverPriority: ['topology.kubernetes.io/region'] }, true, false, false],
  ])('%s', (_name, setting, outlier, valid, warning) => {
    const result = verdict(locality(setting, outlier));
    expect({ valid: result.valid, warning: result.warning }).toEqual({ valid, warning });
  });
});

describe('upstream verdicts (TestValidateZoneAwareLbSetting)', () => {
  it.each([
    ['enabled only', { enabled: true }, true],
    ['region-level failover', { failover: [{ from: 'us-east', to: 'eu-west' }] }, true],
    ['failover to the same region', { failover: [{ from: 'region1', to: 'region1' }] }, false],
    ['failover from a zone', { failover: [{ from: 'region1/zone1', to: 'region2' }] }, false],
    ['failover to "*"', { failover: [{ from: 'region1', to: '*' }] }, false],
    ['failover and a region priority', { failover: [{ from: 'region1', to: 'region2' }], failoverPriority: ['topology.kubernetes.io/region'] }, false],
    ['a zone priority', { failoverPriority: ['topology.kubernetes.io/zone'] }, false],
    ['a subzone priority', { failoverPriority: ['topology.istio.io/subzone'] }, false],
    ['non-topology priorities', { failoverPriority: ['version', 'app=ratings'] }, true],
  ])('%s', (_name, setting, valid) => expect(verdict(zoneAware(setting)).valid).toBe(valid));
});

describe('validateLocalities (TestValidateLocalities)', () => {
  it.each([
    [['*/zone/*'], 'wildcard \'*\' number can not exceed 1'],
    [['*/zone'], 'must be in the end'],
    [['*', 'a/b/c'], 'overlap with previous specified ones'],
    [['a', 'a/b/c'], 'overlap'],
    [['a/*', 'a/b/c'], 'overlap'],
    [['a/b', 'a/b/c'], 'overlap'],
    [['a/b/*', 'a/b/c'], 'overlap'],
    [['a//c'], 'must not contain empty region/zone/subzone info'],
  ])('refuses %j', (localities, message) => {
    expect(localityProblem(localities)?.message).toContain(message);
  });
  it('accepts distinct localities', () => {
    expect(localityProblem(['a1/*', 'a2/*', 'a3/b3/c3', 'a4/b4', 'a5/b5/*'])).toBeUndefined();
  });
  it('reads "__proto__" as a region like any other', () => {
    expect(localityProblem(['__proto__', 'constructor/zone'])).toBeUndefined();
  });
});

describe('DR035 locality-and-zone-aware', () => {
  it('errors when both are set', () => {
    expectFindings('DR035', withPolicy({ loadBalancer: { localityLbSetting: {}, zoneAwareLbSetting: {} } }),
      [{ path: 'spec.trafficPolicy.loadBalancer', message: 'only one of localityLbSetting and zoneAwareLbSetting can be set' }]);
  });
});

describe('DR036 locality-distribute-and-failover', () => {
  it('errors and stops there', () => {
    const manifest = locality({ distribute: [{ from: 'a', to: { b: 50 } }], failover: [{ from: 'r', to: 'r' }] });
    expectFindings('DR036', manifest, [{ path: AT, message: 'can not simultaneously specify \'distribute\' and \'failover\'' }]);
    expect(verdict(manifest).codes).toEqual(['DR036']);
  });
});

describe('DR037 locality-failover-priority-topology', () => {
  it('accepts topology labels without failover', () => {
    expectClean('DR037', locality({ failoverPriority: ['topology.kubernetes.io/region'] }));
  });
  it('errors on the first topology label with failover, and stops there', () => {
    const manifest = locality({ failover: [{ from: 'r1', to: 'r1' }], failoverPriority: ['version', 'topology.kubernetes.io/zone', 'topology.kubernetes.io/region'] });
    expectFindings('DR037', manifest,
      [{ path: `${AT}.failoverPriority[1]`, message: 'can not simultaneously set \'failover\' and topology label \'topology.kubernetes.io/zone\'' }]);
    expect(verdict(manifest).codes).toEqual(['DR037']);
  });
});

describe('DR038 locality-weight', () => {
  it('accepts weights adding up to 100', () => {
    expectClean('DR038', locality({ distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] }));
  });
  const invalid: Case[] = [
    { name: 'a weight is 0', manifest: locality({ distribute: [{ from: 'a/b/c', to: { 'a/b/c': 0, 'a/b1': 100 } }] }),
      expected: [{ path: `${AT}.distribute[0].to["a/b/c"]`, message: 'locality weight must be in range [1, 100], got 0' }] },
    { name: 'weights add up to 105', manifest: locality({ distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 25 } }] }),
      expected: [{ path: `${AT}.distribute[0].to`, message: 'total locality weight 105 != 100' }] },
    { name: 'an entry has no weights', manifest: locality({ distribute: [{ from: 'a' }] }),
      expected: [{ path: `${AT}.distribute[0].to`, message: 'total locality weight 0 != 100' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR038', manifest, expected));
});

describe('DR039 locality-name', () => {
  it('errors on overlapping destinations', () => {
    expectFindings('DR039', locality({ distribute: [{ from: 'a', to: { 'r/z': 50, 'r/z/s': 50 } }] }),
      [{ path: `${AT}.distribute[0].to["r/z/s"]`, message: 'locality "r/z/s" overlap with previous specified ones' }]);
  });
  it('errors on overlapping sources', () => {
    expectFindings('DR039', locality({ distribute: [{ from: 'r/*', to: { r: 100 } }, { from: 'r/z', to: { r: 100 } }] }),
      [{ path: `${AT}.distribute[1].from`, message: 'locality "r/z" overlap' }]);
  });
  it('errors on an empty part', () => {
    expectFindings('DR039', locality({ distribute: [{ from: 'r//s', to: { r: 100 } }] }),
      [{ path: `${AT}.distribute[0].from`, message: 'must not contain empty region/zone/subzone info' }]);
  });
});

describe('DR040 locality-failover', () => {
  it('accepts different regions', () => expectClean('DR040', locality({ failover: [{ from: 'us-east', to: 'eu-west' }] })));
  it('reports each problem of an entry', () => {
    expectFindings('DR040', locality({ failover: [{ from: 'r/*', to: 'r/*' }] }), [
      { path: `${AT}.failover[0]`, message: 'locality lb failover settings must specify different regions' },
      { path: `${AT}.failover[0]`, message: 'locality lb failover only specify region' },
      { path: `${AT}.failover[0]`, message: 'locality lb failover region should not contain \'*\' wildcard' },
    ]);
  });
});

describe('DR041 zone-aware-failover-priority', () => {
  it('errors on every topology label', () => {
    expectFindings('DR041', zoneAware({ failoverPriority: ['topology.kubernetes.io/region', 'version', 'topology.istio.io/subzone'] }), [
      { path: `${ZAT}.failoverPriority[0]`, message: '\'failover_priority\' for zone aware lb must not use topology label \'topology.kubernetes.io/region\'' },
      { path: `${ZAT}.failoverPriority[2]`, message: 'topology label \'topology.istio.io/subzone\'' },
    ]);
  });
});

describe('DR042 zone-aware-failover', () => {
  it('errors on a zone', () => {
    expectFindings('DR042', zoneAware({ failover: [{ from: 'region1/zone1', to: 'region2' }] }),
      [{ path: `${ZAT}.failover[0]`, message: 'zone aware lb failover only specifies region' }]);
  });
});

describe('DR043 failover-without-outlier-detection', () => {
  it('accepts failover with outlier detection', () => expectClean('DR043', locality({ failover: [{ from: 'a', to: 'b' }] })));
  it('warns for locality failover', () => {
    expectFindings('DR043', locality({ failover: [{ from: 'a', to: 'b' }] }, false),
      [{ path: AT, message: 'outlier detection policy must be provided for failover' }]);
  });
  it('warns for zone-aware failover priority', () => {
    expectFindings('DR043', zoneAware({ failoverPriority: ['version'] }, false),
      [{ path: ZAT, message: 'outlier detection policy must be provided for failover' }]);
  });
  it('reads the outlier detection of the same port-level policy', () => {
    const manifest = withPolicy({
      outlierDetection: { consecutive5xxErrors: 5 },
      portLevelSettings: [{ port: { number: 80 }, loadBalancer: { localityLbSetting: { failover: [{ from: 'a', to: 'b' }] } } }],
    });
    expectFindings('DR043', manifest,
      [{ path: 'spec.trafficPolicy.portLevelSettings[0].loadBalancer.localityLbSetting', message: 'outlier detection policy must be provided' }]);
  });
});
