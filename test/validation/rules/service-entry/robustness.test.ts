import { validateManifests } from '../../../../src/validation/engine';
import { serviceEntry } from './helpers';
import { gateway } from '../gateway/helpers';

// Untrusted input: values of the wrong shape are skipped (the schema reports them), never thrown on.

const WEIRD: unknown[] = [null, 7, 'x', [], [null, 3, 'a', []], {}, { __proto__: 1 }, JSON.parse('{"__proto__": {"a": 1}}')];

describe('Gateway and ServiceEntry rules on malformed input', () => {
  it.each(WEIRD.map(value => ({ value })))('do not throw on $value', ({ value }) => {
    const gateways = [gateway(value), gateway({ servers: value }), gateway({ servers: [{ port: value, hosts: value, tls: value, bind: value }] }),
      gateway({ servers: [{ port: { number: 443, name: 'h', protocol: 'HTTPS' }, hosts: ['a.com'], tls: { mode: value, tlsCertificates: value, cipherSuites: value, credentialNames: value } }] })];
    const entries = [serviceEntry(value), serviceEntry({ hosts: value, ports: value, endpoints: value, addresses: value, workloadSelector: value, exportTo: value, resolution: 'STATIC' }),
      serviceEntry({ hosts: ['a.com'], resolution: 'DNS', ports: [value], endpoints: [{ address: value, ports: value, labels: value }], workloadSelector: { labels: value } })];
    expect(() => validateManifests([...gateways, ...entries])).not.toThrow();
  });

  it('checks 5,000 ports and endpoints', () => {
    const ports = Array.from({ length: 5000 }, (_, i) => ({ number: (i % 65535) + 1, name: `p${i}`, protocol: 'HTTP' }));
    const endpoints = Array.from({ length: 5000 }, (_, i) => ({ address: `10.0.${i >> 8}.${i & 255}`, ports: { [`p${i}`]: 80 } }));
    validateManifests([serviceEntry({ hosts: ['a.com'], resolution: 'STATIC', ports, endpoints })]);
  });
});
