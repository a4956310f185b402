import { locate } from '../../../src/validation/schema/instance-path';
import { atMostOneOfFields, rewriteAtMostOneOf } from '../../../scripts/at-most-one-of';
import { capturedModelSchema, compileSpecSchema, virtualServiceSpecSchema } from '../../../scripts/istio-schema';
import { knownFieldsFor } from '../../../src/validation/schema/known-fields';
import { closestName, editDistance } from '../../../src/validation/schema/suggest';

describe('closestName', () => {
  const ports = ['appProtocol', 'name', 'nodePort', 'port', 'protocol', 'targetPort'];
  it.each([
    ['targetport', 'targetPort'],
    ['TargetPort', 'targetPort'],
    ['target_port', 'targetPort'],
    ['target-port', 'targetPort'],
    ['tragetPort', 'targetPort'],
    ['nodeport', 'nodePort'],
    ['prot', 'port'],
    ['protocl', 'protocol'],
    ['appProtocols', 'appProtocol'],
    ['ports', 'port'],
  ])('suggests for %s: %s', (name, expected) => {
    expect(closestName(name, ports)).toBe(expected);
  });

  it.each(['x', 'weight', 'selector', 'containerPort'])('suggests nothing close for %s', name => {
    expect(closestName(name, ports)).toBeUndefined();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('slector', 'selector')).toBe(1);
    expect(editDistance('hsot', 'host')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('locate (ajv instance paths to field paths)', () => {
  const service = knownFieldsFor('v1/Service')!;
  const vs = knownFieldsFor('networking.istio.io/v1/VirtualService')!;
  const manifest = {
    metadata: { labels: { 'app.kubernetes.io/name': 'x' }, annotations: { 'a/b~c': 'y' } },
    spec: { ports: [{ port: 80 }, { port: '81' }], selector: { app: 'foo' } },
  };

  it.each([
    ['', '', ''],
    ['/spec/ports/1/port', 'spec.ports[1].port', 'port'],
    ['/spec/ports/1', 'spec.ports[1]', 'ports[1]'],
    ['/spec/selector/app', 'spec.selector["app"]', 'selector["app"]'],
    ['/metadata/labels/app.kubernetes.io~1name', 'metadata.labels["app.kubernetes.io/name"]', 'labels["app.kubernetes.io/name"]'],
    ['/metadata/annotations/a~1b~0c', 'metadata.annotations["a/b~c"]', 'annotations["a/b~c"]'],
  ])('%s is %s', (pointer, path, label) => {
    expect(locate(manifest, service, pointer)).toMatchObject({ path, label });
  });

  it('returns the value at the path', () => {
    expect(locate(manifest, service, '/spec/ports/1/port').value).toBe('81');
    expect(locate(manifest, service, '/spec/nothing/here').value).toBeUndefined();
  });

  it('quotes map keys with object values and names wrapper fields with their parent', () => {
    const route = { spec: { http: [{ match: [{ headers: { 'x-user': { exact: 1 } } }], route: [{ destination: { port: { number: -1 } } }] }] } };
    expect(locate(route, vs, '/spec/http/0/match/0/headers/x-user/exact')).toMatchObject({ path: 'spec.http[0].match[0].headers["x-user"].exact', label: 'exact', value: 1 });
    expect(locate(route, vs, '/spec/http/0/route/0/destination/port/number')).toMatchObject({ label: 'port.number', value: -1 });
  });
});

describe('the Istio schema', () => {
  it('is read from the model without changing it', () => {
    const first = capturedModelSchema('v1beta1');
    expect(first.id).toBe('networking.istio.io.v1beta1.VirtualService');
    const before = JSON.stringify(first.schema);
    virtualServiceSpecSchema('v1beta1');
    expect(JSON.stringify(capturedModelSchema('v1beta1').schema)).toBe(before);
    expect(capturedModelSchema('v1alpha3').id).toBe('networking.istio.io.v1alpha3.VirtualService');
  });

  it('is the same spec schema in v1beta1 and v1alpha3', () => {
    expect(virtualServiceSpecSchema('v1alpha3')).toEqual(virtualServiceSpecSchema('v1beta1'));
  });

  it('gets the post-1.18 fields, required fields and uint32 ranges', () => {
    const http = virtualServiceSpecSchema('v1beta1').properties?.http?.items;
    expect(http?.properties?.mirrors?.items?.required).toEqual(['destination']);
    expect(http?.properties?.retries?.properties?.backoff).toEqual({ type: 'string' });
    expect(http?.properties?.directResponse?.required).toEqual(['status']);
    expect(http?.properties?.route?.items?.properties?.destination?.required).toEqual(['host']);
    expect(http?.properties?.redirect?.properties?.redirectCode).toMatchObject({ type: 'integer', minimum: 0, maximum: 4294967295 });
  });

  it('rewrites every "at most one of" oneOf into the equivalent not-anyOf', () => {
    const schema = virtualServiceSpecSchema('v1beta1');
    const before = JSON.stringify(schema);
    const oneOfs = (before.match(/"oneOf"/g) ?? []).length;
    expect(oneOfs).toBeGreaterThan(10);
    rewriteAtMostOneOf(schema);
    const after = JSON.stringify(schema);
    expect(after).not.toContain('"oneOf"');
    const uri = schema.properties?.http?.items?.properties?.match?.items?.properties?.uri as { not?: unknown };
    expect(uri.not).toEqual({ anyOf: [{ required: ['exact', 'prefix'] }, { required: ['exact', 'regex'] }, { required: ['prefix', 'regex'] }] });
  });

  it('gives the same verdicts after the rewrite', () => {
    const original = compileSpecSchema(virtualServiceSpecSchema('v1beta1'));
    const rewritten = virtualServiceSpecSchema('v1beta1');
    rewriteAtMostOneOf(rewritten);
    const validate = compileSpecSchema(rewritten);
    const matches: unknown[] = [{}, { exact: 'a' }, { prefix: 'a' }, { regex: 'a' }, { exact: 'a', prefix: 'b' }, { exact: 'a', regex: 'b' },
      { prefix: 'a', regex: 'b' }, { exact: 'a', prefix: 'b', regex: 'c' }, { other: 1 }, 'a', 5, [], null];
    for (const match of matches) {
      for (const spec of [
        { http: [{ match: [{ uri: match, headers: { h: match } }] }] },
        { http: [{ fault: { abort: match, delay: match } }] },
        { http: [{ directResponse: { status: 200, body: match } }] },
      ]) {
        expect([JSON.stringify(spec), validate(spec)]).toEqual([JSON.stringify(spec), original(spec)]);
      }
    }
  });

  it.each([
    ['int-or-string', [{ type: 'string' }, { type: 'integer' }]],
    ['branches in another order', [{ not: { anyOf: [{ required: ['a'] }, { required: ['b'] }] } }, { required: ['b'] }, { required: ['a'] }]],
    ['a branch with more keywords', [{ not: { anyOf: [{ required: ['a'] }, { required: ['b'] }] } }, { required: ['a'], type: 'object' }, { required: ['b'] }]],
    ['a missing "none" branch', [{ required: ['a'] }, { required: ['b'] }, { required: ['c'] }]],
  ])('leaves other oneOf shapes alone: %s', (_name, oneOf) => {
    expect(atMostOneOfFields(oneOf)).toBeUndefined();
    const schema = { oneOf };
    rewriteAtMostOneOf(schema);
    expect(schema).toEqual({ oneOf });
  });
});
