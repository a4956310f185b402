import { Case, CleanCase, expectClean, expectFindings, withSpec } from './helpers';

// Upstream cases: TestValidateServiceEntries (pkg/config/validation/validation_test.go).

const STATIC = { resolution: 'STATIC', location: 'MESH_INTERNAL' };

describe('SE015 workload-selector-labels', () => {
  // TestValidateServiceEntries "selector and resolution DNS"
  it('accepts exact labels', () => expectClean('SE015', withSpec({ ...STATIC, workloadSelector: { labels: { app: 'db', 'app.kubernetes.io/part-of': 'shop' } } })));
  const invalid: Case[] = [
    // TestValidateServiceEntries "bad selector key"
    { name: 'a key is empty', manifest: withSpec({ ...STATIC, workloadSelector: { labels: { '': 'bar' } } }),
      expected: [{ path: 'spec.workloadSelector.labels[""]', message: 'empty key is not supported in selector: "=bar"' }] },
    { name: 'a value has a wildcard', manifest: withSpec({ ...STATIC, workloadSelector: { labels: { app: 'db-*' } } }),
      expected: [{ path: 'spec.workloadSelector.labels["app"]', message: 'wildcard is not supported in selector: "app=db-*"' }] },
    { name: 'a value is longer than 63 characters', manifest: withSpec({ ...STATIC, workloadSelector: { labels: { app: 'a'.repeat(64) } } }),
      expected: [{ path: 'spec.workloadSelector.labels["app"]', message: 'is 64 characters long, at most 63 are allowed' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE015', manifest, expected));
});

describe('SE016 workload-selector-without-labels', () => {
  it('accepts a selector with labels', () => expectClean('SE016', withSpec({ ...STATIC, workloadSelector: { labels: { app: 'db' } } })));
  const invalid: Case[] = [
    // TestValidateServiceEntries "workload selector without labels"
    { name: 'the selector is empty', manifest: withSpec({ ...STATIC, workloadSelector: {} }),
      expected: [{ path: 'spec.workloadSelector', message: 'service entry: workload selector specified without labels, will be applied to all services in namespace' }] },
    { name: 'the labels are empty', manifest: withSpec({ ...STATIC, workloadSelector: { labels: {} } }),
      expected: [{ path: 'spec.workloadSelector', message: 'workload selector specified without labels' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => expectFindings('SE016', manifest, expected));
});

describe('SE017 workload-selector-and-endpoints', () => {
  it('accepts a selector alone', () => expectClean('SE017', withSpec({ ...STATIC, workloadSelector: { labels: { app: 'db' } } })));
  // TestValidateServiceEntries "selector and endpoints"
  it('errors when both are set', () => expectFindings('SE017', withSpec({ ...STATIC, workloadSelector: { labels: { foo: 'bar' } }, endpoints: [{ address: '1.1.1.1' }] }),
    [{ path: 'spec.workloadSelector', message: 'only one of WorkloadSelector or Endpoints is allowed in Service Entry' }]));
  it('errors when endpoints is an empty list (CEL looks at presence)', () => expectFindings('SE017', withSpec({ ...STATIC, workloadSelector: { labels: { foo: 'bar' } }, endpoints: [] }),
    [{ path: 'spec.workloadSelector', message: 'only one of WorkloadSelector or Endpoints' }]));
});

describe('SE018 workload-selector-resolution-none', () => {
  const clean: CleanCase[] = [
    // TestValidateServiceEntries "selector and resolution DNS"
    { name: 'a selector with DNS', manifest: withSpec({ workloadSelector: { labels: { foo: 'bar' } } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE018', manifest));
  // TestValidateServiceEntries "selector", "selector and resolution NONE", "warn target port"
  it('warns when the resolution is NONE', () => expectFindings('SE018', withSpec({ resolution: 'NONE', workloadSelector: { labels: { foo: 'bar' } } }),
    [{ path: 'spec.workloadSelector', message: 'workloadSelector should not be set when resolution mode is NONE' }]));
  it('warns when the resolution is unset', () => expectFindings('SE018', withSpec({ resolution: undefined, workloadSelector: { labels: { foo: 'bar' } } }),
    [{ path: 'spec.workloadSelector', message: 'resolution mode is NONE' }]));
});
