/**
 * The other TLS settings of a server: enum values, protocol versions and cipher suites,
 * and certificates a passthrough server ignores (validateTLSOptions; the CRD's enums).
 */
import { Severity } from '../../diagnostic';
import { GATEWAY } from '../../kinds';
import { arrayAt, oneOf, show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { listLength, text, TLS_MODES, tlsServers } from './shape';

const TLS_VERSIONS: readonly string[] = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];
const ENUM_FIELDS: ReadonlyArray<{ field: string; values: readonly string[] }> = [
  { field: 'mode', values: TLS_MODES },
  { field: 'minProtocolVersion', values: TLS_VERSIONS },
  { field: 'maxProtocolVersion', values: TLS_VERSIONS },
];

/** `security.ValidCipherSuites`: the suites a Gateway server accepts by name. */
const CIPHER_SUITES: ReadonlySet<string> = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
]);

/**
 * Whether Go's `unicode.IsLetter(rune(cs[0])) || unicode.IsNumber(rune(cs[0]))` holds: the
 * first UTF-8 byte read as a Latin-1 character. Istio lets anything else through unchecked
 * (operators such as `-` and `+`, `!`, `[`).
 */
function startsWithLetterOrDigit(suite: string): boolean {
  const byte = Buffer.from(suite.slice(0, 2), 'utf8')[0];
  if (byte < 0x80) return /[A-Za-z0-9]/.test(String.fromCharCode(byte));
  // Latin-1 letters are 0xAA, 0xB5, 0xBA, 0xC0-0xFF except 0xD7 and 0xF7; a UTF-8 lead byte is 0xC2 or more
  return byte >= 0xc0 && byte !== 0xd7 && byte !== 0xf7;
}

/** `security.IsValidCipherSuite`. */
export function isValidCipherSuite(suite: string): boolean {
  if (suite === '' || suite === 'ALL') return true;
  if (!startsWithLetterOrDigit(suite)) return true;
  return CIPHER_SUITES.has(suite);
}

/** The certificate fields a passthrough server ignores, set on this tls object. */
function certificateFieldsSet(tls: unknown): string[] {
  return [
    ...['caCrl', 'serverCertificate', 'privateKey', 'caCertificates', 'credentialName'].filter(field => text(tls, field) !== ''),
    ...['tlsCertificates', 'credentialNames'].filter(field => listLength(tls, field) > 0),
  ];
}

export const tlsEnumValuesRule: ManifestRule = {
  code: 'GW020',
  name: 'tls-enum-values',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'tls.mode is PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL or OPTIONAL_MUTUAL, and tls.minProtocolVersion and maxProtocolVersion are TLS_AUTO or TLSV1_0..TLSV1_3, in upper case (the CRD\'s enums)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { tls, path } of tlsServers(manifest)) {
      for (const { field, values } of ENUM_FIELDS) {
        const value = valueAt(tls, field);
        if (typeof value !== 'string' || values.includes(value)) continue;
        context.report(`${path}.tls.${field}`, `tls.${field} ${show(value)} is not supported: use ${oneOf(values)}`, value);
      }
    }
  },
};

export const tlsMinVersionCiphersRule: ManifestRule = {
  code: 'GW021',
  name: 'tls-min-version-ciphers',
  severity: Severity.WARNING,
  appliesTo: GATEWAY,
  description: 'a minimum TLS version below TLSV1_2 comes with cipherSuites: the default suites no longer include ones those versions can use (validateTLSOptions)',
  upstream: ['IST0133'],
  check(manifest, context) {
    for (const { tls, path } of tlsServers(manifest)) {
      const version = valueAt(tls, 'minProtocolVersion');
      if ((version !== 'TLSV1_0' && version !== 'TLSV1_1') || listLength(tls, 'cipherSuites') > 0) continue;
      context.report(`${path}.tls.minProtocolVersion`,
        `TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers (minProtocolVersion ${version}): list cipherSuites those clients support, for example ECDHE-RSA-AES128-SHA, or raise the minimum to TLSV1_2`,
        version);
    }
  },
};

export const tlsCipherSuitesRule: ManifestRule = {
  code: 'GW022',
  name: 'tls-cipher-suites',
  severity: Severity.WARNING,
  appliesTo: GATEWAY,
  description: 'tls.cipherSuites lists suites the gateway knows, each once; unknown and repeated suites are ignored (validateTLSOptions, security.IsValidCipherSuite)',
  upstream: ['IST0133'],
  check(manifest, context) {
    for (const { tls, path } of tlsServers(manifest)) {
      const seenValid = new Set<string>();
      const seenInvalid = new Set<string>();
      (arrayAt(tls, 'cipherSuites') ?? []).forEach((suite, index) => {
        if (typeof suite !== 'string') return;
        const at = `${path}.tls.cipherSuites[${index}]`;
        if (!isValidCipherSuite(suite)) {
          if (seenInvalid.has(suite)) return;
          seenInvalid.add(suite);
          context.report(at, `ignoring invalid cipher suites: ${show(suite)} is not a cipher suite the gateway supports (BoringSSL names such as ECDHE-RSA-AES128-GCM-SHA256); remove it or correct its name`, suite);
        } else if (seenValid.has(suite)) {
          context.report(at, `ignoring duplicate cipher suites: ${show(suite)} is listed more than once; list each suite once`, suite);
        } else {
          seenValid.add(suite);
        }
      });
    }
  },
};

export const tlsPassthroughCertificatesRule: ManifestRule = {
  code: 'GW023',
  name: 'tls-passthrough-certificates',
  severity: Severity.WARNING,
  appliesTo: GATEWAY,
  description: 'a server in TLS mode PASSTHROUGH (also when tls.mode is unset) or AUTO_PASSTHROUGH sets no certificates, CA bundle, CRL or credential: it does not terminate TLS and ignores them (validateTLSOptions)',
  upstream: ['IST0133'],
  check(manifest, context) {
    for (const { tls, mode, path } of tlsServers(manifest)) {
      if (mode !== 'PASSTHROUGH' && mode !== 'AUTO_PASSTHROUGH') continue;
      const fields = certificateFieldsSet(tls);
      if (fields.length === 0) continue;
      const unset = valueAt(tls, 'mode') === undefined || valueAt(tls, 'mode') === null;
      context.report(`${path}.tls`,
        `${mode} mode does not use certificates, they will be ignored: this server sets ${fields.join(', ')}${unset ? ' but no tls.mode, which means PASSTHROUGH' : ''}; remove them, or set mode SIMPLE (or MUTUAL) to terminate TLS at the gateway`,
        fields);
    }
  },
};

export const TLS_SETTING_RULES: readonly ManifestRule[] = [tlsEnumValuesRule, tlsMinVersionCiphersRule, tlsCipherSuitesRule, tlsPassthroughCertificatesRule];
