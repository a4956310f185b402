import * as fs from 'fs';
import * as path from 'path';
import { KUBERNETES_VALIDATORS_FILE, renderKubernetesValidators } from '../../../scripts/generate-kubernetes-validators';
import { AjvValidateFunction } from '../../../src/validation/schema/ajv-types';
import { JsonObject } from '../../../src/validation/manifest';
import { endpointSlice, fullLoadBalancer, service } from './manifests';

const bundled = require('../../../src/validation/schema/kubernetes-validators.generated.js') as { readonly [name: string]: AjvValidateFunction };

/** The package's own validate function of a schema, loaded by file path as the package loads it. */
function packageValidate(schema: string): AjvValidateFunction {
  const schemas = path.join(path.dirname(require.resolve('kubernetes-models/v1/Service')), '..', '_schemas');
  const file = schema.startsWith('IoK8sApimachinery')
    ? require.resolve(`@kubernetes-models/apimachinery/_schemas/${schema}`, { paths: [schemas] })
    : path.join(schemas, `${schema}.js`);
  return (require(file) as { validate: AjvValidateFunction }).validate;
}

test('kubernetes-validators.generated.js is up to date (run npx ts-node --transpile-only scripts/generate-kubernetes-validators.ts)', () => {
  expect(fs.readFileSync(KUBERNETES_VALIDATORS_FILE, 'utf-8')).toBe(renderKubernetesValidators());
});

test('the generated module requires nothing but kubernetes-formats', () => {
  const text = fs.readFileSync(KUBERNETES_VALIDATORS_FILE, 'utf-8');
  const requests = new Set([...text.matchAll(/\brequire\(\s*(["'])([^"']*)\1\s*\)/g)].map(m => m[2]));
  expect([...requests]).toEqual(['./kubernetes-formats']);
});

const METADATA: JsonObject[] = [
  {},
  { name: 5, labels: { a: 1 }, annotations: [] },
  { creationTimestamp: '2024-01-01T00:00:00Z', deletionTimestamp: '2024-02-29T23:59:60+01:00' },
  { creationTimestamp: '2024-01-01T00:00:00' },
  { creationTimestamp: '2023-02-29T00:00:00Z' },
  { creationTimestamp: '2024-01-01 00:00:00.5z' },
  { creationTimestamp: 'yesterday', deletionTimestamp: 0 },
  { generation: 1.5, deletionGracePeriodSeconds: 2 ** 60 },
  { generation: '3', deletionGracePeriodSeconds: null },
  { ownerReferences: [{ kind: 'Deployment' }, 'x'], finalizers: 'x' },
  { managedFields: [{ time: 'now', fieldsV1: 'x', operation: 7 }] },
];

const SERVICE_SPECS: JsonObject[] = [
  {},
  { ports: [{ port: '80' }] },
  { ports: [{ port: 1.5, targetPort: {}, nodePort: -1 }] },
  { ports: [{ port: 2 ** 31, targetPort: 2 ** 31, nodePort: 2 ** 40 }] },
  { ports: [{ port: 80, targetPort: 'http', protocol: 'SCTP' }, null] },
  { ports: {}, selector: [], type: 5, clusterIPs: 'x' },
  { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 'x' } } },
  { sessionAffinityConfig: { clientIP: { timeoutSeconds: 2 ** 40 } }, healthCheckNodePort: 1.1 },
  { ipFamilies: [4], ipFamilyPolicy: true, externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: 'yes' },
];

const SERVICES: unknown[] = [
  fullLoadBalancer(),
  ...SERVICE_SPECS.map(spec => service(spec)),
  ...METADATA.map(metadata => service({}, metadata)),
  { ...service(), apiVersion: 'v2', kind: 'Svc' },
  { kind: 'Service' },
  { ...service(), status: { loadBalancer: { ingress: [{ ip: 1, ports: [{ port: 'x', protocol: 'TCP' }, { port: 2 ** 31, error: 5 }] }] } } },
  { ...service(), status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 'x', reason: 'r', message: 'm', observedGeneration: 0.5 }, {}] } },
  null,
  [],
  'Service',
];

const ENDPOINT_SLICES: unknown[] = [
  endpointSlice(),
  endpointSlice({ addressType: 'IPv5' }),
  endpointSlice({ ports: [{ port: 2 ** 31 }, { port: '5432' }, { port: 1.5, protocol: 1 }] }),
  endpointSlice({ endpoints: [{ addresses: 'x', conditions: { ready: 'yes' } }, {}, null] }),
  endpointSlice({ endpoints: [{ addresses: ['10.0.0.1'], hints: { forZones: [{}] }, targetRef: 'pod' }] }),
  endpointSlice({ endpoints: 'x', ports: {}, metadata: { creationTimestamp: '2024-13-01T00:00:00Z' } }),
  ...METADATA.map(metadata => endpointSlice({ metadata })),
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' },
  null,
];

const CASES: Array<[string, unknown[]]> = [
  ['IoK8sApiCoreV1Service', SERVICES],
  ['IoK8sApiDiscoveryV1EndpointSlice', ENDPOINT_SLICES],
  ['IoK8sApimachineryPkgApisMetaV1ObjectMeta', [...METADATA, null, 'x', []]],
];

describe.each(CASES)('%s: the generated validator reports what kubernetes-models reports', (schema, values) => {
  it.each(values.map((value, i) => [i, value]))('value %i', (_i, value) => {
    const original = packageValidate(schema);
    const expectedValid = original(value);
    const expectedErrors = original.errors;
    const validate = bundled[schema];
    expect(validate(value)).toBe(expectedValid);
    expect(validate.errors).toStrictEqual(expectedErrors);
  });
});
