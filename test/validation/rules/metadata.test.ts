import { Severity } from '../../../src/validation/diagnostic';
import { ruleCatalogue, validateManifests } from '../../../src/validation/engine';
import { ENDPOINT_SLICE, METADATA_KINDS, SERVICE } from '../../../src/validation/kinds';
import {
  ANNOTATIONS_SIZE_LIMIT,
  DEFAULT_NAME_FORMAT,
  DNS1035_LABEL_NAME,
  DNS1123_SUBDOMAIN_NAME,
  nameFormatFor,
  sampleGeneratedName,
} from '../../../src/validation/rules/metadata';

// Upstream cases: apimachinery api/validation/objectmeta_test.go (TestValidateObjectMeta*,
// TestValidateAnnotations), apis/meta/v1/validation/validation_test.go (TestValidateLabels)
// and pkg/apis/core/validation/validation_test.go (TestValidateServiceCreate).

/** A valid Service with the given metadata (replaced as a whole). */
function service(metadata: unknown): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

/** A valid Service named `web` in `shop`, with `overrides` merged into its metadata. */
function svc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return service({ name: 'web', namespace: 'shop', ...overrides });
}

/** A valid EndpointSlice, with `overrides` merged into its metadata. */
function slice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc12', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' }, ...overrides },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.0.0.1'] }],
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
}

function diagnostics(manifest: unknown, code: string) {
  return validateManifests([manifest]).filter(d => d.code === code);
}

/** Asserts exactly one diagnostic of `code` at `path` whose message contains `message`. */
function expectOne(manifest: unknown, code: string, path: string, message: string) {
  const found = diagnostics(manifest, code);
  expect(found).toEqual([expect.objectContaining({ code, path, severity: Severity.ERROR })]);
  expect(found[0].message).toContain(message);
  return found[0];
}

/** `"a"×64` style titles for long values. */
function title(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).replace(/(.)\1{9,}/g, m => `${m[0]}×${m.length}`);
}

const LIMIT = ANNOTATIONS_SIZE_LIMIT;

describe('metadata rules', () => {
  it('apply to the kinds in METADATA_KINDS', () => {
    expect(METADATA_KINDS).toEqual(expect.arrayContaining([SERVICE, ENDPOINT_SLICE]));
    const codes = ruleCatalogue().filter(r => r.code.startsWith('MET'));
    expect(codes.map(r => `${r.code} ${r.name}`)).toEqual([
      'MET001 name-required',
      'MET002 name-format',
      'MET003 generate-name-format',
      'MET004 namespace-format',
      'MET005 label-keys',
      'MET006 label-values',
      'MET007 annotation-keys',
      'MET008 annotation-values',
      'MET009 annotations-size',
    ]);
    for (const rule of codes) {
      expect(rule.appliesTo).toEqual([...METADATA_KINDS]);
      expect(rule.severity).toBe(Severity.ERROR);
    }
  });

  it('report nothing on valid objects', () => {
    const manifests = [
      svc({ labels: { 'app.kubernetes.io/name': 'web', tier: '' }, annotations: { 'example.com/owner': 'team-a' } }),
      slice(),
    ];
    expect(validateManifests(manifests).filter(d => d.code.startsWith('MET'))).toEqual([]);
  });

  it('ignore kinds outside METADATA_KINDS', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', labels: { a: true } } };
    expect(validateManifests([configMap]).filter(d => d.code.startsWith('MET'))).toEqual([]);
  });

  it.each([
    ['metadata', 'web'],
    ['metadata', ['web']],
    ['metadata', 42],
    ['name', ['web']],
    ['name', { first: 'web' }],
    ['generateName', ['web-']],
    ['namespace', { name: 'shop' }],
    ['labels', 'app=web'],
    ['labels', [['app', 'web']]],
    ['annotations', 7],
    ['annotations', [{ a: 'b' }]],
  ])('never throw when %s is %j', (field, value) => {
    const manifest = field === 'metadata' ? service(value) : svc({ [field]: value });
    const internal = validateManifests([manifest]).filter(d => d.code === 'TRF000' && d.message.includes('MET'));
    expect(internal).toEqual([]);
  });
});

