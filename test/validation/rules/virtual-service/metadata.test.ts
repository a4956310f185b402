import { findings, expectClean, expectFindings, virtualService } from './helpers';

// Upstream: validateMetadata / checkDryRunAnnotation in pkg/config/validation/validation.go.

describe('VS001 dry-run-annotation', () => {
  it.each([
    ['no annotations', undefined],
    ['other annotations', { 'example.com/owner': 'team-a', 'sidecar.istio.io/inject': 'false' }],
  ])('accepts %s', (_name, annotations) => {
    expectClean('VS001', virtualService({ annotations }));
  });

  it.each([
    ['the annotation is "true"', 'true'],
    ['the annotation is "false"', 'false'],
    ['the annotation is empty', ''],
  ])('errors when %s', (_name, value) => {
    const manifest = virtualService({ annotations: { 'istio.io/dry-run': value } });
    expectFindings('VS001', manifest, [{
      path: 'metadata.annotations["istio.io/dry-run"]',
      message: 'annotation "istio.io/dry-run" is not supported on a VirtualService (only AuthorizationPolicy supports it)',
    }]);
    expect(findings('VS001', manifest)[0].value).toBe(value);
  });
});

describe('VS002 internal-annotations', () => {
  it('accepts ordinary annotations', () => {
    expectClean('VS002', virtualService({ annotations: { 'istio.io/rev': 'canary' } }));
  });

  it.each([
    'istio.io/alwaysReject',
    'internal.istio.io/parent-namespace',
    'internal.istio.io/parent-names',
  ])('errors when the annotation %s is set', (name) => {
    expectFindings('VS002', virtualService({ annotations: { [name]: 'x' } }), [{
      path: `metadata.annotations[${JSON.stringify(name)}]`,
      message: `annotation "${name}" is internal to Istio`,
    }]);
  });

  it('reports each internal annotation', () => {
    const manifest = virtualService({ annotations: { 'istio.io/alwaysReject': 'true', 'internal.istio.io/parent-names': 'a' } });
    expect(findings('VS002', manifest).map(d => d.path)).toEqual([
      'metadata.annotations["istio.io/alwaysReject"]',
      'metadata.annotations["internal.istio.io/parent-names"]',
    ]);
  });
});
