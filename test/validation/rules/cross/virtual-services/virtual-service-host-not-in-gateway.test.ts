import { Severity } from '../../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../../src/validation/engine';
import { JsonObject } from '../../../../../src/validation/manifest';
import { setTable, virtualService } from '../helpers';
import { gateway, server } from '../istio-helpers';

const SELECTOR = { istio: 'ingressgateway' };

/** A VirtualService of `default` for `hosts` bound to `gateways`. */
function vs(name: string, hosts: string[], gateways: string[], namespace = 'default'): JsonObject {
  return virtualService(name, { hosts, gateways, http: [{ route: [{ destination: { host: 'ratings' } }] }] }, namespace);
}

/** An `istio-system` Gateway `name` whose servers serve `hostLists` (one server each). */
function gw(name: string, ...hostLists: string[][]): JsonObject {
  return gateway(name, SELECTOR, hostLists.map((hosts, i) => server(80 + i, hosts)));
}

describe('XR013 virtual-service-host-not-in-gateway', () => {
  setTable('XR013', 'warns', [
    // istio analyzer testdata virtualservice_host_not_found_gateway.yaml: "testing-service-01-test-01" .. "-02-test-04"
    { name: 'a host the gateway serves', manifests: [gw('g1', ['testing-01.com']), vs('s1', ['testing-01.com'], ['istio-system/g1'])] },
    { name: 'a host a wildcard server host covers', manifests: [gw('g2', ['*.testing-02.com']), vs('s1', ['web.testing-02.com'], ['istio-system/g2'])] },
    {
      name: 'hosts each of two gateways serves one of',
      manifests: [gw('g3a', ['*.api.testing-03.com']), gw('g3b', ['*.homepage.testing-03.com']), vs('s1', ['user.api.testing-03.com', 'profile.homepage.testing-03.com'], ['istio-system/g3a', 'istio-system/g3b'])],
    },
    { name: 'a host of the second server', manifests: [gw('g4', ['*.testing-01-04.com'], ['web.testing-02-04.com']), vs('s1', ['web.testing-02-04.com'], ['istio-system/g4']), vs('s2', ['profile.user.testing-01-04.com'], ['istio-system/g4'])] },
    { name: 'server host "*"', manifests: [gw('g', ['*']), vs('s', ['anything.example.com'], ['istio-system/g'])] },
    { name: 'server host "*/*"', manifests: [gw('g', ['other/a.example.com', '*/*']), vs('s', ['b.example.com'], ['istio-system/g'])] },
    { name: 'server host "*/h"', manifests: [gw('g', ['*/b.example.com']), vs('s', ['b.example.com'], ['istio-system/g'])] },
    { name: 'server host "ns/h" for the VirtualService\'s namespace', manifests: [gw('g', ['default/b.example.com']), vs('s', ['b.example.com'], ['istio-system/g'])] },
    { name: 'server host "./h" for a VirtualService of the Gateway\'s namespace', manifests: [gw('g', ['./b.example.com']), vs('s', ['b.example.com'], ['g'], 'istio-system')] },
    { name: 'a VirtualService host "*"', manifests: [gw('g', ['a.example.com']), vs('s', ['*'], ['istio-system/g'])] },
    { name: 'a wildcard VirtualService host covering a server host', manifests: [gw('g', ['a.example.com']), vs('s', ['*.example.com'], ['istio-system/g'])] },
    { name: 'a wildcard VirtualService host inside a wider server wildcard', manifests: [gw('g', ['*.com']), vs('s', ['*.example.com'], ['istio-system/g'])] },
    { name: 'a missing gateway (XR010/XR011\'s)', manifests: [gw('g', ['a.example.com']), vs('s', ['b.example.com'], ['istio-system/missing'])] },
    { name: 'an http match gateway (upstream checks spec.gateways only)', manifests: [gw('g', ['a.example.com']), virtualService('s', { hosts: ['b.example.com'], gateways: ['mesh'], http: [{ match: [{ gateways: ['istio-system/g'] }] }] })] },
    { name: 'mesh', manifests: [vs('s', ['b.example.com'], ['mesh'])] },
  ], [
    // istio testdata "testing-service-02-test-01"
    {
      name: 'the gateway does not serve the host',
      manifests: [gw('testing-gateway-01-test-01', ['testing-01.com']), vs('testing-service-02-test-01', ['wrong-01.com'], ['istio-system/testing-gateway-01-test-01'])],
      expected: [{ index: 1, path: 'spec.gateways[0]', message: 'Gateway/istio-system/testing-gateway-01-test-01 serves none of the hosts of this VirtualService ("wrong-01.com") to namespace default: it has hosts "testing-01.com", so its proxies never route these hosts here; add a host to a server of the Gateway' }],
    },
    // istio testdata "testing-service-02-test-02"
    {
      name: 'the wildcard server host does not cover the host',
      manifests: [gw('g2', ['*.testing-02.com']), vs('s2', ['web.wrong.com'], ['istio-system/g2'])],
      expected: [{ index: 1, path: 'spec.gateways[0]', message: 'it has hosts "*.testing-02.com"' }],
    },
    // istio testdata "testing-service-02-test-03": only one of two gateways serves the host
    {
      name: 'the second of two gateways does not serve the host',
      manifests: [gw('g3a', ['*.api.testing-03.com']), gw('g3b', ['*.homepage.testing-03.com']), vs('s2', ['user.api.testing-03.com'], ['istio-system/g3a', 'istio-system/g3b'])],
      expected: [{ index: 2, path: 'spec.gateways[1]', message: 'Gateway/istio-system/g3b serves none' }],
    },
    // istio testdata "testing-service-03-test-04"
    {
      name: 'neither host is served by any server',
      manifests: [gw('g4', ['*.testing-01-04.com'], ['web.testing-02-04.com']), vs('s3', ['user.testing-02-04.com', 'users.testing-02-04.com'], ['istio-system/g4'])],
      expected: [{ index: 1, path: 'spec.gateways[0]', message: '("user.testing-02-04.com", "users.testing-02-04.com")' }],
    },
    // istio testdata virtualservice_gateways.yaml "httpbin": a Gateway without servers
    {
      name: 'the gateway has no servers',
      manifests: [gateway('httpbin-gateway', SELECTOR, [], 'default'), vs('httpbin', ['*'], ['httpbin-gateway'])],
      expected: [{ index: 1, path: 'spec.gateways[0]', message: 'Gateway/default/httpbin-gateway serves none of the hosts of this VirtualService ("*") to namespace default: it has no hosts' }],
    },
    {
      name: 'the server host is exported to another namespace',
      manifests: [gw('g', ['other/b.example.com', './c.example.com']), vs('s', ['b.example.com', 'c.example.com'], ['istio-system/g'])],
      expected: [{ index: 1, path: 'spec.gateways[0]', message: 'it has hosts "other/b.example.com", "istio-system/c.example.com"' }],
    },
  ]);

  it('warns with the whole diagnostic', () => {
    const found = validateManifests([gw('g', ['a.example.com']), vs('s', ['b.example.com'], ['istio-system/g'])]).filter(d => d.code === 'XR013');
    expect(found).toEqual([{
      severity: Severity.WARNING,
      code: 'XR013',
      rule: 'virtual-service-host-not-in-gateway',
      message: 'Gateway/istio-system/g serves none of the hosts of this VirtualService ("b.example.com") to namespace default: it has hosts "a.example.com", so its proxies never route these hosts here; add a host to a server of the Gateway (or export it to namespace default as default/<host>), or bind the VirtualService to a Gateway that serves them',
      path: 'spec.gateways[0]',
      resource: 'VirtualService/default/s',
      index: 1,
      value: 'istio-system/g',
    }]);
  });
});
