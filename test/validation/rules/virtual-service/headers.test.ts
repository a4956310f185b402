import { JsonObject } from '../../../../src/validation/manifest';
import { onlyRoute, routeWith, ruleTable } from './http-table';

/** A route with route-level `headers`. */
const routeHeaders = (headers: JsonObject): JsonObject => routeWith({ headers });
/** A route whose one destination has `headers`. */
const destinationHeaders = (headers: JsonObject): JsonObject =>
  onlyRoute({ route: [{ destination: { host: 'foo.baz' }, headers }] });

describe('VS020 header-operation-names', () => {
  ruleTable('VS020', [
    {
      // TestValidateHTTPRoute "valid headers"
      name: 'plain names in every operation',
      manifest: destinationHeaders({
        request: { add: { name: '' }, set: { name: '' }, remove: ['name'] },
        response: { add: { name: '' }, set: { name: '' }, remove: ['name'] },
      }),
    },
    // TestValidateVirtualService "set authority"
    { name: 'setting :authority on a request', manifest: routeHeaders({ request: { set: { ':authority': 'foo' } } }) },
    { name: 'adding Host on a request', manifest: routeHeaders({ request: { add: { Host: 'foo' } } }) },
    { name: 'setting :AUTHORITY in upper case', manifest: routeHeaders({ request: { set: { ':AUTHORITY': 'foo' } } }) },
    // TestValidateVirtualService "set authority in destination"
    { name: 'setting :authority on a destination', manifest: destinationHeaders({ request: { set: { ':authority': 'foo' } } }) },
  ], [
    // TestValidateHTTPRoute "empty header name - request add" ... "- response remove"
    ...(['add', 'set'] as const).flatMap(operation => (['request', 'response'] as const).map(side => ({
      name: `a ${side} ${operation} name is empty`,
      manifest: destinationHeaders({ [side]: { [operation]: { '': 'value' } } }),
      expected: [{ path: `spec.http[0].route[0].headers.${side}.${operation}[""]`, message: 'header name cannot be empty' }],
    }))),
    ...(['request', 'response'] as const).map(side => ({
      name: `a ${side} remove name is empty`,
      manifest: destinationHeaders({ [side]: { remove: [''] } }),
      expected: [{ path: `spec.http[0].route[0].headers.${side}.remove[0]`, message: 'header name cannot be empty' }],
    })),
    {
      name: 'a request sets a pseudo-header other than :authority',
      manifest: routeHeaders({ request: { set: { ':path': '/x' } } }),
      expected: [{ path: 'spec.http[0].headers.request.set[":path"]', message: 'invalid header ":path": names starting with ":" are HTTP/2 pseudo-headers that Envoy manages; only :authority (or Host) may be set on a request' }],
    },
    {
      name: 'a request removes Host',
      manifest: routeHeaders({ request: { remove: ['x-a', 'HOST'] } }),
      expected: [{ path: 'spec.http[0].headers.request.remove[1]', message: 'invalid header "HOST": the Host header cannot be removed' }],
    },
    {
      name: 'a request removes :authority',
      manifest: routeHeaders({ request: { remove: [':authority'] } }),
      expected: [{ path: 'spec.http[0].headers.request.remove[0]', message: 'invalid header ":authority": names starting with ":" are HTTP/2 pseudo-headers that Envoy manages and cannot be removed' }],
    },
    {
      name: 'a response sets host and :status',
      manifest: destinationHeaders({ response: { set: { host: 'a', ':status': '200' } } }),
      expected: [
        { path: 'spec.http[0].route[0].headers.response.set["host"]', message: 'invalid header "host": Host is a request header and cannot be set or removed on a response' },
        { path: 'spec.http[0].route[0].headers.response.set[":status"]', message: 'cannot be modified' },
      ],
    },
    {
      name: 'a remove entry is a number',
      manifest: routeHeaders({ response: { remove: [42] } }),
      expected: [{ path: 'spec.http[0].headers.response.remove[0]', message: 'header name must be a string, got a number 42' }],
    },
  ]);
});

