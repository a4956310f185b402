import { JsonObject } from '../../../../src/validation/manifest';
import { ruleTable } from './helpers';

/** An ExternalName service spec (no selector, no ports) plus `fields`. */
const externalName = (fields: JsonObject = {}): JsonObject => ({
  type: 'ExternalName', externalName: 'foo.bar.example.com', selector: undefined, ports: undefined, ...fields,
});

describe('SVC023 external-name-fields', () => {
  ruleTable('SVC023', [
    { name: 'an ExternalName service with only externalName', spec: externalName() },
    { name: 'an empty clusterIP', spec: externalName({ clusterIP: '' }) },
    { name: 'empty clusterIPs and ipFamilies lists', spec: externalName({ clusterIPs: [], ipFamilies: [] }) },
    { name: 'a ClusterIP service with all the cluster IP fields', spec: { clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' } },
  ], [
    // TestValidateServiceCreate "invalid ExternalName clusterIP (valid IP)" and "(None)"
    {
      name: 'an IP clusterIP is set',
      spec: externalName({ clusterIP: '1.2.3.4' }),
      expected: [{ path: 'spec.clusterIP', message: 'clusterIP "1.2.3.4" may not be set for ExternalName services: an ExternalName service is a DNS CNAME and gets no cluster IP' }],
    },
    { name: 'clusterIP None is set', spec: externalName({ clusterIP: 'None' }), expected: [{ path: 'spec.clusterIP', message: 'clusterIP "None" may not be set for ExternalName services' }] },
    { name: 'clusterIPs is set', spec: externalName({ clusterIPs: ['1.2.3.4'] }), expected: [{ path: 'spec.clusterIPs', message: 'clusterIPs may not be set for ExternalName services' }] },
    { name: 'ipFamilies is set', spec: externalName({ ipFamilies: ['IPv4'] }), expected: [{ path: 'spec.ipFamilies', message: 'ipFamilies may not be set for ExternalName services' }] },
    { name: 'ipFamilyPolicy is set', spec: externalName({ ipFamilyPolicy: 'SingleStack' }), expected: [{ path: 'spec.ipFamilyPolicy', message: 'ipFamilyPolicy may not be set for ExternalName services' }] },
    {
      name: 'every cluster IP field is set',
      spec: externalName({ clusterIP: '1.2.3.4', clusterIPs: ['1.2.3.4'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }),
      expected: ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'].map(f => ({ path: `spec.${f}`, message: 'may not be set for ExternalName services' })),
    },
  ]);
});

describe('SVC024 external-name-format', () => {
  ruleTable('SVC024', [
    // TestValidateServiceCreate "valid ExternalName" and "valid ExternalName (trailing dot)"
    { name: 'a DNS name', spec: externalName() },
    { name: 'a fully qualified name with a trailing dot', spec: externalName({ externalName: 'foo.bar.example.com.' }) },
    { name: 'a single label', spec: externalName({ externalName: 'localhost' }) },
    { name: 'an IPv4 address (a valid subdomain; SVC025 refuses it)', spec: externalName({ externalName: '1.2.3.4' }) },
    { name: 'a ClusterIP service without externalName', spec: {} },
  ], [
    {
      name: 'externalName is missing',
      spec: externalName({ externalName: undefined }),
      expected: [{ path: 'spec.externalName', message: 'type ExternalName requires externalName, the DNS name the service is an alias (CNAME) for, such as "my.database.example.com"' }],
    },
    { name: 'externalName is empty', spec: externalName({ externalName: '' }), expected: [{ path: 'spec.externalName', message: 'type ExternalName requires externalName' }] },
    { name: 'externalName is only a dot', spec: externalName({ externalName: '.' }), expected: [{ path: 'spec.externalName', message: 'type ExternalName requires externalName' }] },
    // TestValidateServiceCreate "invalid ExternalName (not a DNS name)"
    { name: 'externalName is not a DNS name', spec: externalName({ externalName: '-123' }), expected: [{ path: 'spec.externalName', message: 'externalName "-123" must be a lowercase RFC 1123 subdomain' }] },
    { name: 'externalName has upper case', spec: externalName({ externalName: 'Foo.example.com' }), expected: [{ path: 'spec.externalName', message: 'must be a lowercase RFC 1123 subdomain' }] },
    { name: 'externalName has two trailing dots', spec: externalName({ externalName: 'example.com..' }), expected: [{ path: 'spec.externalName', message: 'externalName "example.com.." must be a lowercase RFC 1123 subdomain' }] },
    { name: 'externalName is a URL', spec: externalName({ externalName: 'https://example.com' }), expected: [{ path: 'spec.externalName', message: 'must be a lowercase RFC 1123 subdomain' }] },
    { name: 'externalName is too long', spec: externalName({ externalName: `${'a'.repeat(250)}.com` }), expected: [{ path: 'spec.externalName', message: 'must be no more than 253 characters' }] },
    {
      name: 'externalName is an IPv6 address',
      spec: externalName({ externalName: '2001:db8::1' }),
      expected: [{ path: 'spec.externalName', message: 'it is an IP address, and a CNAME needs a DNS name: use a Service without a selector and an EndpointSlice' }],
    },
    { name: 'externalName is a number', spec: externalName({ externalName: 42 }), expected: [{ path: 'spec.externalName', message: 'externalName must be a DNS name string, got a number 42' }] },
  ]);
});

describe('SVC025 external-name-ip', () => {
  ruleTable('SVC025', [
    { name: 'a DNS name', spec: externalName() },
    { name: 'a name that starts with digits', spec: externalName({ externalName: '1.2.3.example.com' }) },
    { name: 'an IP in externalName of a ClusterIP service (SVC042 warns)', spec: { externalName: '1.2.3.4' } },
    { name: 'an IPv6 address (SVC024 refuses it)', spec: externalName({ externalName: '2001:db8::1' }) },
  ], [
    {
      name: 'externalName is an IPv4 address',
      spec: externalName({ externalName: '1.2.3.4' }),
      expected: [{
        path: 'spec.externalName',
        message: 'externalName "1.2.3.4" is an IP address: Kubernetes accepts it, but DNS publishes it as a CNAME to a name that does not exist, so it does not resolve; use a Service without a selector and an EndpointSlice that holds the address instead',
      }],
    },
    { name: 'externalName is an IPv4 address with a trailing dot', spec: externalName({ externalName: '10.0.0.1.' }), expected: [{ path: 'spec.externalName', message: 'externalName "10.0.0.1." is an IP address' }] },
  ]);
});
