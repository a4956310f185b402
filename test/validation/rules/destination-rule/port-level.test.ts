import { Case, CleanCase, destinationRule, expectClean, expectFindings, withPolicy } from './helpers';

// Upstream: validatePortTrafficPolicies (TestValidateTrafficPolicy "missing port in port level
// settings"); the port number range is this library's own check.

const LB = { loadBalancer: { simple: 'LEAST_REQUEST' } };
const ports = (list: unknown[]) => withPolicy({ portLevelSettings: list });

describe('DR011 port-policy-not-null', () => {
  it('accepts entries', () => expectClean('DR011', ports([{ port: { number: 80 }, ...LB }])));
  it('errors when an entry is null', () => {
    expectFindings('DR011', ports([{ port: { number: 80 }, ...LB }, null]),
      [{ path: 'spec.trafficPolicy.portLevelSettings[1]', message: 'traffic policy may not be null' }]);
  });
  it('checks subset policies too', () => {
    expectFindings('DR011', destinationRule({ spec: { subsets: [{ name: 'v1', trafficPolicy: { portLevelSettings: [null] } }] } }),
      [{ path: 'spec.subsets[0].trafficPolicy.portLevelSettings[0]', message: 'traffic policy may not be null' }]);
  });
});

describe('DR012 port-policy-port', () => {
  it('accepts a port', () => expectClean('DR012', ports([{ port: { number: 80 }, ...LB }])));
  it('errors when the port is missing', () => {
    expectFindings('DR012', ports([{ ...LB }]),
      [{ path: 'spec.trafficPolicy.portLevelSettings[0].port', message: 'portTrafficPolicy must have valid port' }]);
  });
});

describe('DR013 port-policy-empty', () => {
  it('accepts settings', () => expectClean('DR013', ports([{ port: { number: 80 }, tls: { mode: 'ISTIO_MUTUAL' } }])));
  it('errors when an entry has only a port', () => {
    expectFindings('DR013', ports([{ port: { number: 80 } }]),
      [{ path: 'spec.trafficPolicy.portLevelSettings[0]', message: 'port traffic policy must have at least one field' }]);
  });
  it('checks the settings of a port policy that has some', () => {
    expectFindings('DR023', ports([{ port: { number: 80 }, connectionPool: {} }]),
      [{ path: 'spec.trafficPolicy.portLevelSettings[0].connectionPool', message: 'connection pool must have at least one field' }]);
  });
});

describe('DR014 port-policy-number', () => {
  const clean: CleanCase[] = [
    { name: 'port 1', manifest: ports([{ port: { number: 1 }, ...LB }]) },
    { name: 'port 65535', manifest: ports([{ port: { number: 65535 }, ...LB }]) },
    { name: 'a port without number (the schema reports it)', manifest: ports([{ port: {}, ...LB }]) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR014', manifest));

  const invalid: Case[] = [
    { name: 'the number is 0', manifest: ports([{ port: { number: 0 }, ...LB }]),
      expected: [{ path: 'spec.trafficPolicy.portLevelSettings[0].port.number', message: 'port number 0 must be in the range 1..65535' }] },
    { name: 'the number is 70000 in a subset', manifest: destinationRule({ spec: { subsets: [{ name: 'v1', trafficPolicy: { portLevelSettings: [{ port: { number: 70000 }, ...LB }] } }] } }),
      expected: [{ path: 'spec.subsets[0].trafficPolicy.portLevelSettings[0].port.number', message: 'port number 70000 must be in the range 1..65535' }] },
    { name: 'the number is a fraction', manifest: ports([{ port: { number: 80.5 }, ...LB }]),
      expected: [{ path: 'spec.trafficPolicy.portLevelSettings[0].port.number', message: 'port number 80.5 must be in the range' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR014', manifest, expected));
});
