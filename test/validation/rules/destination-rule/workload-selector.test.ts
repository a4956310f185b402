import { destinationRule, expectClean, expectFindings } from './helpers';

// Upstream: validateWorkloadSelector and the CRD's CEL rules on matchLabels
// (TestValidateDestinationRule "simple destination rule with empty selector labels").

const dr = (workloadSelector: unknown) => destinationRule({ spec: { workloadSelector } });

describe('DR007 workload-selector-labels', () => {
  it('accepts exact labels', () => expectClean('DR007', dr({ matchLabels: { app: 'reviews' } })));
  it('accepts a selector without labels (DR008 warns)', () => expectClean('DR007', dr({})));

  it('errors when a key is empty', () => {
    expectFindings('DR007', dr({ matchLabels: { '': 'x' } }),
      [{ path: 'spec.workloadSelector.matchLabels[""]', message: 'empty key is not supported in selector: "=x"' }]);
  });
  it('errors when a key holds "*"', () => {
    expectFindings('DR007', dr({ matchLabels: { 'app*': 'x' } }),
      [{ path: 'spec.workloadSelector.matchLabels["app*"]', message: 'wildcard is not supported in selector: "app*=x"' }]);
  });
  it('errors when a value holds "*"', () => {
    expectFindings('DR007', dr({ matchLabels: { app: 'rev*' } }),
      [{ path: 'spec.workloadSelector.matchLabels["app"]', message: 'wildcard is not supported in selector: "app=rev*"' }]);
  });
});

describe('DR008 workload-selector-without-labels', () => {
  it('accepts no selector', () => expectClean('DR008', destinationRule()));
  it('accepts a selector with labels', () => expectClean('DR008', dr({ matchLabels: { app: 'reviews' } })));

  it.each([
    ['an empty selector', {}],
    ['empty matchLabels', { matchLabels: {} }],
    ['null matchLabels', { matchLabels: null }],
  ])('warns on %s', (_name, selector) => {
    expectFindings('DR008', dr(selector), [{ path: 'spec.workloadSelector', message: 'workload selector specified without labels' }]);
  });
});
