import { Severity } from '../../../../../src/validation/diagnostic';
import { ruleCatalogue } from '../../../../../src/validation/engine';
import { findings, routeTo, service, setTable, virtualService, workload } from '../helpers';
import { destinationRule, entry } from '../istio-helpers';

const HTTPBIN = 'httpbin.default.svc.cluster.local';

/** istioctl's destinationrule-subsets-not-select-pods.yaml, with the Service's pods in the set. */
function httpbin(subsets: unknown[], host = HTTPBIN): unknown[] {
  return [
    destinationRule('subsets-not-select-pods', { host, trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } }, subsets }, 'default'),
    service('httpbin', { namespace: 'default', spec: { ports: [{ name: 'http', port: 8000 }], selector: { app: 'httpbin' } } }),
    workload('httpbin-v1', { app: 'httpbin', version: 'v1' }, 'default'),
  ];
}

/** A VirtualService in `default` routing httpbin to `subset`. */
function routedTo(subset: string): Record<string, unknown> {
  return routeTo('httpbin', { host: 'httpbin', subset }, 'default');
}

/** Kiali's bookinfo fixtures: Service reviews (selector app=reviews) with workloads v1 and v2. */
function reviews(subsets: Array<[string, Record<string, string>]>): unknown[] {
  return [
    destinationRule('testrule', { host: 'reviews', subsets: subsets.map(([name, labels]) => ({ name, labels })) }, 'bookinfo'),
    service('reviews', { namespace: 'bookinfo' }),
    workload('reviews-v1', { app: 'reviews', version: 'v1' }, 'bookinfo'),
    workload('reviews-v2', { app: 'reviews', version: 'v2' }, 'bookinfo'),
  ];
}

