import { routeWith, ruleTable } from './http-table';

const MIRROR = { host: 'foo.baz' };

describe('VS024 mirror-percentage', () => {
  ruleTable('VS024', [
    // TestValidateHTTPRoute "valid mirror percentage"
    { name: 'mirrorPercentage 1', manifest: routeWith({ mirror: MIRROR, mirrorPercentage: { value: 1 } }) },
    { name: 'a tiny mirrorPercentage (no fault-style lower bound)', manifest: routeWith({ mirror: MIRROR, mirrorPercentage: { value: 0.00001 } }) },
    { name: 'mirrorPercentage 0 and 100', manifest: routeWith({ mirrors: [{ destination: MIRROR, percentage: { value: 0 } }, { destination: MIRROR, percentage: { value: 100 } }] }) },
    { name: 'an empty Percent (value 0)', manifest: routeWith({ mirror: MIRROR, mirrorPercentage: {} }) },
    // TestValidateHTTPRoute "mirrors valid mirror percentage"
    { name: 'mirrors with percentages 1 and 50', manifest: routeWith({ mirrors: [{ destination: MIRROR, percentage: { value: 1 } }, { destination: MIRROR, percentage: { value: 50 } }] }) },
  ], [
    {
      // TestValidateHTTPRoute "invalid mirror percentage"
      name: 'mirrorPercentage is 101',
      manifest: routeWith({ mirror: MIRROR, mirrorPercentage: { value: 101 } }),
      expected: [{ path: 'spec.http[0].mirrorPercentage.value', message: 'invalid mirrorPercentage: percentage 101 must be in range 0..100 (0 turns mirroring off, 100 mirrors every request)' }],
    },
    {
      // TestValidateHTTPRoute "negative mirror percentage"
      name: 'mirrorPercentage is negative',
      manifest: routeWith({ mirror: MIRROR, mirrorPercentage: { value: -1 } }),
      expected: [{ path: 'spec.http[0].mirrorPercentage.value', message: 'percentage -1 must be in range 0..100' }],
    },
    {
      // TestValidateHTTPRoute "mirrors invalid mirror percentage"
      name: 'the second mirror has percentage 101',
      manifest: routeWith({ mirrors: [{ destination: MIRROR }, { destination: MIRROR, percentage: { value: 101 } }] }),
      expected: [{ path: 'spec.http[0].mirrors[1].percentage.value', message: 'invalid mirror percentage: percentage 101 must be in range 0..100' }],
    },
    {
      // TestValidateHTTPRoute "mirrors negative mirror percentage"
      name: 'a mirror has a negative percentage',
      manifest: routeWith({ mirrors: [{ destination: MIRROR, percentage: { value: -1 } }] }),
      expected: [{ path: 'spec.http[0].mirrors[0].percentage.value', message: 'percentage -1 must be in range 0..100' }],
    },
    {
      name: 'mirrorPercentage is a bare number',
      manifest: routeWith({ mirror: MIRROR, mirrorPercentage: 50 }),
      expected: [{ path: 'spec.http[0].mirrorPercentage', message: 'mirrorPercentage must be an object such as {value: 50}, got a number 50' }],
    },
    {
      name: 'the value is a string',
      manifest: routeWith({ mirror: MIRROR, mirrorPercentage: { value: '50' } }),
      expected: [{ path: 'spec.http[0].mirrorPercentage.value', message: 'must be a number' }],
    },
  ]);
});

describe('VS025 mirror-percent', () => {
  ruleTable('VS025', [
    // TestValidateVirtualService "deprecated mirror" (valid, with a warning)
    { name: 'mirrorPercent 5', manifest: routeWith({ mirror: MIRROR, mirrorPercent: 5 }) },
    { name: 'mirrorPercent 100', manifest: routeWith({ mirror: MIRROR, mirrorPercent: 100 }) },
    { name: 'mirrorPercent 0', manifest: routeWith({ mirror: MIRROR, mirrorPercent: 0 }) },
  ], [
    {
      // TestValidateHTTPRoute "invalid mirror percent"
      name: 'mirrorPercent is 101',
      manifest: routeWith({ mirror: MIRROR, mirrorPercent: 101 }),
      expected: [{ path: 'spec.http[0].mirrorPercent', message: 'mirrorPercent must have a max value of 100 (it has 101)' }],
    },
    {
      name: 'the proto name mirror_percent is 200',
      manifest: routeWith({ mirror: MIRROR, mirror_percent: 200 }),
      expected: [{ path: 'spec.http[0].mirror_percent', message: 'mirror_percent must have a max value of 100 (it has 200)' }],
    },
    {
      name: 'mirrorPercent is negative',
      manifest: routeWith({ mirror: MIRROR, mirrorPercent: -5 }),
      expected: [{ path: 'spec.http[0].mirrorPercent', message: 'mirrorPercent must be a whole number from 0 to 100, got a number -5' }],
    },
    {
      name: 'mirrorPercent has a fraction',
      manifest: routeWith({ mirror: MIRROR, mirrorPercent: 2.5 }),
      expected: [{ path: 'spec.http[0].mirrorPercent', message: 'must be a whole number from 0 to 100, got a number 2.5' }],
    },
  ]);
});

