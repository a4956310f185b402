/**
 * XR032: a Gateway server that uses the same certificate as a server of another Gateway
 * for the same proxies (istioctl analyze IST0138, GatewayDuplicateCertificate;
 * CertificateAnalyzer). A client that reuses an HTTP/2 connection for every host the
 * certificate covers (connection coalescing) then sends requests for one Gateway's hosts to
 * the other's server, and gets 404.
 *
 * As upstream: the same certificate is the same `credentialName`, or (both without one) the
 * same `serverCertificate` and `privateKey`; Gateway B counts for Gateway A when B's
 * selector holds every pair of A's (any Gateway when A has no selector). Kiali has no such
 * check.
 */
import { Severity } from '../../../diagnostic';
import { resourceId, stringAt } from '../../../manifest';
import { ManifestEntry, SetRule } from '../../../rule';
import { GatewayServer, gatewayInfo } from '../indexes/gateway-servers';
import { setKinds } from '../indexes/set-index';

interface CertificateUser {
  readonly entry: ManifestEntry;
  readonly selector: ReadonlyMap<string, string>;
  readonly server: GatewayServer;
  /** `credentialName`, or `serverCertificate` when there is no credentialName. */
  readonly field: string;
  readonly value: string;
}

/** The key of a server's certificate, or undefined when it names none. */
function certificateOf(server: GatewayServer): { key: string; field: string; value: string } | undefined {
  const credential = stringAt(server.tls, 'credentialName') ?? '';
  if (credential !== '') return { key: `credential\n${credential}`, field: 'credentialName', value: credential };
  const certificate = stringAt(server.tls, 'serverCertificate') ?? '';
  const key = stringAt(server.tls, 'privateKey') ?? '';
  if (certificate === '' || key === '') return undefined;
  return { key: `files\n${certificate}\n${key}`, field: 'serverCertificate', value: certificate };
}

function pairKey(key: string, value: string): string {
  return `${JSON.stringify(key)}=${JSON.stringify(value)}`;
}

/** Whether `wider` holds every pair of `narrow`. */
function holdsAll(wider: ReadonlyMap<string, string>, narrow: ReadonlyMap<string, string>): boolean {
  for (const [key, value] of narrow) if (wider.get(key) !== value) return false;
  return true;
}

export const gatewayDuplicateCertificateRule: SetRule = {
  code: 'XR032',
  name: 'gateway-duplicate-certificate',
  severity: Severity.WARNING,
  upstream: ['IST0138'],
  description: 'a Gateway server does not use the certificate (credentialName, or serverCertificate and privateKey) of a server of another Gateway whose selector holds every pair of its own, since clients that reuse HTTP/2 connections then get 404s (istioctl analyze IST0138, CertificateAnalyzer; Kiali has no such check)',
  check(manifests, context) {
    const users = new Map<string, CertificateUser[]>();
    for (const entry of setKinds(manifests).gateways) {
      const gateway = gatewayInfo(entry);
      if (!gateway.selector) continue;
      const selector = new Map(gateway.selector);
      for (const server of gateway.servers) {
        const certificate = certificateOf(server);
        if (!certificate) continue;
        const list = users.get(certificate.key) ?? [];
        users.set(certificate.key, list);
        list.push({ entry, selector, server, field: certificate.field, value: certificate.value });
      }
    }
    const findings: Array<{ user: CertificateUser; other: ManifestEntry }> = [];
    for (const list of users.values()) {
      if (list.length < 2) continue;
      // the users of this certificate by selector pair, to find wider selectors without a scan of all
      const byPair = new Map<string, CertificateUser[]>();
      for (const user of list) {
        for (const [key, value] of user.selector) {
          const pair = pairKey(key, value);
          const carriers = byPair.get(pair);
          if (carriers) carriers.push(user);
          else byPair.set(pair, [user]);
        }
      }
      for (const user of list) {
        let candidates: readonly CertificateUser[] = list;
        for (const [key, value] of user.selector) {
          const carriers = byPair.get(pairKey(key, value)) ?? [];
          if (carriers.length < candidates.length) candidates = carriers;
        }
        const other = candidates.find(c => c.entry !== user.entry && holdsAll(c.selector, user.selector));
        if (other) findings.push({ user, other: other.entry });
      }
    }
    findings.sort((a, b) => a.user.entry.index - b.user.entry.index || a.user.server.index - b.user.server.index);
    for (const { user, other } of findings) {
      context.report(user.entry, `${user.server.path}.tls.${user.field}`,
        `${user.field} ${JSON.stringify(user.value)} is also used by a server of ${resourceId(other.manifest)}, which serves the same gateway proxies: clients that reuse one HTTP/2 connection for every host of the certificate send requests for one Gateway's hosts to the other's server and get 404; give each Gateway its own certificate, or serve these hosts from one Gateway`,
        user.value);
    }
  },
};
