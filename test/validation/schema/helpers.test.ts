import { locate } from '../../../src/validation/schema/instance-path';
import { atMostOneOfFields, rewriteAtMostOneOf } from '../../../scripts/at-most-one-of';
import {
  capturedModelSchema, compileSpecSchema, shareRepeatedSchemas, supplementedSpecSchema, validatedSpecSchema,
} from '../../../scripts/istio-schema';
import { ISTIO_KINDS, patchSpecSchema, SchemaNode } from '../../../src/validation/schema/istio-supplement';
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

describe('the Istio schemas', () => {
  it.each(ISTIO_KINDS)('are read from the %s model without changing it', kind => {
    const first = capturedModelSchema(kind, 'v1beta1');
    expect(first.id).toBe(`networking.istio.io.v1beta1.${kind}`);
    const before = JSON.stringify(first.schema);
    supplementedSpecSchema(kind, 'v1beta1');
    validatedSpecSchema(kind, 'v1beta1');
    expect(JSON.stringify(capturedModelSchema(kind, 'v1beta1').schema)).toBe(before);
    expect(capturedModelSchema(kind, 'v1alpha3').id).toBe(`networking.istio.io.v1alpha3.${kind}`);
  });

  it.each(ISTIO_KINDS)('are the same %s spec schema in v1beta1 and v1alpha3', kind => {
    expect(supplementedSpecSchema(kind, 'v1alpha3')).toEqual(supplementedSpecSchema(kind, 'v1beta1'));
  });

  it('are the same after being built twice (the supplements are not changed by the rewrite)', () => {
    for (const kind of ISTIO_KINDS) expect(validatedSpecSchema(kind, 'v1beta1')).toEqual(validatedSpecSchema(kind, 'v1beta1'));
  });

  it('get the VirtualService post-1.18 fields, required fields and uint32 ranges', () => {
    const http = supplementedSpecSchema('VirtualService', 'v1beta1').properties?.http?.items;
    expect(http?.properties?.mirrors?.items?.required).toEqual(['destination']);
    expect(http?.properties?.retries?.properties?.backoff).toEqual({ type: 'string' });
    expect(http?.properties?.directResponse?.required).toEqual(['status']);
    expect(http?.properties?.route?.items?.properties?.destination?.required).toEqual(['host']);
    expect(http?.properties?.redirect?.properties?.redirectCode).toMatchObject({ type: 'integer', minimum: 0, maximum: 4294967295 });
  });

  it('get the DestinationRule post-1.18 fields at every traffic policy and port level', () => {
    const spec = supplementedSpecSchema('DestinationRule', 'v1beta1');
    expect(spec.required).toEqual(['host']);
    expect(spec.properties?.subsets?.items?.required).toEqual(['name']);
    const policies = [spec.properties?.trafficPolicy, spec.properties?.subsets?.items?.properties?.trafficPolicy];
    for (const policy of policies) {
      expect(policy?.properties?.proxyProtocol?.properties?.version?.enum).toEqual(['V1', 'V2']);
      expect(policy?.properties?.retryBudget?.properties?.percent).toMatchObject({ minimum: 0, maximum: 100 });
      expect(policy?.properties?.tunnel?.required).toEqual(['targetHost', 'targetPort']);
      expect(policy?.properties?.portLevelSettings?.maxItems).toBe(4096);
      for (const block of [policy, policy?.properties?.portLevelSettings?.items]) {
        const loadBalancer = block?.properties?.loadBalancer;
        expect(loadBalancer?.properties?.warmup?.required).toEqual(['duration']);
        expect(loadBalancer?.properties?.consistentHash?.properties?.httpCookie?.required).toEqual(['name']);
        expect(loadBalancer?.properties?.localityLbSetting?.properties?.distribute?.items?.properties?.to?.additionalProperties)
          .toMatchObject({ type: 'integer', minimum: 0, maximum: 4294967295 });
        expect(block?.properties?.tls?.properties?.caCrl).toEqual({ type: 'string' });
        expect(block?.properties?.connectionPool?.properties?.http?.properties?.maxConcurrentStreams).toEqual({ type: 'integer', format: 'int32' });
      }
    }
  });

  it('replace the 1.18 load balancer oneOf, which lets an invalid consistentHash through, with the current CRD\'s', () => {
    const loadBalancer = supplementedSpecSchema('DestinationRule', 'v1beta1').properties?.trafficPolicy?.properties?.loadBalancer;
    expect(loadBalancer?.oneOf).toEqual([
      { not: { anyOf: [{ required: ['simple'] }, { required: ['consistentHash'] }, { required: ['backendUtilization'] }] } },
      { required: ['simple'] }, { required: ['consistentHash'] }, { required: ['backendUtilization'] },
    ]);
    expect(loadBalancer?.properties?.consistentHash?.allOf).toHaveLength(2);
    // the model's own form: a consistentHash with two hash keys passes
    const model = capturedModelSchema('DestinationRule', 'v1beta1').schema.properties?.spec as SchemaNode;
    expect(compileSpecSchema(model)({ trafficPolicy: { loadBalancer: { consistentHash: { httpHeaderName: 'a', useSourceIp: true } } } })).toBe(true);
    expect(compileSpecSchema(supplementedSpecSchema('DestinationRule', 'v1beta1'))({ host: 'a', trafficPolicy: { loadBalancer: { consistentHash: { httpHeaderName: 'a', useSourceIp: true } } } })).toBe(false);
  });

  it('get the Gateway and ServiceEntry required fields, enum values and limits', () => {
    const server = supplementedSpecSchema('Gateway', 'v1beta1').properties?.servers?.items;
    expect(server?.required).toEqual(['port', 'hosts']);
    expect(server?.properties?.port?.required).toEqual(['number', 'protocol', 'name']);
    expect(server?.properties?.tls?.properties?.mode?.enum).toContain('OPTIONAL_MUTUAL');
    expect(server?.properties?.tls?.properties?.credentialNames).toMatchObject({ minItems: 1, maxItems: 2 });
    const entry = supplementedSpecSchema('ServiceEntry', 'v1beta1');
    expect(entry.required).toEqual(['hosts']);
    expect(entry.properties?.hosts).toMatchObject({ minItems: 1, maxItems: 256 });
    expect(entry.properties?.resolution?.enum).toContain('DYNAMIC_DNS');
    expect(entry.properties?.ports?.items?.required).toEqual(['number', 'name']);
    expect(entry.properties?.endpoints?.items?.properties?.ports?.additionalProperties).toMatchObject({ minimum: 0, maximum: 4294967295 });
  });

  it('rewrites every "at most one of" oneOf into the equivalent not-anyOf', () => {
    for (const kind of ISTIO_KINDS) {
      const schema = supplementedSpecSchema(kind, 'v1beta1');
      rewriteAtMostOneOf(schema);
      expect(JSON.stringify(schema)).not.toContain('"oneOf"');
    }
    const schema = supplementedSpecSchema('VirtualService', 'v1beta1');
    const oneOfs = (JSON.stringify(schema).match(/"oneOf"/g) ?? []).length;
    expect(oneOfs).toBeGreaterThan(10);
    rewriteAtMostOneOf(schema);
    const uri = schema.properties?.http?.items?.properties?.match?.items?.properties?.uri as { not?: unknown };
    expect(uri.not).toEqual({ anyOf: [{ required: ['exact', 'prefix'] }, { required: ['exact', 'regex'] }, { required: ['prefix', 'regex'] }] });
  });

  it('shares the repeated DestinationRule policy blocks as definitions', () => {
    const schema = validatedSpecSchema('DestinationRule', 'v1beta1') as SchemaNode & { definitions?: { [name: string]: unknown } };
    expect(Object.keys(schema.definitions ?? {}).sort()).toEqual(['connectionPool', 'loadBalancer', 'outlierDetection', 'tls', 'trafficPolicy']);
    expect(schema.properties?.trafficPolicy).toEqual({ $ref: '#/definitions/trafficPolicy' });
    expect(schema.properties?.subsets?.items?.properties?.trafficPolicy).toEqual({ $ref: '#/definitions/trafficPolicy' });
  });

  it('leaves a schema without repeats as it is when sharing', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } };
    shareRepeatedSchemas(schema);
    expect(schema).toEqual({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } });
  });

  const MATCHES: unknown[] = [{}, { exact: 'a' }, { prefix: 'a' }, { regex: 'a' }, { exact: 'a', prefix: 'b' }, { exact: 'a', regex: 'b' },
    { prefix: 'a', regex: 'b' }, { exact: 'a', prefix: 'b', regex: 'c' }, { other: 1 }, 'a', 5, [], null];

  const HASHES: unknown[] = [{}, { httpHeaderName: 'a' }, { httpCookie: { name: 'c' } }, { useSourceIp: true }, { httpQueryParameterName: 'q' },
    { httpHeaderName: 'a', useSourceIp: true }, { httpCookie: {}, httpQueryParameterName: 'q', ringHash: {} }, { ringHash: {}, maglev: {} },
    { maglev: { tableSize: 7 }, httpHeaderName: 'a' }, { minimumRingSize: 5 }, 'a', [], null];
  const LOAD_BALANCERS: unknown[] = [{}, { simple: 'RANDOM' }, { backendUtilization: {} }, { simple: 'RANDOM', backendUtilization: {} },
    ...HASHES.flatMap(hash => [{ consistentHash: hash }, { simple: 'ROUND_ROBIN', consistentHash: hash }]), 5, null];

  it('gives the same verdicts after the rewrite and the sharing', () => {
    const original = compileSpecSchema(supplementedSpecSchema('VirtualService', 'v1beta1'));
    const validate = compileSpecSchema(validatedSpecSchema('VirtualService', 'v1beta1'));
    for (const match of MATCHES) {
      for (const spec of [
        { http: [{ match: [{ uri: match, headers: { h: match } }] }] },
        { http: [{ fault: { abort: match, delay: match } }] },
        { http: [{ directResponse: { status: 200, body: match } }] },
        { http: [{ route: [{ destination: { host: 'a' }, headers: { request: match } }], headers: { response: match } }] },
      ]) {
        expect([JSON.stringify(spec), validate(spec)]).toEqual([JSON.stringify(spec), original(spec)]);
      }
    }
    const originalRule = compileSpecSchema(supplementedSpecSchema('DestinationRule', 'v1beta1'));
    const validateRule = compileSpecSchema(validatedSpecSchema('DestinationRule', 'v1beta1'));
    for (const loadBalancer of LOAD_BALANCERS) {
      for (const spec of [
        { host: 'a', trafficPolicy: { loadBalancer } },
        { host: 'a', trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, loadBalancer }] } },
        { host: 'a', subsets: [{ name: 'v1', trafficPolicy: { loadBalancer, portLevelSettings: [{ loadBalancer }] } }] },
      ]) {
        expect([JSON.stringify(spec), validateRule(spec)]).toEqual([JSON.stringify(spec), originalRule(spec)]);
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

describe('patchSpecSchema', () => {
  const spec = (): SchemaNode => ({
    type: 'object',
    properties: {
      list: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
      map: { type: 'object', additionalProperties: { type: 'integer' } },
    },
  });

  it('patches spec itself, list entries and map values', () => {
    const schema = spec();
    patchSpecSchema(schema, [
      { at: '', add: { required: ['list'] } },
      { at: 'list[]', add: { properties: { b: { type: 'string' } }, required: ['a'] } },
      { at: 'map{}', add: { minimum: 0 } },
    ]);
    expect(schema.required).toEqual(['list']);
    expect(schema.properties?.list?.items).toEqual({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'] });
    expect(schema.properties?.map?.additionalProperties).toEqual({ type: 'integer', minimum: 0 });
  });

  it('copies what it adds, so that changing the schema leaves the patch alone', () => {
    const add: SchemaNode = { oneOf: [{ required: ['a'] }] };
    const schema = spec();
    patchSpecSchema(schema, [{ at: 'list[]', add }]);
    (schema.properties?.list?.items as { oneOf?: unknown }).oneOf = [];
    expect(add).toEqual({ oneOf: [{ required: ['a'] }] });
  });

  it.each([
    ['a missing field', 'nowhere', 'no field nowhere'],
    ['a list step on an object', 'map[]', 'map[] is not a list'],
    ['a map step on a list', 'list{}', 'list{} is not a map'],
  ])('errors on %s', (_name, at, message) => {
    expect(() => patchSpecSchema(spec(), [{ at, add: { minimum: 0 } }])).toThrow(message);
  });
});
