import { checkTagLabels, checkWorkloadSelectorLabels, hasNoLabels } from '../../../../src/validation/rules/istio-common/selector-labels';
import { collect, expectReported } from './helpers';

// Upstream: labels.Instance.Validate (pkg/config/labels/instance.go) as validateSubset calls it
// (TestValidateDestinationRule, "invalid subset labels" rows), and validateWorkloadSelector /
// ValidateAlphaWorkloadSelector (pkg/config/validation/validation.go).

describe('checkTagLabels', () => {
  const run = (labels: unknown) => collect(report => checkTagLabels(labels, 'spec.subsets[0].labels', report));

  it.each([
    ['a simple label', { version: 'v1' }],
    ['a prefixed key', { 'app.kubernetes.io/name': 'reviews' }],
    ['an upper-case prefix (Istio allows either case)', { 'Example.COM/name': 'x' }],
    ['an empty value', { version: '' }],
    ['a value longer than 63 characters (Istio sets no limit)', { version: 'v'.repeat(100) }],
    ['no labels', {}],
    ['a map of the wrong type', ['version']],
    ['a value of the wrong type (the schema reports it)', { version: 1 }],
  ])('accepts %s', (_name, labels) => expect(run(labels)).toEqual([]));

  it('errors when a key has a space', () => {
    expectReported(run({ 'my key': 'v1' }), [{ path: 'spec.subsets[0].labels["my key"]', message: 'invalid tag key: "my key"' }]);
  });

  it('errors when a key has two slashes', () => {
    expectReported(run({ 'a/b/c': 'v1' }), [{ path: 'spec.subsets[0].labels["a/b/c"]', message: 'invalid tag key: "a/b/c"' }]);
  });

  it('errors when a key is empty', () => {
    expectReported(run({ '': 'v1' }), [{ path: 'spec.subsets[0].labels[""]', message: 'invalid tag key: ""' }]);
  });

  it('errors when the name part is longer than 63 characters', () => {
    const key = `example.com/${'n'.repeat(64)}`;
    expectReported(run({ [key]: 'v1' }), [{ path: `spec.subsets[0].labels[${JSON.stringify(key)}]`, message: '(name is too long)' }]);
  });

  it('errors when the prefix is longer than 253 characters', () => {
    const key = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.eeeeeeeeeeeeeee/name`;
    expectReported(run({ [key]: 'v1' }), [{ path: `spec.subsets[0].labels[${JSON.stringify(key)}]`, message: '(DNS prefix is too long)' }]);
  });

  it('errors when a value has a space, and names the value', () => {
    expectReported(run({ version: 'v 1' }), [{ path: 'spec.subsets[0].labels["version"]', message: 'invalid tag value: "v 1"' }]);
  });

  it('reports both the key and the value of one entry', () => {
    expectReported(run({ 'bad key': '-v' }), [
      { path: 'spec.subsets[0].labels["bad key"]', message: 'invalid tag key' },
      { path: 'spec.subsets[0].labels["bad key"]', message: 'invalid tag value: "-v"' },
    ]);
  });

  it('reads a "__proto__" key as a label, not as the prototype', () => {
    const labels = JSON.parse('{"__proto__": "x y"}');
    expectReported(run(labels), [{ path: 'spec.subsets[0].labels["__proto__"]', message: 'invalid tag key: "__proto__"' },
      { path: 'spec.subsets[0].labels["__proto__"]', message: 'invalid tag value: "x y"' }]);
  });

  it('rejects a very long key', () => {
    const key = `${'a'.repeat(200_000)}!`;
    expectReported(run({ [key]: 'v' }), [{ path: `spec.subsets[0].labels[${JSON.stringify(key)}]`, message: 'invalid tag key' }]);
  });
});

describe('checkWorkloadSelectorLabels', () => {
  const run = (labels: unknown) => collect(report => checkWorkloadSelectorLabels(labels, 'spec.workloadSelector.matchLabels', report));

  it('accepts exact labels', () => expect(run({ app: 'reviews', version: 'v1' })).toEqual([]));

  it('errors when a key is empty', () => {
    expectReported(run({ '': 'v1' }), [{ path: 'spec.workloadSelector.matchLabels[""]', message: 'empty key is not supported in selector: "=v1"' }]);
  });

  it('errors when a key holds a wildcard', () => {
    expectReported(run({ 'app*': 'x' }), [{ path: 'spec.workloadSelector.matchLabels["app*"]', message: 'wildcard is not supported in selector: "app*=x"' }]);
  });

  it('errors when a value holds a wildcard', () => {
    expectReported(run({ app: '*' }), [{ path: 'spec.workloadSelector.matchLabels["app"]', message: 'wildcard is not supported in selector: "app=*"' }]);
  });

  it('reports an empty key and a wildcard value of one entry', () => {
    expectReported(run({ '': '*' }), [
      { path: 'spec.workloadSelector.matchLabels[""]', message: 'empty key is not supported' },
      { path: 'spec.workloadSelector.matchLabels[""]', message: 'wildcard is not supported' },
    ]);
  });

  it.each([[undefined, true], [null, true], [{}, true], [[], true], [{ a: 'b' }, false]])('hasNoLabels(%j) is %s', (labels, expected) => {
    expect(hasNoLabels(labels)).toBe(expected);
  });
});
