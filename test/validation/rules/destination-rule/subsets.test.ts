import { Case, CleanCase, destinationRule, expectClean, expectFindings } from './helpers';

// Upstream: ValidateDestinationRule, validateSubset, validateSubsetName, labels.Instance.Validate
// (TestValidateDestinationRule: "simple destination rule", "missing subset name",
// "duplicate subset names").

const subsets = (list: unknown[]) => destinationRule({ spec: { subsets: list } });
const V1 = { name: 'v1', labels: { version: 'v1' } };
const V2 = { name: 'v2', labels: { version: 'v2' } };

describe('DR002 subset-not-null', () => {
  it('accepts subsets', () => expectClean('DR002', subsets([V1, V2])));
  it('errors when a subset is null', () => {
    expectFindings('DR002', subsets([V1, null]), [{ path: 'spec.subsets[1]', message: 'subset may not be null' }]);
  });
});

describe('DR003 duplicate-subset-name', () => {
  it('accepts distinct names', () => expectClean('DR003', subsets([V1, V2])));
  it('accepts a name that repeats only in case', () => expectClean('DR003', subsets([V1, { name: 'V1' }])));

  const invalid: Case[] = [
    { name: 'two subsets are named foo', manifest: subsets([{ ...V1, name: 'foo' }, { ...V2, name: 'foo' }]),
      expected: [{ path: 'spec.subsets[1].name', message: 'duplicate subset names: "foo" is already the name of subsets[0]' }] },
    { name: 'a name appears three times', manifest: subsets([V1, V1, V2, V1]),
      expected: [
        { path: 'spec.subsets[1].name', message: 'duplicate subset names: "v1"' },
        { path: 'spec.subsets[3].name', message: 'duplicate subset names: "v1"' },
      ] },
    { name: 'two subsets have no name', manifest: subsets([{ labels: { a: 'b' } }, { labels: { a: 'c' } }]),
      expected: [{ path: 'spec.subsets[1].name', message: 'duplicate subset names: ""' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR003', manifest, expected));

  it('reads "__proto__" as a name like any other', () => {
    expectFindings('DR003', subsets([{ name: '__proto__' }, { name: '__proto__' }]),
      [{ path: 'spec.subsets[1].name', message: 'duplicate subset names: "__proto__"' }]);
  });
});

describe('DR004 subset-name', () => {
  const clean: CleanCase[] = [
    { name: 'DNS labels', manifest: subsets([V1, V2]) },
    { name: 'upper case (Istio labels allow either case)', manifest: subsets([{ name: 'V1' }]) },
    { name: 'a subset of the wrong type (the schema reports it)', manifest: subsets(['v1']) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR004', manifest));

  const invalid: Case[] = [
    { name: 'the name is empty', manifest: subsets([{ name: '', labels: { version: 'v1' } }, V2]),
      expected: [{ path: 'spec.subsets[0].name', message: 'subset name cannot be empty' }] },
    { name: 'the name is missing', manifest: subsets([{ labels: { version: 'v1' } }]),
      expected: [{ path: 'spec.subsets[0].name', message: 'subset name cannot be empty' }] },
    { name: 'the name has a dot', manifest: subsets([{ name: 'v1.0' }]),
      expected: [{ path: 'spec.subsets[0].name', message: 'subset name is invalid: "v1.0"' }] },
    { name: 'the name is longer than 63 characters', manifest: subsets([{ name: 'v'.repeat(64) }]),
      expected: [{ path: 'spec.subsets[0].name', message: 'subset name is invalid' }] },
    { name: 'the name is a number', manifest: subsets([{ name: 1 }]),
      expected: [{ path: 'spec.subsets[0].name', message: 'subset name must be a string, got a number 1' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR004', manifest, expected));
});

describe('DR005 subset-labels', () => {
  it('accepts valid labels', () => expectClean('DR005', subsets([V1, { name: 'v2', labels: { 'app.kubernetes.io/version': '2.0_rc' } }])));
  it('errors when a key is invalid', () => {
    expectFindings('DR005', subsets([V1, { name: 'v2', labels: { 'version!': 'v2' } }]),
      [{ path: 'spec.subsets[1].labels["version!"]', message: 'invalid tag key: "version!"' }]);
  });
  it('errors when a value is invalid', () => {
    expectFindings('DR005', subsets([{ name: 'v1', labels: { version: 'v1 beta' } }]),
      [{ path: 'spec.subsets[0].labels["version"]', message: 'invalid tag value: "v1 beta"' }]);
  });
});