describe('MET001 name-required', () => {
  it.each([
    ['a name', { name: 'web' }],
    ['a generateName', { generateName: 'web-' }],
    ['both', { name: 'web', generateName: 'web-' }],
    ['a name of the wrong type (MET002 reports it)', { name: 123 }],
  ])('accepts %s', (_, metadata) => {
    expect(diagnostics(service(metadata), 'MET001')).toEqual([]);
  });

  it.each([
    // TestValidateServiceCreate "missing name"
    ['the name is absent', { namespace: 'shop' }, ''],
    ['the name is empty', { name: '' }, ', got an empty name'],
    ['the name is null', { name: null }, ''],
    ['name and generateName are empty', { name: '', generateName: '' }, ', got an empty name'],
    ['metadata is empty', {}, ''],
    ['metadata is absent', undefined, ''],
    ['metadata is null', null, ''],
  ])('errors when %s', (_, metadata, suffix) => {
    const d = expectOne(service(metadata), 'MET001', 'metadata.name', 'metadata.name or metadata.generateName is required');
    expect(d.message).toBe(`metadata.name or metadata.generateName is required${suffix}`);
  });

  it.each([
    ['a string', 'web', 'metadata must be an object with a name, got "web"'],
    ['an array', [{ name: 'web' }], 'metadata must be an object with a name, got an array'],
    ['a number', 42, 'metadata must be an object with a name, got 42'],
  ])('errors when metadata is %s', (_, metadata, message) => {
    const d = expectOne(service(metadata), 'MET001', 'metadata', message);
    expect(d.message).toBe(message);
  });
});

describe('MET002 name-format', () => {
  describe('Service names (DNS-1035 labels)', () => {
    it.each(['web', 'a', 'my-service-2', 'a--b', 'a'.repeat(63)].map(v => [title(v), v]))('accepts %s', (_, name) => {
      expect(diagnostics(svc({ name }), 'MET002')).toEqual([]);
    });

    it.each([
      // TestValidateServiceCreate "invalid name"
      ['-123', 'must be a DNS-1035 label'],
      // TestValidateServiceCreate "too long name"
      ['a'.repeat(64), 'must be no more than 63 characters'],
      // valid for most kinds, not for Services
      ['123-abc', 'Service names are DNS-1035 labels: they must start with a letter'],
      ['1web', 'must be a DNS-1035 label'],
      ['Web', 'must be a DNS-1035 label'],
      ['my.service', 'must be a DNS-1035 label'],
      ['my_service', 'must be a DNS-1035 label'],
      ['web-', 'must be a DNS-1035 label'],
      ['web service', 'must be a DNS-1035 label'],
    ].map(([v, m]) => [title(v), v, m]))('errors when the name is %s', (_, name, message) => {
      const d = expectOne(svc({ name }), 'MET002', 'metadata.name', message);
      expect(d.value).toBe(name);
      expect(d.message).toContain('Service names are DNS-1035 labels: they must start with a letter');
    });

    it('says which format and why', () => {
      expect(expectOne(svc({ name: '123-abc' }), 'MET002', 'metadata.name', '').message).toBe(
        'name "123-abc" must be a DNS-1035 label: lower-case letters, digits and \'-\', starting with a letter and ending with a letter or digit '
        + "(e.g. 'my-name' or 'abc-123'); Service names are DNS-1035 labels: they must start with a letter",
      );
    });
  });

  describe('EndpointSlice names (DNS-1123 subdomains)', () => {
    it.each(['web-abc12', '123-abc', 'web.example-1', 'a'.repeat(253)].map(v => [title(v), v]))('accepts %s', (_, name) => {
      expect(diagnostics(slice({ name }), 'MET002')).toEqual([]);
    });

    it.each([
      ['Web', 'must be a lowercase RFC 1123 subdomain'],
      ['web_1', 'must be a lowercase RFC 1123 subdomain'],
      ['web..1', 'must be a lowercase RFC 1123 subdomain'],
      ['a'.repeat(254), 'must be no more than 253 characters'],
    ].map(([v, m]) => [title(v), v, m]))('errors when the name is %s', (_, name, message) => {
      const d = expectOne(slice({ name }), 'MET002', 'metadata.name', message);
      expect(d.message).toContain('EndpointSlice names are DNS-1123 subdomains');
    });
  });

  it.each([
    [123, 'name must be a string, got the number 123: quote it in the YAML'],
    [true, 'name must be a string, got the boolean true: quote it in the YAML'],
    [{ a: 1 }, 'name must be a string, got an object'],
  ])('errors when the name is %j', (name, message) => {
    const d = expectOne(svc({ name }), 'MET002', 'metadata.name', message);
    expect(d.value).toEqual(name);
  });

  it('reads name formats from one table, DNS-1123 subdomain by default', () => {
    expect(nameFormatFor(SERVICE)).toBe(DNS1035_LABEL_NAME);
    expect(nameFormatFor(ENDPOINT_SLICE)).toBe(DNS1123_SUBDOMAIN_NAME);
    expect(nameFormatFor('networking.istio.io/v1/VirtualService')).toBe(DEFAULT_NAME_FORMAT);
    expect(nameFormatFor('__proto__')).toBe(DEFAULT_NAME_FORMAT);
    expect(DEFAULT_NAME_FORMAT).toBe(DNS1123_SUBDOMAIN_NAME);
  });
});

