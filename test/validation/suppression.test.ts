import { validateManifests } from '../../src/validation/engine';
import { TrafficValidationError } from '../../src/validation/errors';
import { ISTIO_SUPPRESS_ANNOTATION, SUPPRESS_ANNOTATION, suppressionOf } from '../../src/validation/suppression';

function service(name: string, nodePort: number, annotations?: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: { type: 'NodePort', selector: { app: name }, ports: [{ port: 80, nodePort }] },
  };
}

function virtualService(name: string, annotations?: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace: 'shop', ...(annotations ? { annotations } : {}) },
    spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
  };
}

const codes = (manifests: unknown[], options?: Parameters<typeof validateManifests>[1]) => validateManifests(manifests, options).map(d => `${d.index}:${d.code}`).sort();

describe('rule selection and suppression', () => {
  test('a per-object rule is reported without suppression', () => {
    expect(codes([service('web', 99999)])).toEqual(['0:SVC014']);
  });

  test('the cdk8s-traffic.io/suppress annotation drops the codes it names for that object only', () => {
    const suppressed = service('web', 99999, { [SUPPRESS_ANNOTATION]: ' svc014 , XR004' });
    expect(codes([suppressed, service('api', 99998)])).toEqual(['1:SVC014']);
  });

  test('"*" suppresses every rule for the object', () => {
    expect(codes([service('web', 99999, { [SUPPRESS_ANNOTATION]: '*' })])).toEqual([]);
  });

  test('set rules honour the annotation of the object they report on', () => {
    // SVC050: the same nodePort on two Services; reported on the second
    const both = [service('a', 30080), service('b', 30080)];
    expect(codes(both)).toEqual(['1:SVC050']);
    expect(codes([both[0], service('b', 30080, { [SUPPRESS_ANNOTATION]: 'SVC050' })])).toEqual([]);
  });

  test("istioctl's galley.istio.io/analyze-suppress suppresses the rules whose upstream lists that code", () => {
    // XR004 (two VirtualServices for one host) corresponds to IST0109
    const pair = [virtualService('a'), virtualService('b')];
    const reported = validateManifests(pair).filter(d => d.code === 'XR004');
    expect(reported.length).toBeGreaterThan(0);
    const indexes = new Set(reported.map(d => d.index));
    const annotated = pair.map((vs, i) => (indexes.has(i) ? virtualService(String(vs.metadata && (vs.metadata as { name: string }).name), { [ISTIO_SUPPRESS_ANNOTATION]: 'IST0109' }) : vs));
    expect(validateManifests(annotated).filter(d => d.code === 'XR004')).toEqual([]);
    // an IST code the rule does not correspond to suppresses nothing
    const other = pair.map(vs => virtualService((vs.metadata as { name: string }).name, { [ISTIO_SUPPRESS_ANNOTATION]: 'IST0101' }));
    expect(validateManifests(other).filter(d => d.code === 'XR004').length).toBe(reported.length);
  });

  test('annotations of the wrong type, and __proto__ keys, suppress nothing and never throw', () => {
    expect(codes([service('web', 99999, { [SUPPRESS_ANNOTATION]: ['SVC014'] })])).toContain('0:SVC014');
    const hostile = JSON.parse('{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","annotations":{"__proto__":{"cdk8s-traffic.io/suppress":"*"}}},"spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80,"nodePort":99999}]}}');
    expect(codes([hostile])).toContain('0:SVC014');
    expect(suppressionOf({ metadata: { annotations: null } })).toBeUndefined();
    expect(suppressionOf({ metadata: [] })).toBeUndefined();
  });

  test('disable turns rules off for the whole run; enable keeps only the codes it names', () => {
    const manifests = [service('a', 99999), service('b', 30080), service('c', 30080)];
    expect(codes(manifests)).toEqual(['0:SVC014', '2:SVC050']);
    expect(codes(manifests, { disable: ['SVC014'] })).toEqual(['2:SVC050']);
    expect(codes(manifests, { enable: ['SVC014'] })).toEqual(['0:SVC014']);
    expect(codes(manifests, { enable: ['SVC014'], disable: ['SVC014'] })).toEqual([]);
    expect(codes(manifests, { enable: [] })).toEqual(['0:SVC014', '2:SVC050']);
  });

  test('errors when disable or enable names no rule, or is not a list of codes', () => {
    expect(() => validateManifests([], { disable: ['SVC999'] })).toThrow(TrafficValidationError);
    expect(() => validateManifests([], { disable: ['SVC999'] })).toThrow(/TRF004 options.disable\[0\] "SVC999" is not a rule code/);
    expect(() => validateManifests([], { enable: 'SVC014' as unknown as string[] })).toThrow(/options.enable expects a list of rule codes.*got the string "SVC014"/);
    expect(() => validateManifests([], { disable: [14 as unknown as string] })).toThrow(/options.disable\[0\] expects a rule code.*got the number 14/);
  });
});

describe('the checks of the input itself', () => {
  test('cannot be turned off', () => {
    expect(() => validateManifests([], { disable: ['TRF003'] })).toThrow(/TRF004 options.disable\[0\] TRF003 cannot be turned off/);
  });
});
