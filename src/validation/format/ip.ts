/**
 * IP and CIDR parsing with the semantics Kubernetes uses (`netutils.ParseIPSloppy`,
 * `ParseCIDRSloppy`): IPv4 octets may carry leading zeros (read as decimal), IPv6 zones
 * are refused, and an IPv4-mapped IPv6 address counts as IPv4.
 */

import { memoizeString } from './memo-string';

export type IpFamily = 'IPv4' | 'IPv6';

export interface ParsedIp {
  readonly family: IpFamily;
  /** 4 bytes for IPv4 (also for IPv4-mapped IPv6), 16 for IPv6. */
  readonly bytes: readonly number[];
  /** The canonical text form (Go's `net.IP.String()`). */
  readonly canonical: string;
}

export interface ParsedCidr {
  /** The address as written, host bits included. */
  readonly ip: ParsedIp;
  /**
   * The family of the network. An IPv4-mapped address with a prefix of 96 or more is an
   * IPv4 network (`::ffff:10.0.0.0/104` is `10.0.0.0/8`); with a shorter prefix it is an
   * IPv6 network, as in Go.
   */
  readonly family: IpFamily;
  /** The prefix length, in bits of `family`. */
  readonly prefixLength: number;
  /** Whether bits beyond the prefix are set (`10.0.0.1/8`): accepted with a warning. */
  readonly hostBitsSet: boolean;
  /**
   * The network in canonical form, host bits cleared: Go's `IPNet.String()`, the form the
   * API server suggests in its warnings (`10.0.0.0/8` for `10.0.0.1/8`).
   */
  readonly network: string;
  /**
   * The address as written, in canonical form, with its prefix length (`10.0.0.1/8` for
   * `010.0.0.1/08`): the canonical form of `IsValidInterfaceAddress`. Equals `network`
   * unless host bits are set.
   */
  readonly canonical: string;
}

/**
 * Dotted-quad IPv4. Like `ParseIPSloppy`, any number of leading zeros is stripped from each
 * octet and the rest read as decimal (`010.001.0000002.3` is `10.1.2.3`, never octal).
 */