describe('MET003 generate-name-format', () => {
  interface Accepted { generateName: string; extra: Record<string, unknown>; why: string }
  const accepted = (generateName: string, extra: Record<string, unknown> = {}, why = ''): Accepted & { shown: string } =>
    ({ generateName, extra, why, shown: title(generateName) });

  it.each([
    accepted('web-'),
    accepted('web'),
    accepted('a-'),
    accepted('my-svc-', { name: 'web' }, ' with a name'),
    // the prefix check masks "1-" to "a" (maskTrailingDash); with a name, no name is generated
    accepted('1-', { name: 'web' }, ' with a name'),
  ])('accepts $shown on a Service$why', ({ generateName, extra }) => {
    expect(diagnostics(service({ generateName, ...extra }), 'MET003')).toEqual([]);
  });

  it.each([
    accepted('1-'),
    accepted('web-'),
    accepted('a'.repeat(70), {}, ' (the server keeps 58 characters before the random suffix)'),
    accepted('web.-', { name: 'web' }, ' with a name'),
  ])('accepts $shown on an EndpointSlice$why', ({ generateName, extra }) => {
    expect(diagnostics(slice({ name: undefined, generateName, ...extra }), 'MET003')).toEqual([]);
  });

  it.each([
    // TestValidateServiceCreate "invalid generateName"
    ['-123', 'generateName "-123" is not a valid name prefix: must be a DNS-1035 label'],
    // TestValidateServiceCreate "too long generateName"
    ['a'.repeat(64), 'is not a valid name prefix: must be no more than 63 characters'],
    // a lone "-" is too short to be masked
    ['-', 'generateName "-" is not a valid name prefix'],
    ['Web-', 'generateName "Web-" is not a valid name prefix'],
    ['web_', 'generateName "web_" is not a valid name prefix'],
    // the prefix check passes ("1-" masks to "a"), the generated names do not
    ['1-', 'generateName "1-" gives names such as "1-xxxxx", which must be a DNS-1035 label'],
    ['A-', 'generateName "A-" gives names such as "A-xxxxx", which must be a DNS-1035 label'],
  ].map(([v, m]) => [title(v), v, m]))('errors on a Service when generateName is %s', (_, generateName, message) => {
    const d = expectOne(service({ generateName }), 'MET003', 'metadata.generateName', message);
    expect(d.message).toContain('Service names are DNS-1035 labels: they must start with a letter');
    expect(d.value).toBe(generateName);
  });

  it('errors on an EndpointSlice when the generated names are not subdomains', () => {
    const d = expectOne(slice({ name: undefined, generateName: 'web.-' }), 'MET003', 'metadata.generateName', '');
    expect(d.message).toBe(
      'generateName "web.-" gives names such as "web.-xxxxx", which must be a lowercase RFC 1123 subdomain: '
      + "dot-separated labels of lower-case letters, digits and '-', each starting and ending with a letter or digit (e.g. 'example.com'); "
      + 'EndpointSlice names are DNS-1123 subdomains',
    );
  });

  it.each([
    [42, 'generateName must be a string, got the number 42: quote it in the YAML'],
    [false, 'generateName must be a string, got the boolean false'],
  ])('errors when generateName is %j', (generateName, message) => {
    expectOne(service({ generateName }), 'MET003', 'metadata.generateName', message);
  });

  it('samples generated names like the server', () => {
    expect(sampleGeneratedName('web-')).toBe('web-xxxxx');
    expect(sampleGeneratedName('a'.repeat(70))).toBe(`${'a'.repeat(58)}xxxxx`);
  });
});

