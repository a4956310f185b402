/**
 * `spec.host`: the service the rule applies to (ValidateDestinationRule →
 * agent.ValidateWildcardDomain). A short name resolves in the DestinationRule's namespace; a
 * wildcard first label (`*.example.com`) is allowed; an IP address is not.
 */
import { Severity } from '../../diagnostic';
import { validateWildcardDomain } from '../../format/istio-host';
import { describeKind, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { drRule, drShape } from './shape';

export const hostFormatRule: ManifestRule = drRule({
  code: 'DR001',
  name: 'destination-rule-host',
  severity: Severity.ERROR,
  description: 'spec.host is a DNS name, a short service name or a name with a wildcard first label (*.example.com), at most 255 characters; an IP address is not allowed (ValidateDestinationRule, agent.ValidateWildcardDomain)',
  check(manifest, context) {
    const { spec } = drShape(manifest);
    if (spec === undefined) return;
    const host = valueAt(spec, 'host');
    if (host === undefined || host === null || host === '') {
      context.report('spec.host', 'host is required: empty domain name not allowed; name the service the rule applies to, such as "reviews" or "reviews.shop.svc.cluster.local"', host);
      return;
    }
    if (typeof host !== 'string') {
      context.report('spec.host', `host must be a string, got ${describeKind(host)}`, host);
      return;
    }
    const problems = validateWildcardDomain(host);
    if (problems.length > 0) {
      context.report('spec.host', `host ${show(host)}: ${problems.join('; ')}; use a service name or a DNS name, optionally with a wildcard first label such as "*.example.com"`, host);
    }
  },
});

export const HOST_RULES: readonly ManifestRule[] = [hostFormatRule];
