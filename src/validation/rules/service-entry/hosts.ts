/**
 * `spec.hosts`: at least one, at most 256, each a DNS name with an optional wildcard first
 * label but not `*` alone; partial wildcards draw a warning except for DYNAMIC_DNS
 * (ValidateServiceEntry, agent.ValidateWildcardDomain, agent.ValidatePartialWildCard; the
 * CRD's minItems/maxItems and `hostname cannot be wildcard`).
 */
import { Severity } from '../../diagnostic';
import { validateWildcardDomain } from '../../format/istio-host';
import { SERVICE_ENTRY } from '../../kinds';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { partialWildcardProblem } from '../gateway/hosts';
import { isSet, seShape } from './shape';

const MAX_HOSTS = 256;

/** The string hosts, with their paths. */
function stringHosts(manifest: unknown): Array<{ host: string; path: string }> {
  const out: Array<{ host: string; path: string }> = [];
  seShape(manifest).hosts.forEach((host, index) => {
    if (typeof host === 'string') out.push({ host, path: `spec.hosts[${index}]` });
  });
  return out;
}

export const hostsRequiredRule: ManifestRule = {
  code: 'SE001',
  name: 'hosts-required',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: `a ServiceEntry lists at least one host and at most ${MAX_HOSTS} (ValidateServiceEntry; the CRD requires hosts, minItems 1, maxItems ${MAX_HOSTS})`,
  upstream: ['IST0106'],
  check(manifest, context) {
    const { spec, hosts } = seShape(manifest);
    const list = valueAt(spec, 'hosts');
    if (!isSet(list) || (Array.isArray(list) && list.length === 0)) {
      context.report('spec.hosts', 'service entry must have at least one host: list the names the service is reached by, for example ["api.example.com"] or ["*.example.com"]', list);
    } else if (hosts.length > MAX_HOSTS) {
      context.report('spec.hosts', `spec.hosts has ${hosts.length} entries, at most ${MAX_HOSTS} are allowed: split the hosts over several ServiceEntries`, hosts.length);
    }
  },
};

export const hostFormatRule: ManifestRule = {
  code: 'SE002',
  name: 'host-format',
  severity: Severity.ERROR,
  appliesTo: SERVICE_ENTRY,
  description: 'each host is a DNS name whose first label may be a wildcard (*.example.com), not "*" alone (ValidateServiceEntry, agent.ValidateWildcardDomain; the CRD\'s "hostname cannot be wildcard")',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { host, path } of stringHosts(manifest)) {
      if (host === '*') {
        context.report(path, 'invalid host *: a ServiceEntry cannot claim every host name; list the names (api.example.com) or a wildcard domain (*.example.com)', host);
        continue;
      }
      const problems = validateWildcardDomain(host);
      if (problems.length > 0) {
        context.report(path, `host ${show(host)} is invalid: ${problems.join('; ')}; write a DNS name such as api.example.com or *.example.com`, host);
      }
    }
  },
};

export const partialWildcardHostRule: ManifestRule = {
  code: 'SE003',
  name: 'partial-wildcard-host',
  severity: Severity.WARNING,
  appliesTo: SERVICE_ENTRY,
  description: 'a host has "*" only as a whole first label (*.example.com), except with resolution DYNAMIC_DNS (ValidateServiceEntry, agent.ValidatePartialWildCard)',
  upstream: ['IST0133'],
  check(manifest, context) {
    const { resolution } = seShape(manifest);
    if (resolution === undefined || resolution === 'DYNAMIC_DNS') return;
    for (const { host, path } of stringHosts(manifest)) {
      if (host === '*') continue;
      const problem = partialWildcardProblem(host);
      if (problem) context.report(path, `${problem}: a wildcard stands for whole labels; write *.example.com`, host);
    }
  },
};

export const HOST_RULES: readonly ManifestRule[] = [hostsRequiredRule, hostFormatRule, partialWildcardHostRule];
