import { ruleTable } from './helpers';

const path = 'spec.externalIPs[0]';

describe('SVC026 external-ips', () => {
  ruleTable('SVC026', [
    // TestValidateServiceCreate "valid publicIPs"
    { name: 'a public IPv4 address', spec: { externalIPs: ['1.2.3.4'] } },
    { name: 'a private IPv4 address', spec: { externalIPs: ['192.168.1.10'] } },
    { name: 'an IPv6 address', spec: { externalIPs: ['2001:db8::1'] } },
    { name: 'an empty list', spec: { externalIPs: [] } },
  ], [
    // TestValidateServiceCreate "invalid publicIPs localhost" / "loopback" / "unspecified" / "host"
    { name: 'the address is loopback', spec: { externalIPs: ['127.0.0.1'] }, expected: [{ path, message: 'externalIPs[0] "127.0.0.1" may not be in the loopback range (127.0.0.0/8, ::1/128)' }] },
    { name: 'the address is unspecified', spec: { externalIPs: ['0.0.0.0'] }, expected: [{ path, message: 'externalIPs[0] "0.0.0.0" may not be unspecified' }] },
    { name: 'the address is a host name', spec: { externalIPs: ['myhost.mydomain'] }, expected: [{ path, message: 'externalIPs[0] "myhost.mydomain" is not a valid IP address' }] },
    { name: 'the address is link-local', spec: { externalIPs: ['169.254.169.254'] }, expected: [{ path, message: 'may not be in the link-local range' }] },
    { name: 'the address is link-local multicast', spec: { externalIPs: ['224.0.0.1'] }, expected: [{ path, message: 'may not be in the link-local multicast range' }] },
    { name: 'the address is IPv6 loopback', spec: { externalIPs: ['::1'] }, expected: [{ path, message: 'may not be in the loopback range' }] },
    { name: 'the address is IPv6 link-local', spec: { externalIPs: ['fe80::1'] }, expected: [{ path, message: 'may not be in the link-local range' }] },
    { name: 'the address is empty', spec: { externalIPs: [''] }, expected: [{ path, message: 'externalIPs[0] "" is not a valid IP address' }] },
    {
      name: 'the second address is a CIDR',
      spec: { externalIPs: ['1.2.3.4', '1.2.3.0/24'] },
      expected: [{ path: 'spec.externalIPs[1]', message: 'externalIPs[1] "1.2.3.0/24" is not a valid IP address' }],
    },
    { name: 'the address is a number', spec: { externalIPs: [1234] }, expected: [{ path, message: 'externalIPs[0] must be a string IP address, got a number 1234' }] },
    { name: 'externalIPs is a string', spec: { externalIPs: '1.2.3.4' }, expected: [{ path: 'spec.externalIPs', message: 'externalIPs must be a list of IP addresses, got a string' }] },
  ]);
});