describe('MET004 namespace-format', () => {
  it.each([
    ['default'], ['shop'], ['kube-system'], ['123'], ['a'.repeat(63)],
    // absent or empty: kubectl or the server fills it in
    [undefined], [''], [null],
  ].map(([v]) => [title(v), v]))('accepts %s', (_, namespace) => {
    expect(diagnostics(svc({ namespace }), 'MET004')).toEqual([]);
  });

  it.each([
    // TestValidateServiceCreate "invalid namespace"
    ['-123', 'namespace "-123" must be a lowercase RFC 1123 label'],
    // TestValidateObjectMetaNamespaces
    ['foo.bar', 'namespace "foo.bar" must not contain dots; namespaces are DNS-1123 labels'],
    ['Shop', 'must be a lowercase RFC 1123 label'],
    ['shop_1', 'must be a lowercase RFC 1123 label'],
    ['a'.repeat(64), 'must be no more than 63 characters; namespaces are DNS-1123 labels'],
  ].map(([v, m]) => [title(v), v, m]))('errors when the namespace is %s', (_, namespace, message) => {
    expect(expectOne(svc({ namespace }), 'MET004', 'metadata.namespace', message).value).toBe(namespace);
  });

  it('reports length and shape together (TestValidateObjectMetaNamespaces, 64 mixed-case characters)', () => {
    const namespace = `Ab${'c'.repeat(62)}`;
    const d = expectOne(svc({ namespace }), 'MET004', 'metadata.namespace', 'must be no more than 63 characters; must be a lowercase RFC 1123 label');
    expect(d.value).toBe(namespace);
  });

  it('checks EndpointSlices too', () => {
    expectOne(slice({ namespace: 'Shop' }), 'MET004', 'metadata.namespace', 'namespace "Shop"');
  });

  it.each([
    [7, 'namespace must be a string, got the number 7: quote it in the YAML'],
    [['shop'], 'namespace must be a string, got an array'],
  ])('errors when the namespace is %j', (namespace, message) => {
    expectOne(svc({ namespace }), 'MET004', 'metadata.namespace', message);
  });
});

describe('MET005 label-keys', () => {
  // meta/v1 TestValidateLabels successCases
  it.each([
    'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'UpperCaseAreOK123', 'goodvalue',
    'app.kubernetes.io/name', 'example.com/Uppercase_Is_OK_123',
  ])('accepts %j', key => {
    expect(diagnostics(svc({ labels: { [key]: 'bar' } }), 'MET005')).toEqual([]);
  });

  it('accepts absent and null labels', () => {
    expect(diagnostics(svc({ labels: undefined }), 'MET005')).toEqual([]);
    expect(diagnostics(svc({ labels: null }), 'MET005')).toEqual([]);
    expect(diagnostics(svc({ labels: {} }), 'MET005')).toEqual([]);
  });

  it.each([
    // meta/v1 TestValidateLabels labelNameErrorCases
    ['nospecialchars^=@', 'name part must consist of'],
    ['cantendwithadash-', 'name part must consist of'],
    ['only/one/slash', 'a qualified name must consist of'],
    ['a'.repeat(254), 'name part must be no more than 63 characters'],
    // TestValidateServiceCreate "invalid label"
    ['NoUppercaseOrSpecialCharsLike=Equals', 'name part must consist of'],
    // the prefix must be lower-case (label keys are not lower-cased)
    ['Example.com/abc', 'prefix part must be a lowercase RFC 1123 subdomain'],
    ['', 'name part must be non-empty'],
    ['example.com/', 'name part must be non-empty'],
  ].map(([v, m]) => [title(v), v, m]))('errors when a key is %s', (_, key, message) => {
    const d = expectOne(svc({ labels: { [key]: 'bar' } }), 'MET005', `metadata.labels[${JSON.stringify(key)}]`, message);
    expect(d.message).toContain(`label key ${JSON.stringify(key)} is not a valid qualified name: `);
    expect(d.value).toBe(key);
  });

  it('reports each bad key, with JSON-quoted paths', () => {
    const found = diagnostics(svc({ labels: { 'a b': 'x', ok: 'y', 'say "hi"': 'z' } }), 'MET005');
    expect(found.map(d => d.path)).toEqual(['metadata.labels["a b"]', 'metadata.labels["say \\"hi\\""]']);
  });

  it('checks EndpointSlices too', () => {
    expectOne(slice({ labels: { 'a/b/c': 'x' } }), 'MET005', 'metadata.labels["a/b/c"]', 'a qualified name must consist of');
  });

  it.each([
    ['a string', 'app=web', 'labels must be a map of strings, got a string'],
    ['a list', [{ app: 'web' }], 'labels must be a map of strings, got an array'],
    ['a number', 5, 'labels must be a map of strings, got the number 5'],
  ])('errors when labels is %s', (_, labels, message) => {
    expect(expectOne(svc({ labels }), 'MET005', 'metadata.labels', message).message).toBe(message);
  });
});

