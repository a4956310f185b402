import { JsonObject } from '../../../../src/validation/manifest';
import { ruleTable } from './helpers';

/** A spec whose ports are `ports`. */
const withPorts = (...ports: unknown[]): JsonObject => ({ ports });
/** A spec with one port `80` plus the given fields. */
const port = (fields: JsonObject): JsonObject => withPorts({ port: 80, ...fields });

describe('SVC005 ports-required', () => {
  ruleTable('SVC005', [
    { name: 'one port', spec: {} },
    // TestValidateServiceCreate "missing ports but headless"
    { name: 'a headless service without ports', spec: { clusterIP: 'None', ports: undefined } },
    { name: 'a headless service (clusterIPs) without ports', spec: { clusterIP: 'None', clusterIPs: ['None'], ports: [] } },
    { name: 'an ExternalName service without ports', spec: { type: 'ExternalName', externalName: 'example.com', ports: undefined, selector: undefined } },
    { name: 'an unknown type without ports (SVC001 reports the type)', spec: { type: 'Foo', ports: undefined } },
  ], [
    // TestValidateServiceCreate "missing ports"
    { name: 'a ClusterIP service has no ports', spec: { ports: undefined }, expected: [{ path: 'spec.ports', message: 'a ClusterIP service needs at least one port in spec.ports: only headless services (clusterIP: None) and ExternalName services may have none' }] },
    { name: 'the port list is empty', spec: { ports: [] }, expected: [{ path: 'spec.ports', message: 'a ClusterIP service needs at least one port' }] },
    { name: 'a NodePort service has no ports', spec: { type: 'NodePort', ports: undefined }, expected: [{ path: 'spec.ports', message: 'a NodePort service needs at least one port' }] },
    { name: 'ports is null on a NodePort service with a fixed cluster IP', spec: { type: 'NodePort', clusterIP: '10.0.0.10', ports: null }, expected: [{ path: 'spec.ports', message: 'a NodePort service needs' }] },
    { name: 'ports is an object', spec: { ports: { port: 80 } }, expected: [{ path: 'spec.ports', message: 'ports must be a list of ports, got an object' }] },
  ]);
});

describe('SVC006 port-name-required', () => {
  ruleTable('SVC006', [
    // TestValidateServiceCreate "empty port[0] name": a single port may be unnamed
    { name: 'a single unnamed port', spec: {} },
    { name: 'two named ports', spec: withPorts({ name: 'http', port: 80 }, { name: 'https', port: 443 }) },
  ], [
    {
      name: 'the second of two ports has no name ("empty port[1] name")',
      spec: withPorts({ name: 'http', port: 80 }, { port: 12345 }),
      expected: [{ path: 'spec.ports[1].name', message: 'port name is required when a service has more than one port (this service has 2)' }],
    },
    {
      name: 'the first of two ports has no name ("empty multi-port port[0] name")',
      spec: withPorts({ name: '', port: 80 }, { name: 'p', port: 12345 }),
      expected: [{ path: 'spec.ports[0].name', message: 'port name is required' }],
    },
    {
      name: 'no port of three is named',
      spec: withPorts({ port: 80 }, { port: 81 }, { port: 82, name: null }),
      expected: [0, 1, 2].map(i => ({ path: `spec.ports[${i}].name`, message: 'this service has 3' })),
    },
  ]);
});

describe('SVC007 port-name-format', () => {
  ruleTable('SVC007', [
    { name: 'a simple name', spec: port({ name: 'http' }) },
    { name: 'an all-digit name (a DNS-1123 label, not an IANA name)', spec: port({ name: '123' }) },
    { name: 'a name starting with a digit', spec: port({ name: '8080-tcp' }) },
    { name: 'a 63-character name', spec: port({ name: 'a'.repeat(63) }) },
    { name: 'an empty name (SVC006 decides if one is needed)', spec: port({ name: '' }) },
  ], [
    // TestValidateServiceCreate "invalid port name"
    { name: 'the name has upper case', spec: port({ name: 'INVALID' }), expected: [{ path: 'spec.ports[0].name', message: 'port name "INVALID" must be a lowercase RFC 1123 label' }] },
    { name: 'the name is 64 characters long', spec: port({ name: 'a'.repeat(64) }), expected: [{ path: 'spec.ports[0].name', message: 'must be no more than 63 characters' }] },
    { name: 'the name has a dot', spec: port({ name: 'my.port' }), expected: [{ path: 'spec.ports[0].name', message: 'port name "my.port" must not contain dots' }] },
    { name: 'the name starts with a hyphen', spec: port({ name: '-http' }), expected: [{ path: 'spec.ports[0].name', message: 'must be a lowercase RFC 1123 label' }] },
    { name: 'the name is a number', spec: port({ name: 80 }), expected: [{ path: 'spec.ports[0].name', message: 'port name must be a string, got a number 80' }] },
  ]);
});

