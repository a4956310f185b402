/**
 * XR030: a DestinationRule that originates TLS (mode SIMPLE or MUTUAL) without
 * `caCertificates`, so the proxy does not verify the server's certificate against a CA the
 * rule names (istioctl analyze IST0128 at the rule level, IST0129 per port;
 * CaCertificateAnalyzer). As upstream, a `credentialName` together with a
 * `workloadSelector` counts as a CA source (the secret may hold `ca.crt`).
 *
 * Upstream checks `trafficPolicy` and its `portLevelSettings` only. The subsets'
 * `trafficPolicy` originates TLS the same way, so this rule checks them too.
 */
import { Severity } from '../../../diagnostic';
import { arrayAt, isObject, objectAt, stringAt, valueAt } from '../../../manifest';
import { ManifestEntry, SetRuleContext, SetRule } from '../../../rule';
import { setKinds } from '../indexes/set-index';

const ORIGINATING = ['SIMPLE', 'MUTUAL'];

function checkTls(entry: ManifestEntry, tls: unknown, path: string, where: string, selected: boolean, context: SetRuleContext): void {
  const mode = stringAt(tls, 'mode');
  if (mode === undefined || !ORIGINATING.includes(mode)) return;
  const ca = stringAt(tls, 'caCertificates');
  if (ca !== undefined && ca !== '') return;
  const credential = stringAt(tls, 'credentialName');
  if (credential !== undefined && credential !== '' && selected) return;
  const host = stringAt(objectAt(entry.manifest, 'spec'), 'host') ?? '';
  const skip = valueAt(tls, 'insecureSkipVerify') === true ? ' (insecureSkipVerify is true: verification is off by choice)' : '';
  const credentialHint = credential !== undefined && credential !== ''
    ? `credentialName ${JSON.stringify(credential)} provides a CA only for a rule with a workloadSelector`
    : 'no credentialName either';
  context.report(entry, `${path}.mode`,
    `TLS mode ${mode} for host ${JSON.stringify(host)}${where} has no caCertificates (${credentialHint})${skip}: the server's certificate is not checked against a CA this rule names; set caCertificates to the CA bundle that signs the server's certificate`,
    mode);
}

function checkPolicy(entry: ManifestEntry, policy: unknown, path: string, where: string, selected: boolean, context: SetRuleContext): void {
  if (!isObject(policy)) return;
  checkTls(entry, valueAt(policy, 'tls'), `${path}.tls`, where, selected, context);
  (arrayAt(policy, 'portLevelSettings') ?? []).forEach((setting, i) => {
    const port = valueAt(objectAt(setting, 'port'), 'number');
    const at = typeof port === 'number' ? ` at port ${port}` : '';
    checkTls(entry, valueAt(setting, 'tls'), `${path}.portLevelSettings[${i}].tls`, `${where}${at}`, selected, context);
  });
}

export const destinationRuleTlsWithoutCaRule: SetRule = {
  code: 'XR030',
  name: 'destination-rule-tls-without-ca',
  severity: Severity.WARNING,
  upstream: ['IST0128', 'IST0129'],
  description: 'a DestinationRule whose trafficPolicy, portLevelSettings or subset trafficPolicy originates TLS (SIMPLE or MUTUAL) sets caCertificates, or a credentialName with a workloadSelector (istioctl analyze IST0128/IST0129, CaCertificateAnalyzer; Kiali has no such check); unlike istioctl, subset-level policies are checked too, since they originate TLS the same way',
  check(manifests, context) {
    for (const entry of setKinds(manifests).destinationRules) {
      const spec = objectAt(entry.manifest, 'spec');
      if (!spec) continue;
      const selected = isObject(valueAt(spec, 'workloadSelector'));
      checkPolicy(entry, valueAt(spec, 'trafficPolicy'), 'spec.trafficPolicy', '', selected, context);
      (arrayAt(spec, 'subsets') ?? []).forEach((subset, i) => {
        const name = stringAt(subset, 'name');
        checkPolicy(entry, valueAt(subset, 'trafficPolicy'), `spec.subsets[${i}].trafficPolicy`, name === undefined ? ` in subset ${i}` : ` in subset ${JSON.stringify(name)}`, selected, context);
      });
    }
  },
};