describe('MET006 label-values', () => {
  it.each([
    'bar', '', '123_-.BaR', 'v1.2.3', 'a'.repeat(63),
  ].map(v => [title(v), v]))('accepts %s', (_, value) => {
    expect(diagnostics(svc({ labels: { app: value } }), 'MET006')).toEqual([]);
  });

  it('accepts null, which the server decodes as ""', () => {
    expect(diagnostics(svc({ labels: { app: null } }), 'MET006')).toEqual([]);
  });

  it.each([
    // meta/v1 TestValidateLabels labelValueErrorCases
    ['a'.repeat(64), 'must be no more than 63 characters'],
    ['some\\bad\\value', 'a label value must be empty or consist of'],
    ['bad,value', 'a label value must be empty or consist of'],
    ['?#$notsogood', 'a label value must be empty or consist of'],
    // TestIsValidLabelValue errorCases
    ['-starts-with-dash', 'a label value must be empty or consist of'],
    ['ends.with.dot.', 'a label value must be empty or consist of'],
    ['web server', 'a label value must be empty or consist of'],
  ].map(([v, m]) => [title(v), v, m]))('errors when a value is %s', (_, value, message) => {
    const d = expectOne(svc({ labels: { 'app.kubernetes.io/name': value } }), 'MET006', 'metadata.labels["app.kubernetes.io/name"]', message);
    expect(d.message).toContain(`label "app.kubernetes.io/name" value ${JSON.stringify(value)} is invalid: `);
    expect(d.value).toBe(value);
  });

  it.each([
    // YAML 1.1 reads unquoted true / yes / on as booleans and 1.10 / 8080 as numbers
    [true, 'label "app" value must be a string, got the boolean true: quote it in the YAML'],
    [false, 'label "app" value must be a string, got the boolean false: quote it in the YAML'],
    [1.1, 'label "app" value must be a string, got the number 1.1: quote it in the YAML'],
    [8080, 'label "app" value must be a string, got the number 8080: quote it in the YAML'],
    [{ name: 'web' }, 'label "app" value must be a string, got an object'],
    [['web'], 'label "app" value must be a string, got an array'],
  ])('errors when a value is %j', (value, message) => {
    const d = expectOne(svc({ labels: { app: value } }), 'MET006', 'metadata.labels["app"]', message);
    expect(d.value).toEqual(value);
  });

  it('gives quoting advice for scalars only', () => {
    expect(diagnostics(svc({ labels: { app: true } }), 'MET006')[0].message).toBe(
      'label "app" value must be a string, got the boolean true: quote it in the YAML '
      + '(unquoted true, yes, on, 1.10 or 0123 are read as booleans or numbers)',
    );
    expect(diagnostics(svc({ labels: { app: {} } }), 'MET006')[0].message).toBe('label "app" value must be a string, got an object');
  });

  it('checks every value, and EndpointSlices too', () => {
    const found = diagnostics(slice({ labels: { a: 'ok', b: 'not ok', c: 3 } }), 'MET006');
    expect(found.map(d => d.path)).toEqual(['metadata.labels["b"]', 'metadata.labels["c"]']);
  });
});

