/**
 * Whether a server may, or must, have TLS settings for its protocol: HTTPS and TLS servers
 * need them; plain-text HTTP servers may only pass TLS through (or redirect to HTTPS); other
 * protocols may have none (validateServer, gateway.IsPassThroughServer). Like Istio, checked
 * only for servers whose port is valid.
 */
import { Severity } from '../../diagnostic';
import { GATEWAY } from '../../kinds';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isHttpProtocol, isTlsProtocol } from './protocol';
import { isPortValid } from './port';
import { isSet, objectServers, text } from './shape';

const PASSTHROUGH_MODES: readonly string[] = ['PASSTHROUGH', 'AUTO_PASSTHROUGH'];
const CERTIFICATE_FIELDS: readonly string[] = ['serverCertificate', 'privateKey', 'caCertificates'];

export const serverTlsRequiredRule: ManifestRule = {
  code: 'GW012',
  name: 'server-tls-required',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'a server of protocol HTTPS or TLS has TLS settings (validateServer)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const entry of objectServers(manifest)) {
      if (!isPortValid(entry) || !isTlsProtocol(entry.protocol) || isSet(valueAt(entry.server, 'tls'))) continue;
      context.report(`${entry.path}.tls`,
        `server must have TLS settings for HTTPS/TLS protocols (protocol ${show(valueAt(entry.port, 'protocol'))}): add tls with a mode, for example {mode: SIMPLE, credentialName: my-cert} to terminate TLS or {mode: PASSTHROUGH} to forward it`);
    }
  },
};

export const serverTlsUnexpectedRule: ManifestRule = {
  code: 'GW013',
  name: 'server-tls-unexpected',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'a plain-text HTTP server (HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web) has TLS settings only in mode PASSTHROUGH (the default) or AUTO_PASSTHROUGH without serverCertificate, privateKey or caCertificates (for httpsRedirect); a server of another non-TLS protocol (TCP, MONGO...) has none (validateServer, gateway.IsPassThroughServer)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const entry of objectServers(manifest)) {
      if (!entry.tls || !isPortValid(entry) || isTlsProtocol(entry.protocol)) continue;
      const protocol = show(valueAt(entry.port, 'protocol'));
      const at = `${entry.path}.tls`;
      if (!isHttpProtocol(entry.protocol)) {
        context.report(at,
          `server cannot have TLS settings for non HTTPS/TLS ports (protocol ${protocol}): remove tls, or use protocol TLS (or HTTPS) to terminate or pass through TLS`,
          entry.tls);
        continue;
      }
      if (entry.mode === undefined) continue; // an unknown mode is GW020's
      const certificates = CERTIFICATE_FIELDS.filter(field => text(entry.tls, field) !== '');
      if (PASSTHROUGH_MODES.includes(entry.mode) && certificates.length === 0) continue;
      const what = certificates.length > 0 ? `sets ${certificates.join(', ')}` : `has mode ${entry.mode}`;
      context.report(at,
        `server cannot have TLS settings for plain text HTTP ports: the tls of this ${protocol} server ${what}; a plain HTTP server only takes tls: {httpsRedirect: true}; to serve HTTPS use protocol HTTPS`,
        entry.tls);
    }
  },
};

export const SERVER_TLS_RULES: readonly ManifestRule[] = [serverTlsRequiredRule, serverTlsUnexpectedRule];
