import { setTable } from '../helpers';
import { gateway, pod, server } from '../istio-helpers';

const INGRESS = { istio: 'ingressgateway' };
const INTERNAL = { istio: 'ingressgateway', type: 'internal' };

function https(name: string, selector: Record<string, string> | undefined, credentialName: string, host: string, namespace = 'istio-system'): Record<string, unknown> {
  return gateway(name, selector, [server(443, [host], { tls: { mode: 'SIMPLE', credentialName } }, 'HTTPS')], namespace);
}

function files(name: string, certificate: string, key: string): Record<string, unknown> {
  return gateway(name, INGRESS, [server(443, [`${name}.example.com`], { tls: { mode: 'SIMPLE', serverCertificate: certificate, privateKey: key } }, 'HTTPS')]);
}

describe('XR032 gateway-duplicate-certificate', () => {
  // analyzers_test.go "certificate duplication in Gateway" (gateway-duplicate-certificate.yaml), cases test-04 to test-06
  setTable('XR032', 'warns', [
    { name: 'different credentials (test-04)', manifests: [https('gateway-01-test-04', INGRESS, '01-test-04-wildcard-cert', '01.test-04.com'), https('gateway-02-test-04', INGRESS, '02-test-04-wildcard-cert', '02.test-04.com')] },
    { name: 'different credentials, wider selector (test-05)', manifests: [https('gateway-01-test-05', INGRESS, '01-test-05-wildcard-cert', '01.test-05.com'), https('gateway-02-test-05', INTERNAL, '02-test-05-wildcard-cert', '02.test-05.com')] },
    {
      name: 'different credentials and plain HTTP servers (test-06)',
      manifests: [
        https('gateway-01-test-06', INGRESS, '01-test-06-wildcard-cert', '01.test-06.com', 'default'),
        https('gateway-02-test-06', INGRESS, '02-test-06-wildcard-cert', '02.test-06.com'),
        gateway('gateway-03-test-06', INGRESS, [server(80, ['03.test-06.com'])], 'default'),
        gateway('gateway-04-test-06', INGRESS, [server(80, ['04.test-06.com'])], 'default'),
      ],
    },
    { name: 'one credential on selectors with a different value', manifests: [https('a', { istio: 'ingressgateway' }, 'cert', 'a.com'), https('b', { istio: 'egressgateway' }, 'cert', 'b.com')] },
    { name: 'the same certificate file with different keys', manifests: [files('a', '/etc/certs/cert.pem', '/etc/certs/a.key'), files('b', '/etc/certs/cert.pem', '/etc/certs/b.key')] },
    { name: 'one Gateway using a certificate on two servers', manifests: [gateway('a', INGRESS, [server(443, ['a.com'], { tls: { mode: 'SIMPLE', credentialName: 'c' } }, 'HTTPS'), server(8443, ['b.com'], { tls: { mode: 'SIMPLE', credentialName: 'c' } }, 'HTTPS')])] },
    { name: 'tls of a wrong type', manifests: [gateway('a', INGRESS, [server(443, ['a.com'], { tls: 'c' })]), gateway('b', INGRESS, [server(443, ['b.com'], { tls: 'c' })])] },
  ], [
    {
      name: 'two Gateways with one selector share a credential (test-01)',
      manifests: [https('gateway-01-test-01', INGRESS, 'test-01-wildcard-cert', '01.test-01.com'), https('gateway-02-test-01', INGRESS, 'test-01-wildcard-cert', '02.test-01.com')],
      expected: [
        { index: 0, path: 'spec.servers[0].tls.credentialName', message: 'credentialName "test-01-wildcard-cert" is also used by a server of Gateway/istio-system/gateway-02-test-01, which serves the same gateway proxies: clients that reuse one HTTP/2 connection' },
        { index: 1, path: 'spec.servers[0].tls.credentialName', message: 'is also used by a server of Gateway/istio-system/gateway-01-test-01' },
      ],
    },
    {
      name: 'a Gateway whose selector the other\'s holds (test-02: only the narrower one)',
      manifests: [https('gateway-01-test-02', INGRESS, 'test-02-wildcard-cert', '01.test-02.com'), https('gateway-02-test-02', INTERNAL, 'test-02-wildcard-cert', '02.test-02.com'), pod('internal-ingressgateway', INTERNAL, 'istio-system')],
      expected: [{ index: 0, path: 'spec.servers[0].tls.credentialName', message: 'Gateway/istio-system/gateway-02-test-02' }],
    },
    {
      name: 'the same across namespaces (test-03)',
      manifests: [https('gateway-01-test-03', INGRESS, 'test-03-wildcard-cert', '01.test-03.com', 'default'), https('gateway-02-test-03', INTERNAL, 'test-03-wildcard-cert', '02.test-03.com')],
      expected: [{ index: 0, path: 'spec.servers[0].tls.credentialName', message: 'Gateway/istio-system/gateway-02-test-03' }],
    },
    {
      name: 'the same certificate and key files',
      manifests: [files('a', '/etc/certs/cert.pem', '/etc/certs/key.pem'), files('b', '/etc/certs/cert.pem', '/etc/certs/key.pem')],
      expected: [
        { index: 0, path: 'spec.servers[0].tls.serverCertificate', message: 'serverCertificate "/etc/certs/cert.pem" is also used by a server of Gateway/istio-system/b' },
        { index: 1, path: 'spec.servers[0].tls.serverCertificate', message: 'Gateway/istio-system/a' },
      ],
    },
    {
      name: 'a Gateway without selector meets every other',
      manifests: [https('all', undefined, 'cert', 'a.com'), https('some', INTERNAL, 'cert', 'b.com')],
      expected: [{ index: 0, path: 'spec.servers[0].tls.credentialName', message: 'Gateway/istio-system/some' }],
    },
  ]);
});