describe('MET007 annotation-keys', () => {
  // TestValidateAnnotations successCases
  it.each([
    'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'UpperCase123',
    // lower-cased before the check, so an upper-case prefix is fine (unlike label keys)
    'Example.com/abc',
    'kubectl.kubernetes.io/last-applied-configuration',
  ])('accepts %j', key => {
    expect(diagnostics(svc({ annotations: { [key]: 'bar' } }), 'MET007')).toEqual([]);
  });

  it.each([
    // TestValidateAnnotations nameErrorCases
    ['nospecialchars^=@', 'name part must consist of'],
    ['cantendwithadash-', 'name part must consist of'],
    ['only/one/slash', 'a qualified name must consist of'],
    ['a'.repeat(254), 'must be no more than'],
    // TestValidateServiceCreate "invalid annotation"
    ['NoSpecialCharsLike=Equals', 'name part must consist of'],
    ['example.com/', 'name part must be non-empty'],
    ['Example_com/abc', 'prefix part must be a lowercase RFC 1123 subdomain'],
  ].map(([v, m]) => [title(v), v, m]))('errors when a key is %s', (_, key, message) => {
    const d = expectOne(svc({ annotations: { [key]: 'bar' } }), 'MET007', `metadata.annotations[${JSON.stringify(key)}]`, message);
    expect(d.message).toContain(`annotation key ${JSON.stringify(key)} is not a valid qualified name: `);
    expect(d.value).toBe(key);
  });

  it.each([
    ['a string', 'a=b', 'annotations must be a map of strings, got a string'],
    ['a list', ['a=b'], 'annotations must be a map of strings, got an array'],
  ])('errors when annotations is %s', (_, annotations, message) => {
    expectOne(svc({ annotations }), 'MET007', 'metadata.annotations', message);
  });
});

describe('MET008 annotation-values', () => {
  it.each([
    'bar', '', 'multi\nline\ntext', '{"json": true}', ' spaces are fine ',
  ])('accepts %j', value => {
    expect(diagnostics(svc({ annotations: { 'example.com/note': value } }), 'MET008')).toEqual([]);
  });

  it('accepts null, which the server decodes as ""', () => {
    expect(diagnostics(svc({ annotations: { 'example.com/note': null } }), 'MET008')).toEqual([]);
  });

  it.each([
    [true, 'annotation "example.com/enabled" value must be a string, got the boolean true: quote it in the YAML'],
    [5, 'annotation "example.com/enabled" value must be a string, got the number 5: quote it in the YAML'],
    [0.5, 'got the number 0.5: quote it in the YAML'],
    [{ a: 1 }, 'annotation "example.com/enabled" value must be a string, got an object'],
    [['a'], 'annotation "example.com/enabled" value must be a string, got an array'],
  ])('errors when a value is %j', (value, message) => {
    const d = expectOne(svc({ annotations: { 'example.com/enabled': value } }), 'MET008', 'metadata.annotations["example.com/enabled"]', message);
    expect(d.value).toEqual(value);
  });
});

describe('MET009 annotations-size', () => {
  it.each([
    // TestValidateAnnotations successCases
    ['one value, at the limit', { a: 'b'.repeat(LIMIT - 1) }],
    ['two values, just under the limit', { a: 'b'.repeat(LIMIT / 2 - 1), c: 'd'.repeat(LIMIT / 2 - 1) }],
    ['no annotations', undefined],
  ])('accepts %s', (_, annotations) => {
    expect(diagnostics(svc({ annotations }), 'MET009')).toEqual([]);
  });

  it.each([
    // TestValidateAnnotations totalSizeErrorCases
    ['one value over the limit', { a: 'b'.repeat(LIMIT) }, LIMIT + 1],
    ['two values over the limit', { a: 'b'.repeat(LIMIT / 2), c: 'd'.repeat(LIMIT / 2) }, LIMIT + 2],
    // bytes, not characters: "é" is 2 bytes in UTF-8
    ['multi-byte characters', { a: 'é'.repeat(LIMIT / 2) }, LIMIT + 1],
    ['long keys', { [`example.com/${'k'.repeat(60)}`]: 'v'.repeat(LIMIT - 70) }, LIMIT + 2],
  ])('errors with %s', (_, annotations, total) => {
    const d = expectOne(svc({ annotations }), 'MET009', 'metadata.annotations', '');
    expect(d.message).toBe(`annotations total ${total} bytes (keys and values, UTF-8), over the limit of 262144 bytes (256 KiB)`);
    expect(d.value).toBe(total);
  });

  it('checks EndpointSlices too', () => {
    expectOne(slice({ annotations: { a: 'b'.repeat(LIMIT) } }), 'MET009', 'metadata.annotations', 'over the limit');
  });
});
