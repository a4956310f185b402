import { Severity } from '../../../../../src/validation/diagnostic';
import { ruleCatalogue } from '../../../../../src/validation/engine';
import { setTable } from '../helpers';
import { destinationRule } from '../istio-helpers';

const HOST = 'mydbserver.prod.svc.cluster.local';
const CLIENT = { clientCertificate: '/etc/certs/myclientcert.pem', privateKey: '/etc/certs/client_private_key.pem' };

function tlsRule(spec: Record<string, unknown>): Record<string, unknown> {
  return destinationRule('db-tls', { host: HOST, ...spec });
}

describe('XR030 destination-rule-tls-without-ca', () => {
  it('is a warning with the istioctl codes', () => {
    const rule = ruleCatalogue().find(r => r.code === 'XR030');
    expect(rule).toMatchObject({ severity: Severity.WARNING, upstream: ['IST0128', 'IST0129'] });
  });

  setTable('XR030', 'warns', [
    // analyzers_test.go "destinationrule with both cacerts" (destinationrule-with-ca.yaml)
    {
      name: 'caCertificates at both levels',
      manifests: [tlsRule({
        trafficPolicy: {
          tls: { mode: 'MUTUAL', ...CLIENT, caCertificates: '/etc/certs/root.pem' },
          portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', caCertificates: '/etc/certs/root.pem' } }],
        },
      })],
    },
    // "destinationrule with credentialname, simple at destinationlevel, workloadSelector"
    {
      name: 'a credentialName with a workloadSelector',
      manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'SIMPLE', credentialName: 'db-credential' } }, workloadSelector: { matchLabels: { app: 'db' } } })],
    },
    // "destinationrule with credentialname, simple at portlevel, workloadSelector"
    {
      name: 'a port-level credentialName with a workloadSelector',
      manifests: [tlsRule({
        trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', credentialName: 'db-credential' } }] },
        workloadSelector: { matchLabels: { app: 'db' } },
      })],
    },
    { name: 'ISTIO_MUTUAL (Istio supplies the CA)', manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })] },
    { name: 'DISABLE', manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'DISABLE' } } })] },
    { name: 'no trafficPolicy', manifests: [tlsRule({})] },
    { name: 'a tls of a wrong type', manifests: [tlsRule({ trafficPolicy: { tls: ['SIMPLE'], portLevelSettings: 'x' } })] },
    { name: 'a mode of a wrong type', manifests: [tlsRule({ trafficPolicy: { tls: { mode: 1 } } })] },
    { name: 'a spec of a wrong type', manifests: [destinationRule('x', null as unknown as Record<string, unknown>)] },
    {
      name: 'a subset with caCertificates',
      manifests: [tlsRule({ subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: { tls: { mode: 'SIMPLE', caCertificates: '/etc/ca.pem' } } }] })],
    },
  ], [
    // "destinationrule with no cacert, simple at destinationlevel" (destinationrule-simple-destination.yaml)
    {
      name: 'SIMPLE at the rule level without caCertificates',
      manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'SIMPLE' } } })],
      expected: [{ index: 0, path: 'spec.trafficPolicy.tls.mode', message: `TLS mode SIMPLE for host "${HOST}" has no caCertificates (no credentialName either)` }],
    },
    // "destinationrule with no cacert, mutual at destinationlevel"
    {
      name: 'MUTUAL at the rule level without caCertificates',
      manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'MUTUAL', ...CLIENT } } })],
      expected: [{ index: 0, path: 'spec.trafficPolicy.tls.mode', message: 'TLS mode MUTUAL for host' }],
    },
    // "destinationrule with no cacert, simple at portlevel"
    {
      name: 'SIMPLE at a port without caCertificates',
      manifests: [tlsRule({ trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE' } }] } })],
      expected: [{ index: 0, path: 'spec.trafficPolicy.portLevelSettings[0].tls.mode', message: `for host "${HOST}" at port 443 has no caCertificates` }],
    },
    // "destinationrule with credentialname, simple at destinationlevel, no workloadSelector"
    {
      name: 'a credentialName without a workloadSelector',
      manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'SIMPLE', credentialName: 'db-credential' } } })],
      expected: [{ index: 0, path: 'spec.trafficPolicy.tls.mode', message: 'credentialName "db-credential" provides a CA only for a rule with a workloadSelector' }],
    },
    // "destinationrule with credentialname, simple at portlevel, no workloadSelector"
    {
      name: 'a port-level credentialName without a workloadSelector',
      manifests: [tlsRule({ trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', credentialName: 'db-credential' } }] } })],
      expected: [{ index: 0, path: 'spec.trafficPolicy.portLevelSettings[0].tls.mode', message: 'at port 443' }],
    },
    // "destinationrule with no cacert, mutual at destinationlevel and simple at port level" (compound)
    {
      name: 'both levels without caCertificates',
      manifests: [tlsRule({
        trafficPolicy: {
          tls: { mode: 'MUTUAL', ...CLIENT },
          portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', ...CLIENT, sni: 'my-nginx.mesh-external.svc.cluster.local' } }],
        },
      })],
      expected: [
        { index: 0, path: 'spec.trafficPolicy.tls.mode', message: 'TLS mode MUTUAL' },
        { index: 0, path: 'spec.trafficPolicy.portLevelSettings[0].tls.mode', message: 'TLS mode SIMPLE' },
      ],
    },
    {
      name: 'an empty caCertificates',
      manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'SIMPLE', caCertificates: '' } } })],
      expected: [{ index: 0, path: 'spec.trafficPolicy.tls.mode', message: 'has no caCertificates' }],
    },
    {
      name: 'insecureSkipVerify is set (still reported, as upstream, and said so)',
      manifests: [tlsRule({ trafficPolicy: { tls: { mode: 'SIMPLE', insecureSkipVerify: true } } })],
      expected: [{ index: 0, path: 'spec.trafficPolicy.tls.mode', message: 'insecureSkipVerify is true: verification is off by choice' }],
    },
    // beyond istioctl: subset policies originate TLS the same way
    {
      name: 'a subset originates TLS without caCertificates',
      manifests: [tlsRule({
        subsets: [
          { name: 'v1', labels: { version: 'v1' } },
          { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { tls: { mode: 'SIMPLE' }, portLevelSettings: [{ port: { number: 8443 }, tls: { mode: 'MUTUAL' } }] } },
        ],
      })],
      expected: [
        { index: 0, path: 'spec.subsets[1].trafficPolicy.tls.mode', message: 'in subset "v2" has no caCertificates' },
        { index: 0, path: 'spec.subsets[1].trafficPolicy.portLevelSettings[0].tls.mode', message: 'in subset "v2" at port 8443' },
      ],
    },
  ]);
});