describe('SVC008 port-name-unique', () => {
  ruleTable('SVC008', [
    { name: 'distinct names', spec: withPorts({ name: 'p', port: 80 }, { name: 'q', port: 81 }) },
  ], [
    {
      // TestValidateServiceCreate "dup port name"
      name: 'two ports share a name',
      spec: withPorts({ name: 'p', port: 80 }, { name: 'p', port: 12345 }),
      expected: [{ path: 'spec.ports[1].name', message: 'port name "p" is already used by spec.ports[0]: port names must be unique' }],
    },
    {
      name: 'three ports share a name',
      spec: withPorts({ name: 'p', port: 80 }, { name: 'p', port: 81 }, { name: 'p', port: 82 }),
      expected: [
        { path: 'spec.ports[1].name', message: 'already used by spec.ports[0]' },
        { path: 'spec.ports[2].name', message: 'already used by spec.ports[0]' },
      ],
    },
  ]);
});

describe('SVC009 port-number', () => {
  ruleTable('SVC009', [
    { name: 'port 1', spec: port({ port: 1 }) },
    { name: 'port 65535', spec: port({ port: 65535 }) },
  ], [
    { name: 'the port is missing', spec: withPorts({ targetPort: 80 }), expected: [{ path: 'spec.ports[0].port', message: 'port is required: the number the service listens on, between 1 and 65535' }] },
    // TestValidateServiceCreate "missing port" (port 0) and "invalid port" (65536)
    { name: 'the port is 0', spec: port({ port: 0 }), expected: [{ path: 'spec.ports[0].port', message: 'port 0 must be between 1 and 65535, inclusive' }] },
    { name: 'the port is 65536', spec: port({ port: 65536 }), expected: [{ path: 'spec.ports[0].port', message: 'port 65536 must be between 1 and 65535, inclusive' }] },
    { name: 'the port has a fraction', spec: port({ port: 80.5 }), expected: [{ path: 'spec.ports[0].port', message: 'port 80.5 must be a whole number between 1 and 65535' }] },
    {
      name: 'the port is a quoted number',
      spec: port({ port: '80' }),
      expected: [{ path: 'spec.ports[0].port', message: 'port "80" is a string: numbers must be written as numbers, between 1 and 65535 (port: 80)' }],
    },
    { name: 'the port is a boolean', spec: port({ port: true }), expected: [{ path: 'spec.ports[0].port', message: 'port must be a number between 1 and 65535, got a boolean true' }] },
    { name: 'a port entry is a string', spec: withPorts('80'), expected: [{ path: 'spec.ports[0]', message: 'each port must be an object such as {port: 80}, got a string "80"' }] },
    { name: 'a port entry is null', spec: withPorts({ port: 80 }, null), expected: [{ path: 'spec.ports[1]', message: 'got null' }] },
  ]);
});

describe('SVC010 port-protocol', () => {
  ruleTable('SVC010', [
    // "missing protocol" upstream is post-defaulting: absent becomes TCP
    { name: 'an absent protocol', spec: {} },
    { name: 'an empty protocol', spec: port({ protocol: '' }) },
    { name: 'TCP', spec: port({ protocol: 'TCP' }) },
    { name: 'UDP ("valid 2")', spec: port({ protocol: 'UDP' }) },
    { name: 'SCTP', spec: port({ protocol: 'SCTP' }) },
  ], [
    // TestValidateServiceCreate "invalid protocol"
    { name: 'the protocol is unknown', spec: port({ protocol: 'INVALID' }), expected: [{ path: 'spec.ports[0].protocol', message: 'protocol "INVALID" is not supported: must be TCP, UDP or SCTP' }] },
    { name: 'the protocol is lower case', spec: port({ protocol: 'tcp' }), expected: [{ path: 'spec.ports[0].protocol', message: 'values are case-sensitive: did you mean "TCP"?' }] },
    { name: 'the protocol is an application protocol', spec: port({ protocol: 'HTTP' }), expected: [{ path: 'spec.ports[0].protocol', message: 'protocol "HTTP" is not supported' }] },
    { name: 'the protocol is a number', spec: port({ protocol: 6 }), expected: [{ path: 'spec.ports[0].protocol', message: 'protocol must be a string' }] },
  ]);
});

