import { ParsedCidr, parseCidr, parseIp, specialIpReason } from '../../../src/validation/format/ip';

// Origins: apimachinery util/validation/ip_test.go (TestIsValidIP, TestGetWarningsForIP,
// TestIsValidCIDR, TestGetWarningsForCIDR, TestIsValidInterfaceAddress) and k8s.io/utils
// net/parse.go (ParseIPSloppy, ParseCIDRSloppy). Canonical forms are what Go's net.IP and
// net.IPNet String() print: RFC 5952 for IPv6, a dotted quad for IPv4-mapped addresses.

describe('parseIp', () => {
  it.each([
    // TestIsValidIP, good values
    ['1.2.3.4', 'IPv4', '1.2.3.4'],
    ['0.0.0.0', 'IPv4', '0.0.0.0'],
    ['255.255.255.255', 'IPv4', '255.255.255.255'],
    ['1234::abcd', 'IPv6', '1234::abcd'],
    ['::', 'IPv6', '::'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'IPv6', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    // TestIsValidIP, non-canonical values (valid; canonical form in the upstream message)
    ['0:0:0:0:0:0:0:0', 'IPv6', '::'],
    ['0001:002:03:4::', 'IPv6', '1:2:3:4::'],
    ['1234::ABCD', 'IPv6', '1234::abcd'],
    // TestIsValidIP, valid for legacy fields: leading zeros read as decimal, IPv4-mapped is IPv4
    ['1.1.1.01', 'IPv4', '1.1.1.1'],
    ['::ffff:1.1.1.1', 'IPv4', '1.1.1.1'],
    // TestGetWarningsForIP
    ['192.12.2.2', 'IPv4', '192.12.2.2'],
    ['2001:db8::2', 'IPv6', '2001:db8::2'],
    ['192.012.2.2', 'IPv4', '192.12.2.2'],
    ['::ffff:192.12.2.2', 'IPv4', '192.12.2.2'],
    ['2001:db8:0:0::2', 'IPv6', '2001:db8::2'],
    // ParseIPSloppy strips any number of leading zeros (decimal, never octal)
    ['010.001.0000002.3', 'IPv4', '10.1.2.3'],
    ['000.000.000.000', 'IPv4', '0.0.0.0'],
    ['::ffff:001.002.003.004', 'IPv4', '1.2.3.4'],
    // IPv4-mapped written in hex is IPv4 too (net.IP.To4)
    ['::ffff:0102:0304', 'IPv4', '1.2.3.4'],
    ['0:0:0:0:0:ffff:1.2.3.4', 'IPv4', '1.2.3.4'],
    ['::ffff:0.0.0.0', 'IPv4', '0.0.0.0'],
    // an embedded IPv4 tail that is not IPv4-mapped stays IPv6
    ['::1.2.3.4', 'IPv6', '::102:304'],
    ['1:2:3:4:5:6:1.2.3.4', 'IPv6', '1:2:3:4:5:6:102:304'],
    ['64:ff9b::192.0.2.33', 'IPv6', '64:ff9b::c000:221'],
    // RFC 5952: the longest run of two or more zero groups, the first on a tie
    ['2001:db8:0:0:1:0:0:1', 'IPv6', '2001:db8::1:0:0:1'],
    ['1:0:0:2:0:0:0:3', 'IPv6', '1:0:0:2::3'],
    ['2001:db8:0:1:1:1:1:1', 'IPv6', '2001:db8:0:1:1:1:1:1'],
    ['1:2:3:4:5:6:7::', 'IPv6', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', 'IPv6', '0:2:3:4:5:6:7:8'],
    ['0:0:0:0:0:0:0:1', 'IPv6', '::1'],
    ['1::', 'IPv6', '1::'],
    ['FE80::0:0:1', 'IPv6', 'fe80::1'],
    ['::ffff', 'IPv6', '::ffff'],
    ['::fffe:1.2.3.4', 'IPv6', '::fffe:102:304'],
  ])('parses %j as %s %j', (text, family, canonical) => {
    const ip = parseIp(text);
    expect(ip).toBeDefined();
    expect(ip?.family).toBe(family);
    expect(ip?.canonical).toBe(canonical);
    expect(ip?.bytes).toHaveLength(family === 'IPv4' ? 4 : 16);
  });

  it('gives the bytes', () => {
    expect(parseIp('10.0.255.1')?.bytes).toEqual([10, 0, 255, 1]);
    expect(parseIp('::ffff:10.0.255.1')?.bytes).toEqual([10, 0, 255, 1]);
    expect(parseIp('fe80::ab:1')?.bytes).toEqual([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xab, 0, 1]);
  });

  it.each([
    // TestIsValidIP, bad values
    '',
    'aaaaaaa',
    'myhost.mydomain',
    '1.2.3.0/24',
    '1.2.3.400',
    '-1.0.0.0',
    '2001:db8::10005',
    '1.2.3.4:80',
    '[2001:db8::1]',
    '[2001:db8::1]:80',
    'example.com:80',
    '1234::abcd%eth0',
    '169.254.0.0%eth0',
    // not in the upstream table
    'fe80::1%',
    '1.2.3',
    '1.2.3.4.5',
    '1.2.3.4.',
    '.1.2.3',
    '1..2.3',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '0x1.2.3.4',
    '1.2.3.256',
    '0256.1.1.1',
    '+1.2.3.4',
    '1e2.1.1.1',
    '١.٢.٣.٤',
    '1::2::3',
    ':::',
    '1:::2',
    ':1::',
    '1::2:',
    ':',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    '::1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6::1.2.3.4',
    '00001::',
    '12345::',
    'g::1',
    '1.2.3.4::',
    '::1.2.3.4:5',
    '::1.2.3.4.5',
    '1:2:3:4:5:1.2.3.4',
    '::ffff:1.2.3',
    '::ffff:256.1.1.1',
    '::ffff:1.2.3.4%0',
  ])('refuses %j', text => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('parseCidr', () => {
  type Expected = Omit<ParsedCidr, 'ip'>;
  const v4 = (prefixLength: number, network: string, canonical = network, hostBitsSet = false): Expected =>
    ({ family: 'IPv4', prefixLength, network, canonical, hostBitsSet });
  const v6 = (prefixLength: number, network: string, canonical = network, hostBitsSet = false): Expected =>
    ({ family: 'IPv6', prefixLength, network, canonical, hostBitsSet });

  it.each<[string, Expected]>([
    // TestIsValidCIDR, good values
    ['1.0.0.0/8', v4(8, '1.0.0.0/8')],
    ['0.0.0.0/0', v4(0, '0.0.0.0/0')],
    ['1.1.1.1/32', v4(32, '1.1.1.1/32')],
    ['2001:4860:4860::/48', v6(48, '2001:4860:4860::/48')],
    ['::/0', v6(0, '::/0')],
    ['::1/128', v6(128, '::1/128')],
    // TestIsValidCIDR, non-canonical values
    ['2a00:79e0:2:0::/64', v6(64, '2a00:79e0:2::/64')],
    ['2001:DB8::/64', v6(64, '2001:db8::/64')],
    // TestIsValidCIDR, valid for legacy fields
    ['1.1.01.0/24', v4(24, '1.1.1.0/24')],
    ['::ffff:1.1.1.0/120', v4(24, '1.1.1.0/24')],
    // an IPv4-mapped address with a prefix under 96 is an IPv6 network in Go ("::/24")
    ['::ffff:1.1.1.0/24', v6(24, '::/24', '1.1.1.0/24', true)],
    ['1.2.3.4/24', v4(24, '1.2.3.0/24', '1.2.3.4/24', true)],
    ['2001:db8::1/64', v6(64, '2001:db8::/64', '2001:db8::1/64', true)],
    ['192.168.0.0/016', v4(16, '192.168.0.0/16')],
    // TestGetWarningsForCIDR
    ['192.012.2.0/24', v4(24, '192.12.2.0/24')],
    ['192.12.2.0/024', v4(24, '192.12.2.0/24')],
    ['::ffff:192.12.2.0/120', v4(24, '192.12.2.0/24')],
    ['192.12.2.8/24', v4(24, '192.12.2.0/24', '192.12.2.8/24', true)],
    ['192.012.2.8/24', v4(24, '192.12.2.0/24', '192.12.2.8/24', true)],
    ['2001:db8:0:0::/64', v6(64, '2001:db8::/64')],
    // TestIsValidInterfaceAddress (its canonical form is `canonical` here)
    ['2001:4860:4860::1/48', v6(48, '2001:4860:4860::/48', '2001:4860:4860::1/48', true)],
    ['2001:0:0:0::0BCD/64', v6(64, '2001::/64', '2001::bcd/64', true)],
    ['1.1.01.002/24', v4(24, '1.1.1.0/24', '1.1.1.2/24', true)],
    ['::ffff:1.1.1.1/24', v6(24, '::/24', '1.1.1.1/24', true)],
    ['::ffff:1.1.1.1/120', v4(24, '1.1.1.0/24', '1.1.1.1/24', true)],
    ['192.168.0.5/016', v4(16, '192.168.0.0/16', '192.168.0.5/16', true)],
    // prefix bounds and masking inside a byte
    ['10.255.255.255/9', v4(9, '10.128.0.0/9', '10.255.255.255/9', true)],
    ['255.255.255.255/0', v4(0, '0.0.0.0/0', '255.255.255.255/0', true)],
    ['ffff::/1', v6(1, '8000::/1', 'ffff::/1', true)],
    ['::ffff:1.2.3.4/96', v4(0, '0.0.0.0/0', '1.2.3.4/0', true)],
    ['::ffff:1.2.3.4/128', v4(32, '1.2.3.4/32')],
    ['::ffff:1.2.3.4/88', v6(88, '::ff00:0:0/88', '1.2.3.4/88', true)],
    ['10.0.0.0/00000008', v4(8, '10.0.0.0/8')],
  ])('parses %j', (text, expected) => {
    const cidr = parseCidr(text);
    expect(cidr).toBeDefined();
    const { ip, ...rest } = cidr as ParsedCidr;
    expect(rest).toEqual(expected);
    expect(ip).toEqual(parseIp(text.slice(0, text.indexOf('/'))));
  });

  it.each([
    // TestIsValidCIDR, bad values
    '',
    'aaaaaaa',
    '1.2.3.4',
    '192.168.0.1/healthz',
    '192.168.0.1/0/99',
    '192.168.0.0/-16',
    '192.168.0.0/+16',
    // TestIsValidService "invalid LoadBalancer source range annotation (invalid CIDR)"
    '1.2.3.4/33',
    // not in the upstream tables
    '::/129',
    '::ffff:1.2.3.4/129',
    '1.2.3.4/',
    '/24',
    '1.2.3.4/ 24',
    '1.2.3.4/24 ',
    ' 1.2.3.4/24',
    '1.2.3.4/2.4',
    '1.2.3.4/0x10',
    'fe80::1%eth0/64',
    'foo.bar/24',
    '1.2.3.400/24',
    '1.2.3.4/99999999999999999999',
  ])('refuses %j', text => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('specialIpReason', () => {
  // ValidateNonSpecialIP (pkg/apis/core/validation) and TestValidateServiceCreate
  // "invalid publicIPs localhost/unspecified/loopback"
  const UNSPECIFIED = 'may not be unspecified (0.0.0.0, ::)';
  const LOOPBACK = 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
  const LINK_LOCAL = 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  const MULTICAST = 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';

  it.each([
    ['0.0.0.0', UNSPECIFIED],
    ['::', UNSPECIFIED],
    ['::ffff:0.0.0.0', UNSPECIFIED],
    ['000.0.0.0', UNSPECIFIED],
    ['127.0.0.1', LOOPBACK],
    ['127.255.255.255', LOOPBACK],
    ['::1', LOOPBACK],
    ['::ffff:127.0.0.1', LOOPBACK],
    ['169.254.0.1', LINK_LOCAL],
    ['169.254.169.254', LINK_LOCAL],
    ['::ffff:169.254.1.1', LINK_LOCAL],
    ['fe80::1', LINK_LOCAL],
    ['febf:ffff::1', LINK_LOCAL],
    ['224.0.0.1', MULTICAST],
    ['224.0.0.255', MULTICAST],
    ['ff02::1', MULTICAST],
    ['ff12::1', MULTICAST],
  ])('errors when the address is %j', (text, reason) => {
    expect(specialIpReason(parseIp(text)!)).toBe(reason);
  });

  it.each([
    '1.2.3.4',
    '10.0.0.1',
    '0.0.0.1',
    '126.255.255.255',
    '128.0.0.1',
    '169.253.255.255',
    '169.255.0.1',
    '224.0.1.1',
    '239.255.255.250',
    '2001:db8::1',
    '::2',
    'fec0::1',
    'fe7f::1',
    'ff05::1',
    'ff01::1',
  ])('accepts %j', text => {
    expect(specialIpReason(parseIp(text)!)).toBeUndefined();
  });
});
