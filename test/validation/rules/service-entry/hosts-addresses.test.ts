import { Case, CleanCase, expectClean, expectFindings, serviceEntry, withSpec } from './helpers';

// Upstream cases: TestValidateServiceEntries (pkg/config/validation/validation_test.go).

describe('SE001 hosts-required', () => {
  const clean: CleanCase[] = [{ name: 'one host', manifest: withSpec({}) }];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE001', manifest));

  const invalid: Case[] = [
    // TestValidateServiceEntries "empty hosts", "discovery type DYNAMIC_DNS, empty hosts"
    { name: 'hosts is missing', manifest: serviceEntry({ ports: [{ number: 80, name: 'http' }], resolution: 'DNS' }),
      expected: [{ path: 'spec.hosts', message: 'service entry must have at least one host' }] },
    { name: 'hosts is empty', manifest: withSpec({ hosts: [], resolution: 'DYNAMIC_DNS' }), expected: [{ path: 'spec.hosts', message: 'at least one host' }] },
    { name: 'there are 257 hosts', manifest: withSpec({ hosts: Array.from({ length: 257 }, (_, i) => `h${i}.example.com`) }),
      expected: [{ path: 'spec.hosts', message: 'spec.hosts has 257 entries, at most 256 are allowed' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE001', manifest, expected));
});

describe('SE002 host-format', () => {
  const clean: CleanCase[] = [
    // TestValidateServiceEntries "short name host"
    { name: 'a short name', manifest: withSpec({ hosts: ['foo', 'bar.com'], endpoints: [{ address: 'in.google.com' }] }) },
    { name: 'a wildcard domain', manifest: withSpec({ hosts: ['*.google.com'], endpoints: [{ address: 'in.google.com' }] }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE002', manifest));

  const invalid: Case[] = [
    // TestValidateServiceEntries "full wildcard host", "bad hosts"
    { name: 'a host is *', manifest: withSpec({ hosts: ['foo.com', '*'] }), expected: [{ path: 'spec.hosts[1]', message: 'invalid host *' }] },
    { name: 'a host is -', manifest: withSpec({ hosts: ['-'] }), expected: [{ path: 'spec.hosts[0]', message: 'host "-" is invalid: domain name "-" invalid (label "-" invalid)' }] },
    { name: 'a host is all-numeric', manifest: withSpec({ hosts: ['10.0.0.1'] }), expected: [{ path: 'spec.hosts[0]', message: 'cannot be all-numeric' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE002', manifest, expected));
});

describe('SE003 partial-wildcard-host', () => {
  const clean: CleanCase[] = [
    { name: 'a whole-label wildcard', manifest: withSpec({ hosts: ['*.nytimes.com'], resolution: 'NONE' }) },
    { name: 'a partial wildcard with DYNAMIC_DNS', manifest: withSpec({ hosts: ['*washingtonpost.com'], resolution: 'DYNAMIC_DNS' }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE003', manifest));

  const invalid: Case[] = [
    // TestValidateServiceEntries "partial wildcard hosts"
    { name: 'a host is a partial wildcard', manifest: withSpec({ hosts: ['*.nytimes.com', '*washingtonpost.com'], resolution: 'NONE' }),
      expected: [{ path: 'spec.hosts[1]', message: 'partial wildcard "*washingtonpost.com" not allowed' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => expectFindings('SE003', manifest, expected));
});

describe('SE004 addresses', () => {
  const clean: CleanCase[] = [
    // TestValidateServiceEntries "discovery type static", "discovery type none, cidr addresses"
    { name: 'IPs and CIDR blocks', manifest: withSpec({ resolution: 'NONE', addresses: ['172.1.2.16', '172.1.2.16/16', '2001:db8::/32', '::ffff:10.0.0.1'] }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE004', manifest));

  const invalid: Case[] = [
    { name: 'an address is a name', manifest: withSpec({ addresses: ['db.example.com'] }), expected: [{ path: 'spec.addresses[0]', message: '"db.example.com" is not a valid IP' }] },
    { name: 'a prefix length has a leading zero', manifest: withSpec({ resolution: 'NONE', addresses: ['10.0.0.0/08'] }), expected: [{ path: 'spec.addresses[0]', message: '"10.0.0.0/08" is not a valid CIDR block' }] },
    { name: 'an octet has a leading zero', manifest: withSpec({ addresses: ['10.0.0.01'] }), expected: [{ path: 'spec.addresses[0]', message: '"10.0.0.01" is not a valid IP' }] },
    { name: 'a CIDR has a zone', manifest: withSpec({ resolution: 'NONE', addresses: ['fe80::1%eth0/64'] }), expected: [{ path: 'spec.addresses[0]', message: 'is not a valid CIDR block' }] },
    { name: 'an address is too long', manifest: withSpec({ addresses: ['0:0:0:0:0:0:0:1%a-very-long-zone-name-that-goes-on-and-on-forever'] }), expected: [{ path: 'spec.addresses[0]', message: 'is longer than 64 characters' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE004', manifest, expected));
});

describe('SE005 cidr-resolution', () => {
  const clean: CleanCase[] = [
    // TestValidateServiceEntries "discovery type none, cidr addresses", "discovery type static, cidr addresses with endpoints"
    { name: 'a CIDR with NONE', manifest: withSpec({ resolution: 'NONE', addresses: ['172.1.2.16/16'] }) },
    { name: 'a CIDR with STATIC', manifest: withSpec({ resolution: 'STATIC', addresses: ['172.1.2.16/16'], endpoints: [{ address: '1.1.1.1' }] }) },
    { name: 'a single IP with DNS', manifest: withSpec({ addresses: ['10.10.10.10'] }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE005', manifest));

  const invalid: Case[] = [
    { name: 'a CIDR with DNS', manifest: withSpec({ addresses: ['10.0.0.1', '10.0.0.0/8'] }),
      expected: [{ path: 'spec.addresses[1]', message: 'CIDR addresses are allowed only for NONE/STATIC resolution types: "10.0.0.0/8" is a CIDR block and the resolution is DNS' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE005', manifest, expected));
});