describe('SVC011 target-port', () => {
  ruleTable('SVC011', [
    { name: 'an absent targetPort (defaulted to port)', spec: port({}) },
    { name: 'targetPort 0 (defaulted to port)', spec: port({ targetPort: 0 }) },
    { name: 'an empty targetPort (defaulted to port)', spec: port({ targetPort: '' }) },
    { name: 'a numbered targetPort', spec: port({ targetPort: 8080 }) },
    { name: 'targetPort 65535', spec: port({ targetPort: 65535 }) },
    // TestValidateServiceCreate "valid 3"
    { name: 'a named targetPort', spec: port({ targetPort: 'http' }) },
    { name: 'a 15-character name', spec: port({ targetPort: 'a'.repeat(15) }) },
    // "invalid port headless 1" / "2": tolerated in v1
    { name: 'a headless service whose targetPort differs from port', spec: { clusterIP: 'None', ports: [{ port: 11722, targetPort: 11721 }] } },
    { name: 'a headless service with a named targetPort', spec: { clusterIP: 'None', ports: [{ port: 11722, targetPort: 'target' }] } },
  ], [
    // TestValidateServiceCreate "invalid TargetPort int"
    { name: 'the number is too large', spec: port({ targetPort: 65536 }), expected: [{ path: 'spec.ports[0].targetPort', message: 'targetPort 65536 must be between 1 and 65535, inclusive' }] },
    { name: 'the number is negative', spec: port({ targetPort: -1 }), expected: [{ path: 'spec.ports[0].targetPort', message: 'targetPort -1 must be between 1 and 65535' }] },
    { name: 'the number has a fraction', spec: port({ targetPort: 80.5 }), expected: [{ path: 'spec.ports[0].targetPort', message: 'targetPort 80.5 must be a whole number between 1 and 65535' }] },
    {
      name: 'the number is quoted',
      spec: port({ targetPort: '8080' }),
      expected: [{
        path: 'spec.ports[0].targetPort',
        message: 'targetPort "8080" is a string, so Kubernetes reads it as a container port name, and a port name needs at least one letter: write the number without quotes (targetPort: 8080)',
      }],
    },
    { name: 'the name has upper case', spec: port({ targetPort: 'HTTP' }), expected: [{ path: 'spec.ports[0].targetPort', message: 'targetPort "HTTP" is not a valid port name: must contain only alpha-numeric characters' }] },
    { name: 'the name is 16 characters long', spec: port({ targetPort: 'a'.repeat(16) }), expected: [{ path: 'spec.ports[0].targetPort', message: 'must be no more than 15 characters' }] },
    { name: 'the name has a double hyphen', spec: port({ targetPort: 'my--port' }), expected: [{ path: 'spec.ports[0].targetPort', message: 'must not contain consecutive hyphens' }] },
    { name: 'the targetPort is a boolean', spec: port({ targetPort: true }), expected: [{ path: 'spec.ports[0].targetPort', message: 'targetPort must be a port number (1-65535) or a container port name, got a boolean true' }] },
  ]);
});

describe('SVC012 app-protocol', () => {
  ruleTable('SVC012', [
    { name: 'an IANA name', spec: port({ appProtocol: 'http' }) },
    { name: 'an upper-case IANA name', spec: port({ appProtocol: 'HTTP' }) },
    { name: 'a Kubernetes-defined protocol', spec: port({ appProtocol: 'kubernetes.io/h2c' }) },
    { name: 'a prefixed protocol', spec: port({ appProtocol: 'mycompany.com/my-custom-protocol' }) },
  ], [
    { name: 'appProtocol is empty', spec: port({ appProtocol: '' }), expected: [{ path: 'spec.ports[0].appProtocol', message: 'appProtocol "" is not a valid qualified name (such as "http" or "example.com/proto"): name part must be non-empty' }] },
    { name: 'the prefix has upper case', spec: port({ appProtocol: 'Example.com/proto' }), expected: [{ path: 'spec.ports[0].appProtocol', message: 'prefix part must be a lowercase RFC 1123 subdomain' }] },
    { name: 'appProtocol has two slashes', spec: port({ appProtocol: 'a/b/c' }), expected: [{ path: 'spec.ports[0].appProtocol', message: 'appProtocol "a/b/c" is not a valid qualified name' }] },
    { name: 'appProtocol has a space', spec: port({ appProtocol: 'my proto' }), expected: [{ path: 'spec.ports[0].appProtocol', message: 'name part must consist of alphanumeric characters' }] },
    { name: 'appProtocol is a number', spec: port({ appProtocol: 2 }), expected: [{ path: 'spec.ports[0].appProtocol', message: 'appProtocol must be a string, got a number 2' }] },
  ]);
});

describe('SVC016 port-protocol-unique', () => {
  ruleTable('SVC016', [
    // TestValidateServiceCreate "valid duplicate ports (with different protocols)"
    { name: 'one port number with different protocols', spec: withPorts({ name: 'q', port: 12345, protocol: 'TCP' }, { name: 'r', port: 12345, protocol: 'UDP' }) },
    { name: 'one port number with TCP, UDP and SCTP', spec: withPorts({ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'UDP' }, { name: 'c', port: 53, protocol: 'SCTP' }) },
    { name: 'different port numbers', spec: withPorts({ name: 'a', port: 80 }, { name: 'b', port: 81 }) },
  ], [
    {
      // TestValidateServiceCreate "invalid duplicate ports (with same protocol)"
      name: 'a port number repeats with the same protocol',
      spec: withPorts({ name: 'q', port: 12345, protocol: 'TCP', targetPort: 8080 }, { name: 'r', port: 12345, protocol: 'TCP', targetPort: 80 }),
      expected: [{ path: 'spec.ports[1].port', message: 'port 12345 with protocol TCP is already defined by spec.ports[0]: each port and protocol pair must be unique' }],
    },
    {
      name: 'a port number repeats with the default protocol',
      spec: withPorts({ name: 'a', port: 80, protocol: 'TCP' }, { name: 'b', port: 80 }),
      expected: [{ path: 'spec.ports[1].port', message: 'must be unique (protocol defaults to TCP)' }],
    },
  ]);
});