describe('VS021 header-values', () => {
  ruleTable('VS021', [
    // TestValidateHTTPRoute "envoy escaped % set", "envoy variable set", "envoy escaped % add", "envoy variable add"
    { name: 'an escaped %', manifest: destinationHeaders({ response: { set: { 'i-love-istio': '100%%' } } }) },
    { name: 'a variable', manifest: destinationHeaders({ response: { set: { name: '%HOSTNAME%' } } }) },
    { name: 'an escaped % among text', manifest: destinationHeaders({ response: { add: { 'i-love-istio': '100%% and more' } } }) },
    { name: 'a variable among text', manifest: destinationHeaders({ response: { add: { name: 'hello %HOSTNAME%' } } }) },
    { name: 'a variable with arguments', manifest: routeHeaders({ request: { set: { 'x-user': '%REQ(x-user)%' } } }) },
    { name: 'an empty value', manifest: routeHeaders({ request: { add: { a: '' } } }) },
    { name: 'a TAB', manifest: routeHeaders({ request: { add: { a: 'x\ty' } } }) },
  ], [
    {
      // TestValidateHTTPRoute "envoy unescaped % set"
      name: 'a response set value has an unescaped %',
      manifest: destinationHeaders({ response: { set: { name: 'abcd%oijasodifj' } } }),
      expected: [{ path: 'spec.http[0].route[0].headers.response.set["name"]', message: 'invalid value for header "name": header value "abcd%oijasodifj" is invalid' }],
    },
    {
      // TestValidateHTTPRoute "envoy unescaped % add"
      name: 'a response add value has an unescaped %',
      manifest: destinationHeaders({ response: { add: { name: 'abcd%oijasodifj' } } }),
      expected: [{ path: 'spec.http[0].route[0].headers.response.add["name"]', message: 'invalid value for header "name"' }],
    },
    {
      name: 'a route-level value ends with a stray %',
      manifest: routeHeaders({ request: { set: { 'x-a': '%START_TIME%%' } } }),
      expected: [{ path: 'spec.http[0].headers.request.set["x-a"]', message: 'header value "%START_TIME%%" is invalid' }],
    },
    {
      name: 'a value has a newline',
      manifest: routeHeaders({ request: { add: { 'x-a': 'a\nb' } } }),
      expected: [{ path: 'spec.http[0].headers.request.add["x-a"]', message: 'must not contain control characters other than TAB' }],
    },
    {
      name: 'a value is a number',
      manifest: routeHeaders({ response: { set: { 'x-a': 5 } } }),
      expected: [{ path: 'spec.http[0].headers.response.set["x-a"]', message: 'header value for "x-a" must be a string, got a number 5' }],
    },
  ]);
});

describe('VS022 authority-once', () => {
  ruleTable('VS022', [
    // TestValidateVirtualService "set authority"
    { name: 'one :authority header', manifest: routeHeaders({ request: { set: { ':authority': 'foo' } } }) },
    { name: 'rewrite.authority alone', manifest: routeWith({ rewrite: { authority: 'bar' } }) },
    // TestValidateVirtualService "set authority in destination": destination headers do not count
    {
      name: 'rewrite.authority and a destination :authority header',
      manifest: onlyRoute({ rewrite: { authority: 'bar' }, route: [{ destination: { host: 'foo.baz' }, headers: { request: { set: { ':authority': 'foo' } } } }] }),
    },
    { name: 'an empty rewrite.authority and a Host header', manifest: routeWith({ rewrite: { authority: '', uri: '/' }, headers: { request: { set: { host: 'x' } } } }) },
    { name: 'an empty Host set before an added :authority', manifest: routeHeaders({ request: { set: { host: '' }, add: { ':authority': 'x' } } }) },
    { name: 'other request headers', manifest: routeWith({ rewrite: { authority: 'bar' }, headers: { request: { set: { 'x-host': 'a' }, add: { authority: 'b' } } } }) },
  ], [
    {
      // TestValidateVirtualService "set authority in rewrite and header"
      name: 'rewrite.authority and a route-level :authority header',
      manifest: routeWith({ rewrite: { authority: 'bar' }, headers: { request: { set: { ':authority': 'foo' } } } }),
      expected: [{ path: 'spec.http[0].headers.request.set[":authority"]', message: 'authority header cannot be set multiple times: rewrite.authority ("bar") and headers.request.set[":authority"] ("foo") both set it' }],
    },
    {
      name: 'rewrite.authority and an added Host header',
      manifest: routeWith({ rewrite: { authority: 'bar' }, headers: { request: { add: { Host: 'foo' } } } }),
      expected: [{ path: 'spec.http[0].headers.request.add["Host"]', message: 'authority header cannot be set multiple times' }],
    },
    {
      name: 'Host and :authority are both set',
      manifest: routeHeaders({ request: { set: { host: 'a', ':authority': 'b' } } }),
      expected: [{ path: 'spec.http[0].headers.request.set[":authority"]', message: 'headers.request.set["host"] ("a") and headers.request.set[":authority"] ("b") both set it' }],
    },
    {
      name: 'Host is set and :authority added (even an empty value)',
      manifest: routeHeaders({ request: { set: { host: 'a' }, add: { ':authority': '' } } }),
      expected: [{ path: 'spec.http[0].headers.request.add[":authority"]', message: 'authority header cannot be set multiple times' }],
    },
  ]);
});
