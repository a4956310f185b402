import { canonicalHost, serviceRefOfHost } from '../../src/describe/host-resolution';

describe('serviceRefOfHost', () => {
  it.each<[string, string, string | undefined]>([
    // host, namespace of the VirtualService, expected namespace/name
    ['reviews', 'shop', 'shop/reviews'],
    ['reviews.bookinfo', 'shop', 'bookinfo/reviews'],
    ['reviews.bookinfo.svc', 'shop', 'bookinfo/reviews'],
    ['reviews.bookinfo.svc.cluster.local', 'shop', 'bookinfo/reviews'],
    ['reviews.bookinfo.svc.cluster.local.', 'shop', undefined],
    ['reviews.bookinfo.svc.other.domain', 'shop', undefined],
    ['api.example.com', 'shop', undefined],
    ['*.bookinfo.svc.cluster.local', 'shop', undefined],
    ['*', 'shop', undefined],
    ['10.0.0.1', 'shop', undefined],
    ['::1', 'shop', undefined],
    ['', 'shop', undefined],
  ])('%s in %s -> %s', (host, namespace, expected) => {
    const ref = serviceRefOfHost(host, namespace);
    expect(ref ? `${ref.namespace}/${ref.name}` : undefined).toBe(expected);
  });

  it('takes name.namespace for a Service only when the namespace has Services', () => {
    const shopOnly = (namespace: string) => namespace === 'shop';
    expect(serviceRefOfHost('reviews.shop', 'default', 'cluster.local', shopOnly)).toEqual({ namespace: 'shop', name: 'reviews' });
    expect(serviceRefOfHost('example.com', 'default', 'cluster.local', shopOnly)).toBeUndefined();
  });

  it('follows the cluster domain', () => {
    expect(serviceRefOfHost('reviews.bookinfo.svc.corp.internal', 'shop', 'corp.internal')).toEqual({ namespace: 'bookinfo', name: 'reviews' });
    expect(serviceRefOfHost('reviews.bookinfo.svc.cluster.local', 'shop', 'corp.internal')).toBeUndefined();
  });
});

describe('canonicalHost', () => {
  it.each<[string, string]>([
    ['foo', 'foo.default.svc.cluster.local'],
    ['foo.default', 'foo.default'],
    ['api.example.com', 'api.example.com'],
    ['*', '*'],
    ['10.0.0.1', '10.0.0.1'],
  ])('%s -> %s', (host, expected) => {
    expect(canonicalHost(host, 'default')).toBe(expected);
  });
});