function parseIpv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part)) return undefined;
    const digits = part.replace(/^0+(?=[0-9])/, '');
    if (digits.length > 3) return undefined;
    const n = Number(digits);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseIpv6Bytes(text: string): number[] | undefined {
  if (text.includes('%')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string, allowIpv4Tail: boolean): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i];
      if (allowIpv4Tail && i === groups.length - 1 && group.includes('.')) {
        const v4 = parseIpv4Bytes(group);
        if (!v4) return undefined;
        out.push(...v4);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      const n = parseInt(group, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  if (halves.length === 1) {
    const bytes = parseGroups(halves[0], true);
    return bytes && bytes.length === 16 ? bytes : undefined;
  }
  const head = parseGroups(halves[0], false);
  const tail = parseGroups(halves[1], true);
  if (!head || !tail) return undefined;
  const missing = 16 - head.length - tail.length;
  if (missing < 2) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function isMappedIpv4(bytes: readonly number[]): boolean {
  return bytes.length === 16 && bytes.slice(0, 10).every(b => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

function formatIpv6(bytes: readonly number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  // longest run of zero groups (length >= 2), first one on a tie
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  const hex = groups.map(g => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Whether the text can only be a name: an address starts with a digit, or holds a ':'. */
function cannotBeIp(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(first >= 48 && first <= 57) && !text.includes(':');
}

/**
 * Parses an IP address; undefined when it is not one. Results are shared between callers
 * (the same address is parsed by several rules): they must not be changed.
 */
export function parseIp(text: string): ParsedIp | undefined {
  return cannotBeIp(text) ? undefined : parseAddress(text);
}

const parseAddress: (text: string) => ParsedIp | undefined = memoizeString(readIp);

function readIp(text: string): ParsedIp | undefined {
  if (text.includes(':')) {
    const bytes = parseIpv6Bytes(text);
    if (!bytes) return undefined;
    if (isMappedIpv4(bytes)) {
      const v4 = bytes.slice(12);
      return { family: 'IPv4', bytes: v4, canonical: v4.join('.') };
    }
    return { family: 'IPv6', bytes, canonical: formatIpv6(bytes) };
  }
  const bytes = parseIpv4Bytes(text);
  if (!bytes) return undefined;
  return { family: 'IPv4', bytes, canonical: bytes.join('.') };
}

/** Go's `net.IP.String()` for 16 bytes: dotted quad when IPv4-mapped, else RFC 5952. */
function formatIp16(bytes: readonly number[]): string {
  return isMappedIpv4(bytes) ? bytes.slice(12).join('.') : formatIpv6(bytes);
}

/** Clears the bits beyond the prefix. */
function maskBytes(bytes: readonly number[], prefixLength: number): number[] {
  return bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefixLength - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
}

/**
 * Parses `address/prefix` like `ParseCIDRSloppy`; undefined when it is not a CIDR.
 *
 * The prefix is decimal digits only (no sign), leading zeros allowed, at most 32 for an
 * address written as IPv4 and 128 for one written as IPv6 (an IPv4-mapped address counts in
 * IPv6 bits). Host bits may be set (`hostBitsSet`).
 * Results are shared between callers: they must not be changed.
 */
export const parseCidr: (text: string) => ParsedCidr | undefined = memoizeString(readCidr);

function readCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^[0-9]+$/.test(prefixText)) return undefined;
  const ip = parseIp(addressText);
  if (!ip) return undefined;
  const writtenAsIpv6 = addressText.includes(':');
  const prefix = Number(prefixText);
  if (prefix > (writtenAsIpv6 ? 128 : 32)) return undefined;

  if (!writtenAsIpv6) {
    const masked = maskBytes(ip.bytes, prefix);
    return {
      ip,
      family: 'IPv4',
      prefixLength: prefix,
      hostBitsSet: masked.some((b, i) => b !== ip.bytes[i]),
      network: `${masked.join('.')}/${prefix}`,
      canonical: `${ip.canonical}/${prefix}`,
    };
  }
  const bytes16 = ip.family === 'IPv4' ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...ip.bytes] : ip.bytes;
  const masked = maskBytes(bytes16, prefix);
  const hostBitsSet = masked.some((b, i) => b !== bytes16[i]);
  if (ip.family === 'IPv4' && prefix >= 96) {
    // an IPv4-mapped network: Go prints it as the IPv4 network
    return {
      ip,
      family: 'IPv4',
      prefixLength: prefix - 96,
      hostBitsSet,
      network: `${masked.slice(12).join('.')}/${prefix - 96}`,
      canonical: `${ip.canonical}/${prefix - 96}`,
    };
  }
  return {
    ip,
    family: 'IPv6',
    prefixLength: prefix,
    hostBitsSet,
    network: `${formatIp16(masked)}/${prefix}`,
    // for an IPv4-mapped address with a prefix under 96 this mirrors Go's
    // IsValidInterfaceAddress ("::ffff:1.1.1.1/24" gives "1.1.1.1/24")
    canonical: `${ip.canonical}/${prefix}`,
  };
}

/**
 * Why an IP may not be used where Kubernetes wants a routable address
 * (`ValidateNonSpecialIP`), or undefined when it may.
 */
export function specialIpReason(ip: ParsedIp): string | undefined {
  const b = ip.bytes;
  if (b.every(x => x === 0)) return 'may not be unspecified (0.0.0.0, ::)';
  if (ip.family === 'IPv4') {
    if (b[0] === 127) return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
    if (b[0] === 169 && b[1] === 254) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
    if (b[0] === 224 && b[1] === 0 && b[2] === 0) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
    return undefined;
  }
  if (b.slice(0, 15).every(x => x === 0) && b[15] === 1) return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  if (b[0] === 0xff && (b[1] & 0x0f) === 0x02) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
  return undefined;
}
