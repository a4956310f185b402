/**
 * `tls`: how the sidecar or gateway opens TLS to the destination (agent.ValidateTLS on
 * ClientTLSSettings). A missing CA with SIMPLE or MUTUAL is a cross-resource warning of
 * istioctl analyze (IST0128/IST0129), not a webhook check, so it is not here.
 */
import { Severity } from '../../diagnostic';
import { arrayAt, JsonObject, show, stringAt, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { drRule, drShape, settingsOf } from './shape';

const CONFIGMAP_PREFIX = 'configmap://';

/** The `tls` blocks the webhook checks. */
function tlsOf(manifest: unknown): Array<{ tls: JsonObject; path: string }> {
  return settingsOf(manifest, 'tls').map(({ settings, path }) => ({ tls: settings, path }));
}

function nonEmpty(tls: JsonObject, field: string): boolean {
  const value = stringAt(tls, field);
  return value !== undefined && value !== '';
}

/** `credentials.ParseResourceName` for `configmap://namespace/name`: the namespace, or the problem. */
function parseConfigMapName(credentialName: string): { namespace?: string; problem?: string } {
  const parts = credentialName.slice(CONFIGMAP_PREFIX.length).split('/');
  if (parts.length <= 1) return { problem: `invalid resource name ${show(credentialName)}. Expected namespace and name` };
  if (parts[0] === '') return { problem: `invalid resource name ${show(credentialName)}. Expected namespace` };
  if (parts[1] === '') return { problem: `invalid resource name ${show(credentialName)}. Expected name` };
  return { namespace: parts[0] };
}

export const configMapCredentialRule: ManifestRule = drRule({
  code: 'DR044',
  name: 'tls-configmap-credential',
  severity: Severity.ERROR,
  description: 'a configmap:// credentialName is configmap://<namespace>/<name> in the DestinationRule\'s own namespace (agent.ValidateTLS, credentials.ParseResourceName)',
  check(manifest, context) {
    const { namespace } = drShape(manifest);
    for (const { tls, path } of tlsOf(manifest)) {
      const name = stringAt(tls, 'credentialName');
      if (name === undefined || !name.startsWith(CONFIGMAP_PREFIX)) continue;
      const parsed = parseConfigMapName(name);
      if (parsed.problem !== undefined) {
        context.report(`${path}.credentialName`, `invalid configmap:// credentialName: ${parsed.problem}: write configmap://${namespace}/<name>`, name);
      } else if (parsed.namespace !== namespace) {
        context.report(`${path}.credentialName`,
          `invalid configmap:// credentialName: namespace must match the configuration namespace ${show(namespace)}, got ${show(parsed.namespace)}: the ConfigMap must be in the DestinationRule's namespace`, name);
      }
    }
  },
});

export const insecureSkipVerifyRule: ManifestRule = drRule({
  code: 'DR045',
  name: 'tls-insecure-skip-verify',
  severity: Severity.ERROR,
  description: 'with insecureSkipVerify: true, SIMPLE sets no caCertificates, credentialName or subjectAltNames and MUTUAL no caCertificates or subjectAltNames (agent.ValidateTLS)',
  check(manifest, context) {
    for (const { tls, path } of tlsOf(manifest)) {
      if (valueAt(tls, 'insecureSkipVerify') !== true) continue;
      const mode = valueAt(tls, 'mode');
      const hasSans = (arrayAt(tls, 'subjectAltNames') ?? []).length > 0;
      if (mode === 'SIMPLE' && (nonEmpty(tls, 'caCertificates') || nonEmpty(tls, 'credentialName') || hasSans)) {
        context.report(path,
          'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true: the server certificate is not verified, so remove them or set insecureSkipVerify to false', tls);
      } else if (mode === 'MUTUAL' && (nonEmpty(tls, 'caCertificates') || hasSans)) {
        context.report(path,
          'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true: the server certificate is not verified, so remove them or set insecureSkipVerify to false', tls);
      }
    }
  },
});

export const credentialNameWithFilesRule: ManifestRule = drRule({
  code: 'DR046',
  name: 'tls-credential-name-with-files',
  severity: Severity.ERROR,
  description: 'with mode SIMPLE or MUTUAL and a credentialName, no clientCertificate, privateKey, caCertificates or caCrl is set (agent.ValidateTLS)',
  check(manifest, context) {
    for (const { tls, path } of tlsOf(manifest)) {
      const mode = valueAt(tls, 'mode');
      if ((mode !== 'SIMPLE' && mode !== 'MUTUAL') || !nonEmpty(tls, 'credentialName')) continue;
      const files = ['clientCertificate', 'caCertificates', 'privateKey', 'caCrl'].filter(field => nonEmpty(tls, field));
      if (files.length === 0) continue;
      context.report(path,
        `cannot specify client certificates or CA certificate or CA CRL If credentialName is set: the secret ${show(stringAt(tls, 'credentialName'))} holds them; remove ${files.join(', ')}`, tls);
    }
  },
});

export const mutualFilesRule: ManifestRule = drRule({
  code: 'DR047',
  name: 'tls-mutual-client-certificate',
  severity: Severity.ERROR,
  description: 'mode MUTUAL without credentialName sets clientCertificate and privateKey (agent.ValidateTLS)',
  check(manifest, context) {
    for (const { tls, path } of tlsOf(manifest)) {
      if (valueAt(tls, 'mode') !== 'MUTUAL' || nonEmpty(tls, 'credentialName')) continue;
      if (!nonEmpty(tls, 'clientCertificate')) {
        context.report(`${path}.clientCertificate`, 'client certificate required for mutual tls: set clientCertificate (a file path), or credentialName (a secret), or use mode ISTIO_MUTUAL for mesh certificates');
      }
      if (!nonEmpty(tls, 'privateKey')) {
        context.report(`${path}.privateKey`, 'private key required for mutual tls: set privateKey (a file path), or credentialName (a secret), or use mode ISTIO_MUTUAL for mesh certificates');
      }
    }
  },
});

export const CLIENT_TLS_RULES: readonly ManifestRule[] = [configMapCredentialRule, insecureSkipVerifyRule, credentialNameWithFilesRule, mutualFilesRule];
