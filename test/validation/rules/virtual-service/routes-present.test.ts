import { Case, CleanCase, expectClean, expectFindings, virtualService } from './helpers';

// Upstream cases: TestValidateVirtualService and TestValidateChainingVirtualService in
// pkg/config/validation/{validation_test.go,virtualservice_test.go}.

const tcp = [{ route: [{ destination: { host: 'db' } }] }];
const tls = [{ match: [{ sniHosts: ['foo.bar'] }], route: [{ destination: { host: 'foo.bar' } }] }];
const http = [{ route: [{ destination: { host: 'foo.baz' } }] }];

describe('VS003 routes-required', () => {
  const clean: CleanCase[] = [
    // TestValidateVirtualService "simple"
    { name: 'http only', manifest: virtualService({ spec: { hosts: ['foo.bar'], http } }) },
    { name: 'tcp only', manifest: virtualService({ spec: { hosts: ['foo.bar'], tcp } }) },
    { name: 'tls only', manifest: virtualService({ spec: { hosts: ['foo.bar'], tls } }) },
    { name: 'an empty http list next to tcp routes', manifest: virtualService({ spec: { hosts: ['foo.bar'], http: [], tcp } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS003', manifest));

  const invalid: Case[] = [
    // TestValidateVirtualService "no tcp or http routing"
    { name: 'there are no routes', manifest: virtualService({ spec: { hosts: ['foo.bar'] } }),
      expected: [{ path: 'spec', message: 'http, tcp or tls must be provided in virtual service' }] },
    { name: 'every route list is empty', manifest: virtualService({ spec: { hosts: ['foo.bar'], http: [], tcp: [], tls: [] } }),
      expected: [{ path: 'spec', message: 'http, tcp or tls must be provided' }] },
    { name: 'spec is missing', manifest: { ...virtualService(), spec: undefined },
      expected: [{ path: '', message: 'http, tcp or tls must be provided' }] },
    { name: 'http is an object', manifest: virtualService({ spec: { hosts: ['foo.bar'], http: { route: [] } } }),
      expected: [{ path: 'spec.http', message: 'http must be a list of routes, got an object' }] },
    { name: 'tcp is a string', manifest: virtualService({ spec: { hosts: ['foo.bar'], http, tcp: 'db' } }),
      expected: [{ path: 'spec.tcp', message: 'tcp must be a list of routes, got a string "db"' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS003', manifest, expected));
});

describe('VS004 http-route-null', () => {
  it('accepts object routes', () => expectClean('VS004', virtualService({ spec: { hosts: ['foo.bar'], http, tcp, tls } })));

  const invalid: Case[] = [
    { name: 'an http route is null', manifest: virtualService({ spec: { hosts: ['foo.bar'], http: [...http, null] } }),
      expected: [{ path: 'spec.http[1]', message: 'http route may not be null' }] },
    { name: 'a tcp route is null', manifest: virtualService({ spec: { hosts: ['foo.bar'], tcp: [null] } }),
      expected: [{ path: 'spec.tcp[0]', message: 'tcp route may not be null' }] },
    { name: 'a tls route is null', manifest: virtualService({ spec: { hosts: ['foo.bar'], tls: [null, ...tls] } }),
      expected: [{ path: 'spec.tls[0]', message: 'tls route may not be null' }] },
    { name: 'an http route is a string', manifest: virtualService({ spec: { hosts: ['foo.bar'], http: ['reviews'] } }),
      expected: [{ path: 'spec.http[0]', message: 'http route must be an object, got a string "reviews"' }] },
    { name: 'an http route is a list', manifest: virtualService({ spec: { hosts: ['foo.bar'], http: [[]] } }),
      expected: [{ path: 'spec.http[0]', message: 'http route must be an object, got an array' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS004', manifest, expected));
});

describe('VS005 delegate-fields', () => {
  const clean: CleanCase[] = [
    // TestValidateVirtualService "delegate with no hosts"
    { name: 'a delegate with only http routes', manifest: virtualService({ spec: { http } }) },
    // TestValidateChainingVirtualService "delegate with sourceNamespace"
    { name: 'a delegate with hosts: []', manifest: virtualService({ spec: { hosts: [], http: [{ match: [{ sourceNamespace: 'test' }], route: http[0].route }] } }) },
    { name: 'a root with gateways, tcp and tls', manifest: virtualService({ spec: { hosts: ['foo.bar'], gateways: ['ns/gw'], tcp, tls } }) },
    { name: 'a delegate with gateways: []', manifest: virtualService({ spec: { gateways: [], http } }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS005', manifest));

  const invalid: Case[] = [
    // TestValidateChainingVirtualService "delegate with gateway"
    { name: 'a delegate has gateways', manifest: virtualService({ spec: { hosts: [], gateways: ['test'], http } }),
      expected: [{ path: 'spec.gateways', message: 'delegate virtual service must have no gateways specified' }] },
    // TestValidateChainingVirtualService "delegate with TCP route"
    { name: 'a delegate has tcp routes', manifest: virtualService({ spec: { hosts: [], tcp } }),
      expected: [{ path: 'spec.tcp', message: 'delegate virtual service must have no tcp route specified' }] },
    { name: 'a delegate has tls routes', manifest: virtualService({ spec: { tls } }),
      expected: [{ path: 'spec.tls', message: 'delegate virtual service must have no tls route specified' }] },
    { name: 'a delegate has all three', manifest: virtualService({ spec: { gateways: ['mesh'], tcp, tls } }),
      expected: [
        { path: 'spec.gateways', message: 'no gateways' },
        { path: 'spec.tls', message: 'no tls route' },
        { path: 'spec.tcp', message: 'no tcp route' },
      ] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS005', manifest, expected));
});
