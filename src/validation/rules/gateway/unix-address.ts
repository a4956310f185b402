/**
 * Unix domain socket addresses (`ValidateUnixAddress`), used by Gateway binds and
 * ServiceEntry endpoints written as `unix://<path>`.
 */
import { show } from '../../manifest';

/**
 * `ValidateUnixAddress` on what follows `unix://`: not empty, and either an abstract socket
 * (`@name`) or an absolute path that does not end with `/`. Returns the problem, or undefined.
 */
export function unixAddressProblem(address: string): string | undefined {
  if (address === '') return 'unix address must not be empty';
  if (address.startsWith('@')) return undefined;
  if (!address.startsWith('/') || address.endsWith('/')) return `${show(address)} is not an absolute path to a file`;
  return undefined;
}
