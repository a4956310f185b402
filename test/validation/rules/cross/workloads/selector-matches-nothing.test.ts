import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { service, setTable, workload } from '../helpers';

const PATH = 'spec.selector';

/** A Service in `shop` with the given selector. */
function selecting(name: string, selector: unknown, spec: JsonObject = {}): JsonObject {
  return service(name, { spec: { selector, ...spec } });
}

function pod(name: string, labels: Record<string, string>, namespace = 'shop'): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
}

function job(name: string, labels: Record<string, string>, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'shop' },
    spec: { ...extra, template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox' }] } } },
  };
}

function cronJob(name: string, labels: Record<string, string>): JsonObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'shop' },
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox' }] } } } } },
  };
}

describe('XR003 selector-matches-nothing', () => {
  setTable('XR003', 'warns', [
    { name: 'a selector equal to the template labels', manifests: [service('reviews'), workload('reviews', { app: 'reviews' })] },
    { name: 'a selector that is a subset of the template labels', manifests: [selecting('reviews', { app: 'reviews' }), workload('reviews-v1', { app: 'reviews', version: 'v1' })] },
    { name: 'a selector split across keys of one template', manifests: [selecting('reviews', { app: 'reviews', tier: 'web' }), workload('a', { app: 'reviews', tier: 'db' }), workload('b', { app: 'reviews', tier: 'web' })] },
    { name: 'workloads only in other namespaces (the pods are described elsewhere)', manifests: [service('reviews'), workload('ratings', { app: 'ratings' }, 'other')] },
    { name: 'no workload at all', manifests: [service('reviews')] },
    { name: 'a Service without selector', manifests: [service('reviews', { spec: { selector: undefined } }), workload('ratings', { app: 'ratings' })] },
    { name: 'an empty selector', manifests: [selecting('reviews', {}), workload('ratings', { app: 'ratings' })] },
    { name: 'a selector with a non-string value (SVC rules\' concern)', manifests: [selecting('reviews', { app: 5 }), workload('ratings', { app: 'ratings' })] },
    { name: 'a selector of a wrong type', manifests: [selecting('reviews', ['app']), workload('ratings', { app: 'ratings' })] },
    { name: 'an ExternalName Service', manifests: [selecting('reviews', { app: 'x' }, { type: 'ExternalName', externalName: 'example.com' }), workload('ratings', { app: 'ratings' })] },
    { name: 'a StatefulSet', manifests: [service('db'), workload('db', { app: 'db' }, 'shop', 'StatefulSet')] },
    { name: 'a per-pod Service of a StatefulSet (statefulset.kubernetes.io/pod-name)', manifests: [selecting('db-0', { 'statefulset.kubernetes.io/pod-name': 'db-0' }), workload('db', { app: 'db' }, 'shop', 'StatefulSet')] },
    { name: 'a DaemonSet', manifests: [service('agent'), workload('agent', { app: 'agent' }, 'shop', 'DaemonSet')] },
    { name: 'a ReplicaSet', manifests: [service('rs'), workload('rs', { app: 'rs' }, 'shop', 'ReplicaSet')] },
    { name: 'a ReplicationController', manifests: [service('rc'), workload('rc', { app: 'rc' }, 'shop', 'ReplicationController', 'v1')] },
    { name: 'a legacy extensions/v1beta1 Deployment', manifests: [service('old'), workload('old', { app: 'old' }, 'shop', 'Deployment', 'extensions/v1beta1')] },
    { name: 'an Argo Rollout', manifests: [service('canary'), workload('canary', { app: 'canary' }, 'shop', 'Rollout', 'argoproj.io/v1alpha1')] },
    { name: 'a Deployment selected by pod-template-hash', manifests: [selecting('pinned', { app: 'reviews', 'pod-template-hash': '5d8f7c9b4' }), workload('reviews', { app: 'reviews' })] },
    { name: 'a Pod', manifests: [service('debug'), pod('debug', { app: 'debug' })] },
    { name: 'a Job selected by job-name', manifests: [selecting('migrate', { 'job-name': 'migrate' }), job('migrate', { app: 'migrate' })] },
    { name: 'a CronJob', manifests: [service('report'), cronJob('report', { app: 'report' })] },
    { name: 'the Jobs of a CronJob selected by job-name', manifests: [selecting('report', { 'batch.kubernetes.io/job-name': 'report-28930140' }), cronJob('report', { app: 'report' })] },
    { name: 'a Service without namespace and a workload in default', manifests: [service('reviews', { namespace: null }), workload('reviews', { app: 'reviews' }, 'default')] },
    {
      name: 'a Deployment without a pod template (it creates no pods, and is refused)',
      manifests: [service('shop'), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop', namespace: 'shop' }, spec: { replicas: 2 } }],
    },
    {
      name: 'many Services that repeat one selector',
      manifests: [...Array.from({ length: 5 }, (_, i) => selecting(`s${i}`, { app: 'reviews' })), workload('reviews', { app: 'reviews' })],
    },
  ], [
    {
      name: 'a selector value matches no template (a typo)',
      manifests: [selecting('reviews', { app: 'reviewz' }), workload('reviews', { app: 'reviews' })],
      expected: [{ index: 0, path: PATH, message: 'selector {"app":"reviewz"} matches no pod template in namespace shop: no workload there labels its pods app="reviewz" (Deployment/shop/reviews has app="reviews")' }],
    },
    {
      name: 'no template has the selector key',
      manifests: [selecting('reviews', { 'app.kubernetes.io/name': 'reviews' }), workload('reviews', { app: 'reviews' })],
      expected: [{ index: 0, path: PATH, message: 'no workload there labels its pods app.kubernetes.io/name="reviews" (no pod template in shop has a label "app.kubernetes.io/name")' }],
    },
    {
      name: 'every label exists, but on different templates',
      manifests: [workload('reviews-v1', { app: 'reviews', version: 'v1' }), workload('ratings-v2', { app: 'ratings', version: 'v2' }), selecting('reviews', { app: 'reviews', version: 'v2' })],
      expected: [{ index: 2, path: PATH, message: 'no single workload there has all of these labels (Deployment/shop/reviews-v1 has version="v1", not version="v2")' }],
    },
    {
      name: 'one template has one label and another the other',
      manifests: [selecting('reviews', { app: 'reviews', tier: 'web' }), workload('a', { app: 'reviews' }), workload('b', { tier: 'web' })],
      expected: [{ index: 0, path: PATH, message: 'no single workload there has all of these labels (Deployment/shop/a lacks tier="web")' }],
    },
    {
      name: 'the matching workload is in another namespace',
      manifests: [service('reviews'), workload('reviews', { app: 'reviews' }, 'other'), workload('ratings', { app: 'ratings' })],
      expected: [{ index: 0, path: PATH, message: 'no workload there labels its pods app="reviews" (Deployment/shop/ratings has app="ratings")' }],
    },
    {
      name: 'a per-pod Service names a pod of another StatefulSet',
      manifests: [selecting('cache-0', { 'statefulset.kubernetes.io/pod-name': 'cache-0' }), workload('db', { app: 'db' }, 'shop', 'StatefulSet')],
      expected: [{ index: 0, path: PATH, message: 'no workload there labels its pods statefulset.kubernetes.io/pod-name="cache-0" (StatefulSet/shop/db has statefulset.kubernetes.io/pod-name="db-0")' }],
    },
    {
      name: 'a Job with a manual selector gets no job-name label',
      manifests: [selecting('migrate', { 'job-name': 'migrate' }), job('migrate', { app: 'migrate' }, { manualSelector: true, selector: { matchLabels: { app: 'migrate' } } })],
      expected: [{ index: 0, path: PATH, message: 'labels its pods job-name="migrate"' }],
    },
    {
      name: 'the labels are on the workload, not on its pod template',
      manifests: [
        selecting('reviews', { app: 'reviews' }),
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'reviews', namespace: 'shop', labels: { app: 'reviews' } }, spec: { template: { metadata: { labels: { name: 'reviews' } } } } },
      ],
      expected: [{ index: 0, path: PATH, message: 'no pod template in shop has a label "app"' }],
    },
    {
      name: 'several Services miss, each reported on itself',
      manifests: [selecting('a', { app: 'x' }), workload('reviews', { app: 'reviews' }), selecting('b', { app: 'x' }), service('reviews')],
      expected: [
        { index: 0, path: PATH, message: 'app="x"' },
        { index: 2, path: PATH, message: 'app="x"' },
      ],
    },
  ]);

  it('warns with the whole message and the selector as value', () => {
    const found = validateManifests([selecting('reviews', { app: 'reviewz' }), workload('reviews', { app: 'reviews' })]).filter(d => d.code === 'XR003');
    expect(found).toEqual([{
      severity: Severity.WARNING,
      code: 'XR003',
      rule: 'selector-matches-nothing',
      message: 'selector {"app":"reviewz"} matches no pod template in namespace shop: no workload there labels its pods app="reviewz" (Deployment/shop/reviews has app="reviews"); the Service gets no endpoints unless its pods come from outside the set (the set may be incomplete)',
      path: PATH,
      resource: 'Service/shop/reviews',
      index: 0,
      value: { app: 'reviewz' },
    }]);
  });

  it('never throws on malformed workloads', () => {
    const odd = [
      service('reviews'),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a', namespace: 'shop' }, spec: null },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'b', namespace: 'shop' }, spec: { template: { metadata: { labels: ['app'] } } } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: 'x', spec: { jobTemplate: 5 } },
      { apiVersion: 5, kind: 'Pod', metadata: { labels: { app: 7 } } },
    ];
    expect(validateManifests(odd).filter(d => d.code === 'TRF000')).toEqual([]);
    expect(validateManifests(odd).filter(d => d.code === 'XR003')).toHaveLength(1);
  });
});
