import { validateManifests } from '../../../../src/validation/engine';
import { virtualService, withHttp } from './helpers';
import { delegateVs, onlyRoute, routeWith, ruleTable } from './http-table';

const DESTINATION = [{ destination: { host: 'foo.baz' } }];
const DELEGATE = { name: 'test', namespace: 'test' };
const REDIRECT = { uri: '/lerp', authority: 'foo.biz' };

describe('seed examples of the reference', () => {
  it.each([
    {
      name: 'a route with retries',
      spec: { hosts: ['foo'], http: [{ route: [{ destination: { host: 'foo' } }], retries: { attempts: 3, perTryTimeout: '2s' } }] },
    },
    {
      name: 'a route with a delay fault',
      spec: { hosts: ['foo'], http: [{ fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } }, route: [{ destination: { host: 'foo' } }] }] },
    },
  ])('accepts $name without any diagnostic', ({ spec }) => {
    expect(validateManifests([virtualService({ spec })])).toEqual([]);
  });
});

describe('VS015 root-route', () => {
  ruleTable('VS015', [
    // TestValidateRootHTTPRoute "simple", TestValidateChainingVirtualService "root simple"
    { name: 'a root route with only delegate', manifest: onlyRoute({ delegate: DELEGATE }) },
    { name: 'a root route with matches and headers', manifest: onlyRoute({ delegate: DELEGATE, match: [{ uri: { prefix: '/api' } }] }) },
    { name: 'a root route with an empty route list', manifest: onlyRoute({ delegate: DELEGATE, route: [] }) },
    { name: 'an independent route with route and redirect (VS017 decides)', manifest: routeWith({ redirect: REDIRECT }) },
  ], [
    {
      // TestValidateRootHTTPRoute "route and delegate conflict"; TestValidateChainingVirtualService "root with delegate and destination in one route"
      name: 'a root route also has route',
      manifest: onlyRoute({ delegate: DELEGATE, route: DESTINATION }),
      expected: [{ path: 'spec.http[0].route', message: 'root HTTP route must not specify route: a route with delegate hands the request to the delegate VirtualService' }],
    },
    {
      // TestValidateRootHTTPRoute "redirect and delegate conflict"
      name: 'a root route also has redirect',
      manifest: onlyRoute({ delegate: DELEGATE, redirect: REDIRECT }),
      expected: [{ path: 'spec.http[0].redirect', message: 'root HTTP route must not specify redirect' }],
    },
    {
      name: 'a root route has both, and delegate is empty',
      manifest: withHttp([httpRoute2(), { delegate: {}, redirect: REDIRECT, route: DESTINATION }]),
      expected: [
        { path: 'spec.http[1].redirect', message: 'move the redirect into the delegate' },
        { path: 'spec.http[1].route', message: 'move the destinations into the delegate' },
      ],
    },
  ]);
});

/** A plain second route, so the rule under test is not the first one. */
function httpRoute2(): object {
  return { match: [{ uri: { prefix: '/a' } }], route: DESTINATION };
}

describe('VS016 delegate-in-delegate', () => {
  ruleTable('VS016', [
    { name: 'a delegate VirtualService with plain routes', manifest: delegateVs({ route: DESTINATION }) },
    { name: 'a root route in a VirtualService with hosts', manifest: onlyRoute({ delegate: DELEGATE }) },
    { name: 'delegate: null in a delegate VirtualService', manifest: delegateVs({ delegate: null, route: DESTINATION }) },
  ], [
    {
      // TestValidateChainingVirtualService "delegate with delegate"
      name: 'a route of a delegate VirtualService delegates again',
      manifest: delegateVs({ delegate: DELEGATE }),
      expected: [{ path: 'spec.http[0].delegate', message: 'delegate HTTP route cannot contain delegate: this VirtualService has no hosts, so it is itself a delegate' }],
    },
    {
      name: 'hosts is an empty list',
      manifest: virtualService({ spec: { hosts: [], http: [{ delegate: DELEGATE, route: DESTINATION }] } }),
      expected: [{ path: 'spec.http[0].delegate', message: 'only one level of delegation' }],
    },
  ]);
});

describe('VS017 route-action-exclusive', () => {
  ruleTable('VS017', [
    // TestValidateHTTPRoute "simple redirect"
    { name: 'a redirect alone', manifest: onlyRoute({ redirect: REDIRECT }) },
    { name: 'a direct response alone', manifest: onlyRoute({ directResponse: { status: 503 } }) },
    { name: 'a redirect with an empty route list', manifest: onlyRoute({ redirect: REDIRECT, route: [] }) },
    { name: 'a redirect with headers and a timeout', manifest: onlyRoute({ redirect: REDIRECT, headers: { response: { set: { a: 'b' } } }, timeout: '1s' }) },
    { name: 'a root route with delegate and fault (not checked for root routes)', manifest: onlyRoute({ delegate: DELEGATE, directResponse: { status: 200 }, fault: { abort: { httpStatus: 500 } } }) },
  ], [
    {
      // TestValidateHTTPRoute "conflicting redirect and route"
      name: 'a redirect with route',
      manifest: routeWith({ redirect: REDIRECT }),
      expected: [{ path: 'spec.http[0].route', message: 'HTTP route cannot contain both route and redirect: a redirect answers the request itself' }],
    },
    {
      name: 'a redirect with fault and rewrite',
      manifest: onlyRoute({ redirect: REDIRECT, fault: { abort: { httpStatus: 500 } }, rewrite: { uri: '/' } }),
      expected: [
        { path: 'spec.http[0].fault', message: 'HTTP route cannot contain both fault and redirect' },
        { path: 'spec.http[0].rewrite', message: 'HTTP route cannot contain both rewrite and redirect' },
      ],
    },
    {
      name: 'a redirect with a direct response',
      manifest: onlyRoute({ redirect: REDIRECT, directResponse: { status: 200 } }),
      expected: [{ path: 'spec.http[0].directResponse', message: 'HTTP route cannot contain both directResponse and redirect' }],
    },
    {
      name: 'a direct response with route, fault and rewrite',
      manifest: routeWith({ directResponse: { status: 200 }, fault: { delay: { fixedDelay: '1s' } }, rewrite: { authority: 'x' } }),
      expected: [
        { path: 'spec.http[0].route', message: 'HTTP route cannot contain both route and directResponse: a direct response answers the request itself' },
        { path: 'spec.http[0].fault', message: 'both fault and directResponse' },
        { path: 'spec.http[0].rewrite', message: 'both rewrite and directResponse' },
      ],
    },
    {
      name: 'a route of a delegate VirtualService has redirect and route',
      manifest: delegateVs({ redirect: REDIRECT, route: DESTINATION }),
      expected: [{ path: 'spec.http[0].route', message: 'both route and redirect' }],
    },
  ]);
});

