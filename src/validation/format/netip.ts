/**
 * IP addresses and prefixes as Go's `net/netip` parses them (`netip.ParseAddr`,
 * `netip.ParsePrefix`), which Istio uses for Gateway binds and hosts
 * (`agent.ValidateIPAddress`, `netutil.IsValidIPAddress`) and ServiceEntry addresses and
 * endpoints (`agent.ValidateIPSubnet`). They are stricter than the Kubernetes-style parser of
 * format/ip.ts on IPv4 octets (`010.0.0.1` is refused) and prefix lengths (`/08` is refused),
 * and, unlike it, accept an IPv6 zone in an address (`fe80::1%eth0`).
 */
import { parseIp } from './ip';

/** Whether the IPv4 part of an address (the whole of it, or the tail after the last ':') has an octet with a leading zero. */
function hasLeadingZeroOctet(address: string): boolean {
  const v4 = address.slice(address.lastIndexOf(':') + 1);
  return v4.includes('.') && v4.split('.').some(octet => octet.length > 1 && octet.startsWith('0'));
}

/** `netip.ParseAddr` without a zone. */
function isPlainAddress(text: string): boolean {
  return parseIp(text) !== undefined && !hasLeadingZeroOctet(text);
}

/** `netip.ParseAddr(text)` succeeds: IPv4 dotted quad without leading zeros, or IPv6 with an optional non-empty zone. */
export function isGoIpAddress(text: string): boolean {
  const percent = text.indexOf('%');
  if (percent < 0) return isPlainAddress(text);
  const address = text.slice(0, percent);
  return address.includes(':') && percent < text.length - 1 && isPlainAddress(address);
}

/**
 * `netip.ParsePrefix(text)` succeeds: an address without a zone, `/`, and a decimal prefix
 * length without sign or leading zeros, at most 32 for an IPv4 address and 128 for IPv6
 * (an IPv4-mapped IPv6 address counts as IPv6).
 */
export function isGoPrefix(text: string): boolean {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (address.includes('%') || !isPlainAddress(address)) return false;
  if (!/^(?:0|[1-9][0-9]{0,2})$/.test(bits)) return false;
  return Number(bits) <= (address.includes(':') ? 128 : 32);
}

/**
 * `agent.ValidateIPSubnet`: with exactly one `/` the text must be a CIDR block, otherwise
 * an IP address. Returns the problem, or undefined.
 */
export function ipSubnetProblem(subnet: string): string | undefined {
  if (subnet.split('/').length - 1 === 1) {
    return isGoPrefix(subnet) ? undefined : `${JSON.stringify(subnet)} is not a valid CIDR block`;
  }
  return isGoIpAddress(subnet) ? undefined : `${JSON.stringify(subnet)} is not a valid IP`;
}
