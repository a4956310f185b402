import { Case, CleanCase, expectClean, expectFindings, withSpec } from './helpers';

// Upstream cases: TestValidateServiceEntries (pkg/config/validation/validation_test.go).

function ports(...list: unknown[]) {
  return withSpec({ ports: list });
}

describe('SE006 port-not-null', () => {
  it('accepts ports', () => expectClean('SE006', ports({ number: 80, name: 'http' })));
  // TestValidateServiceEntries "nil port in ports array"
  it('errors when a port is null', () => expectFindings('SE006', ports({ number: 80, name: 'http' }, null), [{ path: 'spec.ports[1]', message: 'service entry port may not be null' }]));
});

describe('SE007 port-name', () => {
  const clean: CleanCase[] = [{ name: 'upper case', manifest: ports({ number: 80, name: 'Http-Valid1' }) }];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE007', manifest));

  const invalid: Case[] = [
    { name: 'a name is missing', manifest: ports({ number: 80 }), expected: [{ path: 'spec.ports[0].name', message: 'port name is required' }] },
    { name: 'a name has an underscore or is empty', manifest: ports({ number: 80, name: 'http_1' }, { number: 81, name: '' }),
      expected: [{ path: 'spec.ports[0].name', message: 'invalid port name: "http_1"' }, { path: 'spec.ports[1].name', message: 'invalid port name: ""' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE007', manifest, expected));
});

describe('SE008 duplicate-port-names and SE010 duplicate-port-numbers', () => {
  // TestValidateServiceEntries "discovery type none, conflicting port names", "... conflicting port numbers"
  it('errors when a name repeats', () => expectFindings('SE008', ports({ number: 80, name: 'http-conflict' }, { number: 8080, name: 'http-conflict' }),
    [{ path: 'spec.ports[1].name', message: 'service entry port name "http-conflict" already defined (by spec.ports[0])' }]));
  it('errors when a number repeats', () => expectFindings('SE010', ports({ number: 80, name: 'a' }, { number: 80, name: 'b' }),
    [{ path: 'spec.ports[1].number', message: 'service entry port 80 already defined (by spec.ports[0])' }]));
  it('accepts distinct names and numbers', () => {
    const manifest = ports({ number: 80, name: 'a' }, { number: 81, name: 'b' });
    expectClean('SE008', manifest);
    expectClean('SE010', manifest);
  });
});

describe('SE009 port-number', () => {
  it('accepts 1 and 65535', () => expectClean('SE009', ports({ number: 1, name: 'a' }, { number: 65535, name: 'b' })));
  const invalid: Case[] = [
    { name: 'a number is missing', manifest: ports({ name: 'http' }), expected: [{ path: 'spec.ports[0].number', message: 'port number is required' }] },
    { name: 'a number is 0 or 65536', manifest: ports({ number: 0, name: 'a' }, { number: 65536, name: 'b' }),
      expected: [{ path: 'spec.ports[0].number', message: 'port number 0 must be in the range 1..65535' }, { path: 'spec.ports[1].number', message: 'port number 65536 must be' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE009', manifest, expected));
});

describe('SE011 target-port', () => {
  // TestValidateServiceEntries "repeat target port", "valid target port"
  it('accepts target ports, repeated too', () => expectClean('SE011', ports({ number: 80, name: 'a', targetPort: 80 }, { number: 81, name: 'b', targetPort: 80 })));
  const invalid: Case[] = [
    // TestValidateServiceEntries "invalid target port"
    { name: 'a target port is 65536', manifest: ports({ number: 80, name: 'a', targetPort: 65536 }), expected: [{ path: 'spec.ports[0].targetPort', message: 'port number 65536 must be in the range 1..65535' }] },
    { name: 'a target port is 0 (the CRD refuses it)', manifest: ports({ number: 80, name: 'a', targetPort: 0 }), expected: [{ path: 'spec.ports[0].targetPort', message: 'targetPort 0 is refused by the CRD' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('SE011', manifest, expected));
});

describe('SE012 port-protocol', () => {
  // TestValidateServiceEntries "empty protocol"
  it('accepts a known protocol in any case, or none', () => expectClean('SE012', ports({ number: 80, name: 'a', protocol: 'http' }, { number: 81, name: 'b' }, { number: 82, name: 'c', protocol: '' })));
  it('errors when a protocol is unknown', () => expectFindings('SE012', ports({ number: 80, name: 'a', protocol: 'kafka' }),
    [{ path: 'spec.ports[0].protocol', message: 'unsupported protocol: "kafka"' }]));
});

describe('SE013 tcp-ports-need-addresses', () => {
  const tcp = { number: 5432, name: 'tcp-db', protocol: 'TCP' };
  const clean: CleanCase[] = [
    { name: 'a TCP port with DNS resolution (istiod allocates an address)', manifest: withSpec({ ports: [tcp] }) },
    { name: 'a TCP port with addresses', manifest: withSpec({ resolution: 'NONE', addresses: ['10.0.0.1'], ports: [tcp] }) },
    { name: 'a lower-case tcp port (Istio compares exactly)', manifest: withSpec({ resolution: 'NONE', ports: [{ ...tcp, protocol: 'tcp' }] }) },
    { name: 'an HTTP port with resolution NONE', manifest: withSpec({ resolution: 'NONE', ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('SE013', manifest));

  const invalid: Case[] = [
    // TestValidateServiceEntries "protocol unset for addresses empty", "protocol is TCP for addresses empty"
    { name: 'ports without protocol and TCP with resolution NONE',
      manifest: withSpec({ resolution: 'NONE', addresses: [], ports: [{ number: 80, protocol: 'http', name: 'h' }, { number: 8080, name: 'x' }, tcp] }),
      expected: [
        { path: 'spec.ports[1]', message: 'addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled (it is not, because of resolution NONE)' },
        { path: 'spec.ports[2]', message: 'addresses are required' },
      ] },
    { name: 'resolution is unset (NONE)', manifest: withSpec({ resolution: undefined, ports: [tcp] }), expected: [{ path: 'spec.ports[0]', message: 'because of resolution NONE' }] },
    { name: 'the ServiceEntry opts out of auto-allocation', manifest: withSpec({ ports: [tcp] }, { labels: { 'networking.istio.io/enable-autoallocate-ip': 'False' } }),
      expected: [{ path: 'spec.ports[0]', message: 'because of the label networking.istio.io/enable-autoallocate-ip: "false"' }] },
  ];
  it.each(invalid)('warns when $name', ({ manifest, expected }) => expectFindings('SE013', manifest, expected));
});

describe('SE014 resolution-and-location', () => {
  it('accepts known values', () => expectClean('SE014', withSpec({ resolution: 'DNS_ROUND_ROBIN', location: 'MESH_INTERNAL' })));
  it('errors when a value is unknown', () => expectFindings('SE014', withSpec({ resolution: 'dns', location: 'EXTERNAL' }), [
    { path: 'spec.resolution', message: 'unsupported resolution type "dns": use NONE, STATIC, DNS, DNS_ROUND_ROBIN or DYNAMIC_DNS' },
    { path: 'spec.location', message: 'unsupported location "EXTERNAL": use MESH_EXTERNAL or MESH_INTERNAL' },
  ]));
});
