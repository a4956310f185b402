/**
 * `servers[].bind`: an IP address, or a Unix domain socket `unix://<absolute path or @name>`
 * with port number 0 (validateServerBind, ValidateUnixAddress, agent.ValidateIPAddress).
 */
import { Severity } from '../../diagnostic';
import { GATEWAY } from '../../kinds';
import { show, valueAt } from '../../manifest';
import { ManifestRule } from '../../rule';
import { isGoIpAddress } from '../../format/netip';
import { objectServers, UNIX_PREFIX } from './shape';
import { unixAddressProblem } from './unix-address';

export const serverBindRule: ManifestRule = {
  code: 'GW011',
  name: 'server-bind',
  severity: Severity.ERROR,
  appliesTo: GATEWAY,
  description: 'bind is an IP address or unix://<absolute path or @abstract name>, and a unix:// bind has port number 0 (validateServerBind, ValidateUnixAddress, agent.ValidateIPAddress)',
  upstream: ['IST0106'],
  check(manifest, context) {
    for (const { bind, port, path } of objectServers(manifest)) {
      if (bind === '') continue;
      const at = `${path}.bind`;
      if (!bind.startsWith(UNIX_PREFIX)) {
        if (!isGoIpAddress(bind)) {
          context.report(at, `${show(bind)} is not a valid IP: bind takes the IP address to listen on (for example 0.0.0.0 or 10.0.0.5) or a unix:///path/to/socket`, bind);
        }
        continue;
      }
      const problem = unixAddressProblem(bind.slice(UNIX_PREFIX.length));
      if (problem) context.report(at, `bind ${show(bind)}: ${problem}: write unix:///absolute/path or unix://@abstract-name`, bind);
      const number = valueAt(port, 'number');
      if (typeof number === 'number' && number !== 0) {
        context.report(`${path}.port.number`,
          `port number must be 0 for unix domain socket (got ${number}, bind ${show(bind)}): a server bound to a socket has no port; set port.number to 0`,
          number);
      }
    }
  },
};

export const BIND_RULES: readonly ManifestRule[] = [serverBindRule];
