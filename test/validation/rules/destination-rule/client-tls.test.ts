import { Case, CleanCase, destinationRule, expectClean, expectFindings, verdict, withPolicy } from './helpers';

// Upstream: agent.ValidateTLS (TestValidateTLS) and the InsecureSkipVerify rows of
// TestValidateDestinationRule.

const tls = (settings: Record<string, unknown>, namespace = 'shop') => destinationRule({ spec: { trafficPolicy: { tls: settings } }, namespace });
const AT = 'spec.trafficPolicy.tls';

describe('upstream verdicts (TestValidateTLS, TestValidateDestinationRule)', () => {
  it.each([
    ['SIMPLE with a credential name', { mode: 'SIMPLE', credentialName: 'some credential' }, true],
    ['SIMPLE credentialName with clientCertificate', { mode: 'SIMPLE', credentialName: 'credential', clientCertificate: 'cert' }, false],
    ['SIMPLE credentialName with privateKey', { mode: 'SIMPLE', credentialName: 'credential', privateKey: 'key' }, false],
    ['SIMPLE credentialName with caCertificates', { mode: 'SIMPLE', credentialName: 'credential', caCertificates: 'ca' }, false],
    ['MUTUAL with a credential name', { mode: 'MUTUAL', credentialName: 'some credential' }, true],
    ['MUTUAL credentialName with clientCertificate', { mode: 'MUTUAL', credentialName: 'credential', clientCertificate: 'cert' }, false],
    ['MUTUAL credentialName with caCrl', { mode: 'MUTUAL', credentialName: 'credential', caCrl: 'ca' }, false],
    ['MUTUAL with certificate and key', { mode: 'MUTUAL', clientCertificate: 'cert', privateKey: 'key' }, true],
    ['MUTUAL without key', { mode: 'MUTUAL', clientCertificate: 'cert' }, false],
    ['MUTUAL without certificate', { mode: 'MUTUAL', privateKey: 'key' }, false],
    ['SIMPLE, insecureSkipVerify unset, caCertificates', { mode: 'SIMPLE', caCertificates: 'ca' }, true],
    ['SIMPLE, insecureSkipVerify false, credentialName', { mode: 'SIMPLE', credentialName: 'test', insecureSkipVerify: false }, true],
    ['SIMPLE, insecureSkipVerify true, credentialName', { mode: 'SIMPLE', credentialName: 'test', insecureSkipVerify: true }, false],
    ['SIMPLE, insecureSkipVerify true, caCertificates', { mode: 'SIMPLE', caCertificates: 'test', insecureSkipVerify: true }, false],
    ['SIMPLE, insecureSkipVerify true, subjectAltNames', { mode: 'SIMPLE', subjectAltNames: ['reviews.default.svc'], insecureSkipVerify: true }, false],
    ['MUTUAL, insecureSkipVerify true, caCertificates', { mode: 'MUTUAL', clientCertificate: 'c', privateKey: 'k', caCertificates: 'ca', insecureSkipVerify: true }, false],
    ['MUTUAL, insecureSkipVerify true, credentialName', { mode: 'MUTUAL', credentialName: 'test', insecureSkipVerify: true }, true],
    ['MUTUAL, insecureSkipVerify true, no CA', { mode: 'MUTUAL', clientCertificate: 'c', privateKey: 'k', insecureSkipVerify: true }, true],
    ['MUTUAL, insecureSkipVerify true, subjectAltNames', { mode: 'MUTUAL', clientCertificate: 'c', privateKey: 'k', subjectAltNames: ['x'], insecureSkipVerify: true }, false],
  ])('%s', (_name, settings, valid) => expect(verdict(tls(settings)).valid).toBe(valid));
});

describe('DR044 tls-configmap-credential', () => {
  const clean: CleanCase[] = [
    { name: 'a ConfigMap of the own namespace', manifest: tls({ mode: 'SIMPLE', credentialName: 'configmap://shop/ca' }) },
    { name: 'a plain secret name', manifest: tls({ mode: 'SIMPLE', credentialName: 'ca-secret' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR044', manifest));

  const invalid: Case[] = [
    { name: 'the ConfigMap is in another namespace', manifest: tls({ mode: 'SIMPLE', credentialName: 'configmap://other/ca' }),
      expected: [{ path: `${AT}.credentialName`, message: 'invalid configmap:// credentialName: namespace must match the configuration namespace "shop", got "other"' }] },
    { name: 'the namespace is missing', manifest: tls({ mode: 'SIMPLE', credentialName: 'configmap://ca' }),
      expected: [{ path: `${AT}.credentialName`, message: 'Expected namespace and name' }] },
    { name: 'the namespace is empty', manifest: tls({ mode: 'SIMPLE', credentialName: 'configmap:///ca' }),
      expected: [{ path: `${AT}.credentialName`, message: 'Expected namespace' }] },
    { name: 'the name is empty', manifest: tls({ mode: 'SIMPLE', credentialName: 'configmap://shop/' }),
      expected: [{ path: `${AT}.credentialName`, message: 'Expected name' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR044', manifest, expected));
});

describe('DR045 tls-insecure-skip-verify', () => {
  it('errors for SIMPLE with subjectAltNames', () => {
    expectFindings('DR045', tls({ mode: 'SIMPLE', subjectAltNames: ['a'], insecureSkipVerify: true }),
      [{ path: AT, message: 'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true' }]);
  });
  it('errors for MUTUAL with caCertificates', () => {
    expectFindings('DR045', tls({ mode: 'MUTUAL', credentialName: 'c', caCertificates: 'ca', insecureSkipVerify: true }),
      [{ path: AT, message: 'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true' }]);
  });
  it('accepts an empty subjectAltNames list', () => expectClean('DR045', tls({ mode: 'SIMPLE', subjectAltNames: [], insecureSkipVerify: true })));
});

describe('DR046 tls-credential-name-with-files', () => {
  it('ignores ISTIO_MUTUAL', () => expectClean('DR046', tls({ mode: 'ISTIO_MUTUAL', credentialName: 'c', caCertificates: 'ca' })));
  it('names the files to remove', () => {
    expectFindings('DR046', tls({ mode: 'MUTUAL', credentialName: 'c', privateKey: 'k', caCrl: 'crl' }),
      [{ path: AT, message: 'cannot specify client certificates or CA certificate or CA CRL If credentialName is set: the secret "c" holds them; remove privateKey, caCrl' }]);
  });
});

describe('DR047 tls-mutual-client-certificate', () => {
  it('accepts ISTIO_MUTUAL without files', () => expectClean('DR047', tls({ mode: 'ISTIO_MUTUAL' })));
  it('errors when MUTUAL has neither file', () => {
    expectFindings('DR047', tls({ mode: 'MUTUAL' }), [
      { path: `${AT}.clientCertificate`, message: 'client certificate required for mutual tls' },
      { path: `${AT}.privateKey`, message: 'private key required for mutual tls' },
    ]);
  });
  it('checks port-level tls', () => {
    expectFindings('DR047', withPolicy({ portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'MUTUAL', clientCertificate: 'c' } }] }),
      [{ path: 'spec.trafficPolicy.portLevelSettings[0].tls.privateKey', message: 'private key required for mutual tls' }]);
  });
});