describe('VS026 mirror-percent-deprecated', () => {
  ruleTable('VS026', [
    { name: 'mirrorPercentage', manifest: routeWith({ mirror: MIRROR, mirrorPercentage: { value: 5 } }) },
    { name: 'mirrorPercent: null', manifest: routeWith({ mirror: MIRROR, mirrorPercent: null }) },
  ], [
    {
      // TestValidateVirtualService "deprecated mirror"
      name: 'mirrorPercent is set',
      manifest: routeWith({ mirror: MIRROR, mirrorPercent: 5 }),
      expected: [{ path: 'spec.http[0].mirrorPercent', message: 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead: write mirrorPercentage: {value: 5}' }],
    },
    {
      name: 'mirrorPercent is out of range (still deprecated)',
      manifest: routeWith({ mirror: MIRROR, mirrorPercent: 101 }),
      expected: [{ path: 'spec.http[0].mirrorPercent', message: 'using deprecated setting "mirrorPercent"' }],
    },
    {
      name: 'mirror_percent is set',
      manifest: routeWith({ mirror: MIRROR, mirror_percent: 0 }),
      expected: [{ path: 'spec.http[0].mirror_percent', message: 'using deprecated setting "mirrorPercent"' }],
    },
  ]);
});

describe('VS027 mirror-destination', () => {
  ruleTable('VS027', [
    { name: 'a mirror host', manifest: routeWith({ mirror: { host: 'foo.baz', subset: 'v1', port: { number: 80 } } }) },
    { name: 'mirrors with destinations', manifest: routeWith({ mirrors: [{ destination: { host: 'a' } }, { destination: { host: 'b.c' } }] }) },
    { name: 'mirror: null', manifest: routeWith({ mirror: null }) },
  ], [
    {
      name: 'the mirror has no host',
      manifest: routeWith({ mirror: {} }),
      expected: [{ path: 'spec.http[0].mirror.host', message: 'destination host is required' }],
    },
    {
      name: 'the mirror host is *',
      manifest: routeWith({ mirror: { host: '*' } }),
      expected: [{ path: 'spec.http[0].mirror.host', message: 'invalid destination host *' }],
    },
    {
      name: 'the mirror subset is not a label',
      manifest: routeWith({ mirror: { host: 'a', subset: 'V_1' } }),
      expected: [{ path: 'spec.http[0].mirror.subset', message: 'subset name is invalid' }],
    },
    {
      // TestValidateHTTPRoute "mirrors without destination"
      name: 'a mirrors entry has no destination',
      manifest: routeWith({ mirrors: [{ percentage: { value: 5 } }] }),
      expected: [{ path: 'spec.http[0].mirrors[0].destination', message: 'destination is required for mirrors' }],
    },
    {
      name: 'a mirrors entry is null',
      manifest: routeWith({ mirrors: [{ destination: { host: 'a' } }, null] }),
      expected: [{ path: 'spec.http[0].mirrors[1]', message: 'mirror cannot be null' }],
    },
    {
      name: 'a mirrors entry is a string',
      manifest: routeWith({ mirrors: ['foo.baz'] }),
      expected: [{ path: 'spec.http[0].mirrors[0]', message: 'mirror must be an object with a destination, got a string "foo.baz"' }],
    },
    {
      name: 'a mirrors destination has a bad port',
      manifest: routeWith({ mirrors: [{ destination: { host: 'a', port: { number: 70000 } } }] }),
      expected: [{ path: 'spec.http[0].mirrors[0].destination.port.number', message: 'port number 70000 must be in the range 1..65535' }],
    },
  ]);
});