describe('XR039 destination-rule-subset-no-pods (routed subsets)', () => {
  it('is an error; XR040 (subsets no route names) a warning', () => {
    expect(ruleCatalogue().find(r => r.code === 'XR039')).toMatchObject({ severity: Severity.ERROR, upstream: ['IST0173', 'KIA0203'] });
    expect(ruleCatalogue().find(r => r.code === 'XR040')).toMatchObject({ severity: Severity.WARNING, upstream: ['IST0173', 'KIA0203'] });
  });

  setTable('XR039', 'errors', [
    { name: 'a routed subset with pods', manifests: [...httpbin([{ name: 'v1', labels: { version: 'v1' } }]), routedTo('v1')] },
    // Kiali TestSubsetPresentMatchingNotReferenced
    { name: 'subsets that match the Service\'s workloads', manifests: [...reviews([['v1', { version: 'v1' }], ['v2', { version: 'v2' }]]), routeTo('reviews', { host: 'reviews', subset: 'v1' }, 'bookinfo')] },
    // the set does not hold the Service's pods: described elsewhere
    { name: 'no workload of the Service in the set', manifests: [...httpbin([{ name: 'fake', labels: { version: 'v3' } }]).slice(0, 2), routedTo('fake')] },
    { name: 'the host is not in the set', manifests: [destinationRule('r', { host: 'ratings', subsets: [{ name: 'v9', labels: { version: 'v9' } }] }, 'default'), workload('w', { app: 'x' }, 'default'), routeTo('ratings', { host: 'ratings', subset: 'v9' }, 'default')] },
    // analyzers_test.go "DestinationRuleSubsetsWithTopologyLabels": node labels are not known from templates
    { name: 'topology labels Istio adds from the node', manifests: [...httpbin([{ name: 'zone-a', labels: { version: 'v1', 'topology.kubernetes.io/zone': 'zone-a' } }]), routedTo('zone-a')] },
    { name: 'a subset without labels (the whole host)', manifests: [...httpbin([{ name: 'all' }]), routedTo('all')] },
    { name: 'a wildcard host', manifests: [...httpbin([{ name: 'fake', labels: { version: 'v3' } }], '*.default.svc.cluster.local'), routedTo('fake')] },
    { name: 'labels of a wrong type', manifests: [...httpbin([{ name: 'bad', labels: { version: 3 } }, { name: 'bad2', labels: ['v'] }]), routedTo('bad')] },
    {
      name: 'a ServiceEntry without workloadSelector',
      manifests: [destinationRule('ext', { host: 'api.example.com', subsets: [{ name: 'x', labels: { version: 'v9' } }] }), entry('ext', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }] }), workload('w', { app: 'w' }), routeTo('api.example.com', { host: 'api.example.com', subset: 'x' })],
    },
  ], [
    // analyzers_test.go "DestinationRuleSubsetsNotSelectPods"; Kiali TestNoMatchingSubset
    {
      name: 'a routed subset selects none of the Service\'s pods',
      manifests: [...httpbin([{ name: 'v1', labels: { version: 'v1' } }, { name: 'fake', labels: { version: 'v3' } }]), routedTo('fake')],
      expected: [{
        index: 0,
        path: 'spec.subsets[1].labels',
        message: 'subset "fake" selects no pods: no workload selected by Service/default/httpbin (selector app="httpbin") carries version="v3" (Deployment/default/httpbin-v1 has version="v1"); VirtualService/default/httpbin routes to it, and those requests fail with 503',
      }],
    },
    // Kiali TestNoMatchingSubsetWithMoreLabels
    {
      name: 'one of several labels is carried by no pod',
      manifests: [...reviews([['reviewsv1', { version: 'v1', seek: 'notfound' }], ['reviewsv2', { version: 'v2' }]]), virtualService('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'reviewsv1' }, weight: 55 }, { destination: { host: 'reviews', subset: 'reviewsv2' }, weight: 45 }] }] }, 'bookinfo')],
      expected: [{ index: 0, path: 'spec.subsets[0].labels', message: 'carries seek="notfound", version="v1" (Deployment/bookinfo/reviews-v1 has no label "seek")' }],
    },
    // beyond istioctl: pods of another Service carry the labels, but not the host's
    {
      name: 'only pods of another Service carry the subset labels (Kiali\'s matching)',
      manifests: [...httpbin([{ name: 'v2', labels: { version: 'v2' } }]), workload('other-v2', { app: 'other', version: 'v2' }, 'default'), routedTo('v2')],
      expected: [{ index: 0, path: 'spec.subsets[0].labels', message: 'no workload selected by Service/default/httpbin (selector app="httpbin") carries version="v2"' }],
    },
    {
      name: 'subset labels contradict the Service selector',
      manifests: [...httpbin([{ name: 'other', labels: { app: 'other' } }]), routedTo('other')],
      expected: [{ index: 0, path: 'spec.subsets[0].labels', message: 'its labels app="other" contradict the selector of Service/default/httpbin' }],
    },
    {
      name: 'a ServiceEntry with a workloadSelector',
      manifests: [
        destinationRule('vm', { host: 'vm.example.com', subsets: [{ name: 'v2', labels: { version: 'v2' } }] }),
        entry('vm', { hosts: ['vm.example.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], workloadSelector: { labels: { app: 'vm' } } }),
        workload('vm-v1', { app: 'vm', version: 'v1' }),
        routeTo('vm.example.com', { host: 'vm.example.com', subset: 'v2' }),
      ],
      expected: [{ index: 0, path: 'spec.subsets[0].labels', message: 'no workload selected by ServiceEntry/shop/vm (selector app="vm") carries version="v2"' }],
    },
  ]);
});

describe('XR040 destination-rule-subset-unused-no-pods (subsets no route names)', () => {
  setTable('XR040', 'warns', [
    { name: 'a routed empty subset (XR039 reports it)', manifests: [...httpbin([{ name: 'fake', labels: { version: 'v3' } }]), routedTo('fake')] },
    { name: 'subsets with pods', manifests: reviews([['v1', { version: 'v1' }], ['v2', { version: 'v2' }]]) },
  ], [
    // analyzers_test.go "DestinationRuleSubsetsNotSelectPods", no route in the set
    {
      name: 'an empty subset no VirtualService routes to',
      manifests: httpbin([{ name: 'fake', labels: { version: 'v3' } }]),
      expected: [{ index: 0, path: 'spec.subsets[0].labels', message: 'subset "fake" selects no pods: no workload selected by Service/default/httpbin (selector app="httpbin") carries version="v3" (Deployment/default/httpbin-v1 has version="v1"); no VirtualService of the set routes to it yet' }],
    },
    // Kiali TestSubsetNotReferenced / TestWronglyReferenced: a route to another subset does not count
    {
      name: 'the VirtualService routes to other subsets',
      manifests: [...reviews([['v3', { version: 'v3' }], ['v4', { version: 'v4' }]]), routeTo('reviews', { host: 'reviews', subset: 'v1' }, 'bookinfo')],
      expected: [
        { index: 0, path: 'spec.subsets[0].labels', message: 'subset "v3" selects no pods' },
        { index: 0, path: 'spec.subsets[1].labels', message: 'subset "v4" selects no pods' },
      ],
    },
  ]);

  it('routes through the FQDN and the short name alike', () => {
    const set = [...httpbin([{ name: 'fake', labels: { version: 'v3' } }]), routeTo('httpbin', { host: HTTPBIN, subset: 'fake' }, 'other')];
    expect(findings('XR040', set)).toEqual([]);
    expect(findings('XR039', set)).toHaveLength(1);
  });
});
