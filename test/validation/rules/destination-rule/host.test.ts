import { Case, CleanCase, destinationRule, expectClean, expectFindings } from './helpers';

// Upstream: ValidateDestinationRule → agent.ValidateWildcardDomain
// (TestValidateDestinationRule "missing destination name").

describe('DR001 destination-rule-host', () => {
  const clean: CleanCase[] = [
    { name: 'a short name', manifest: destinationRule() },
    { name: 'a FQDN', manifest: destinationRule({ spec: { host: 'reviews.shop.svc.cluster.local' } }) },
    { name: 'a wildcard first label', manifest: destinationRule({ spec: { host: '*.example.com' } }) },
    { name: 'a trailing dot', manifest: destinationRule({ spec: { host: 'istio.io.' } }) },
    { name: 'the v1alpha3 version', manifest: destinationRule({ apiVersion: 'networking.istio.io/v1alpha3' }) },
    { name: 'no spec at all (the schema reports it)', manifest: { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'x' } } },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR001', manifest));

  const invalid: Case[] = [
    { name: 'the host is empty', manifest: destinationRule({ spec: { host: '' } }),
      expected: [{ path: 'spec.host', message: 'host is required: empty domain name not allowed' }] },
    { name: 'the host is missing', manifest: destinationRule({ spec: { host: undefined } }),
      expected: [{ path: 'spec.host', message: 'host is required' }] },
    { name: 'the host is an IP address', manifest: destinationRule({ spec: { host: '10.0.0.1' } }),
      expected: [{ path: 'spec.host', message: 'top level domain "1" cannot be all-numeric' }] },
    { name: 'a label is invalid', manifest: destinationRule({ spec: { host: 'rev_iews.shop' } }),
      expected: [{ path: 'spec.host', message: 'host "rev_iews.shop": domain name "rev_iews.shop" invalid (label "rev_iews" invalid)' }] },
    { name: 'a wildcard is not in the first label', manifest: destinationRule({ spec: { host: 'foo.*.com' } }),
      expected: [{ path: 'spec.host', message: 'invalid (label "*" invalid)' }] },
    { name: 'the host is a number', manifest: destinationRule({ spec: { host: 5 } }),
      expected: [{ path: 'spec.host', message: 'host must be a string, got a number 5' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR001', manifest, expected));
});