describe('VS018 route-required', () => {
  ruleTable('VS018', [
    // TestValidateHTTPRoute "simple"
    { name: 'a route with one destination', manifest: routeWith({}) },
    { name: 'a redirect', manifest: onlyRoute({ redirect: REDIRECT }) },
    { name: 'a direct response', manifest: onlyRoute({ directResponse: { status: 404 } }) },
    // TestValidateChainingVirtualService "root applies to sidecar with delegate"
    { name: 'a root route with only delegate', manifest: onlyRoute({ delegate: DELEGATE }) },
  ], [
    {
      // TestValidateHTTPRoute "empty"
      name: 'a route has nothing to do',
      manifest: onlyRoute({}),
      expected: [{ path: 'spec.http[0].route', message: 'HTTP route, redirect or direct_response is required: this rule has none of them' }],
    },
    {
      name: 'route is an empty list',
      manifest: onlyRoute({ match: [{ uri: { prefix: '/' } }], route: [] }),
      expected: [{ path: 'spec.http[0].route', message: 'HTTP route, redirect or direct_response is required: route is empty' }],
    },
    {
      // TestValidateChainingVirtualService "delegate with no destination"
      name: 'a route of a delegate VirtualService is empty',
      manifest: delegateVs({}),
      expected: [{ path: 'spec.http[0].route', message: 'HTTP route, redirect or direct_response is required' }],
    },
    {
      // TestValidateChainingVirtualService "delegate with delegate"
      name: 'a route of a delegate VirtualService has only delegate',
      manifest: delegateVs({ delegate: DELEGATE }),
      expected: [{ path: 'spec.http[0].route', message: 'a route of a delegate VirtualService cannot rely on delegate' }],
    },
  ]);
});

describe('VS019 mirror-exclusive', () => {
  ruleTable('VS019', [
    { name: 'mirror alone', manifest: routeWith({ mirror: { host: 'foo.baz' } }) },
    { name: 'mirrors alone', manifest: routeWith({ mirrors: [{ destination: { host: 'foo.baz' } }] }) },
    { name: 'mirror with an empty mirrors list', manifest: routeWith({ mirror: { host: 'foo.baz' }, mirrors: [] }) },
  ], [
    {
      // TestValidateHTTPRoute "conflicting mirror and mirrors"
      name: 'a route has mirror and mirrors',
      manifest: routeWith({ mirror: { host: 'foo.baz' }, mirrors: [{ destination: { host: 'foo.bar' } }] }),
      expected: [{ path: 'spec.http[0].mirrors', message: 'HTTP route cannot contain both mirror and mirrors: move the mirror destination into the mirrors list' }],
    },
  ]);
});

describe('http route rules on manifests of the wrong shape', () => {
  it.each([
    { name: 'http is an object', spec: { hosts: ['a'], http: { route: [] } } },
    { name: 'an http entry is a string', spec: { hosts: ['a'], http: ['route'] } },
    { name: 'an http entry is null', spec: { hosts: ['a'], http: [null] } },
    { name: 'spec is a list', spec: [] },
    {
      name: 'every field of a route has the wrong type',
      spec: {
        hosts: 'a',
        http: [{
          match: 'x', route: 'x', redirect: 'x', directResponse: 1, delegate: 'x', rewrite: [], timeout: {}, retries: 'x',
          fault: 'x', mirror: 1, mirrors: 'x', mirrorPercentage: 'x', mirrorPercent: 'x', corsPolicy: 'x', headers: 'x',
        }],
      },
    },
    {
      name: 'nested fields have the wrong type',
      spec: {
        hosts: ['a'],
        http: [{
          match: [null, 1, { uri: 'x', headers: 'x', withoutHeaders: [], queryParams: 1, sourceLabels: 'x', port: 'x' }],
          route: [null, { destination: 'x', headers: { request: 'x', response: { set: 'x', add: [], remove: 'x' } } }],
          redirect: { port: 'x', redirectCode: 'x', scheme: 1 },
          retries: { attempts: 'x', perTryTimeout: 1, retryOn: 1, backoff: [] },
          fault: { abort: 'x', delay: { percentage: 'x', fixedDelay: 1 } },
          corsPolicy: { allowOrigins: 'x', allowMethods: [1], allowHeaders: [null], maxAge: 1 },
          headers: { request: { set: { a: 1 }, remove: [1] } },
          mirrors: [null, 1, {}],
        }],
      },
    },
  ])('does not throw when $name', ({ spec }) => {
    const diagnostics = validateManifests([virtualService({ spec })]);
    expect(diagnostics.filter(d => d.code === 'TRF000')).toEqual([]);
  });
});
