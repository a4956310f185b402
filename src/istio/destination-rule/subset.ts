import { IConstruct } from 'constructs';
import { TrafficValidationError } from '../../validation/errors';
import { isIstioLabel } from '../../validation/format/istio-host';

/** Why a subset name is refused, or undefined when it is a valid one. */
function subsetNameProblem(name: string): string | undefined {
  return isIstioLabel(name) ? undefined
    : `subset ${JSON.stringify(name)} must be a DNS label: letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`;
}

/**
 * A subset of a host's endpoints, as a route names it (`Destination.service(svc, { subset })`).
 *
 * Take it from the DestinationRule that defines it (`const v2 = rule.addSubset('v2', ...)`),
 * so a misspelt subset cannot compile; `Subset.named('v2')` names a subset defined elsewhere
 * (another app, a DestinationRule not written with this library).
 */
export class Subset {
  /**
   * A subset by name, defined by a DestinationRule outside this app or not written with
   * this library.
   *
   * @param name the subset's name, a DNS label such as `v2`
   */
  public static named(name: string): Subset {
    const problem = subsetNameProblem(name);
    if (problem !== undefined) throw new TrafficValidationError('VS036', problem);
    return new Subset(name, undefined);
  }

  /**
   * A subset a DestinationRule construct defines.
   * @internal
   */
  public static _ofRule(name: string, rule: IConstruct): Subset {
    const problem = subsetNameProblem(name);
    if (problem !== undefined) throw new TrafficValidationError('DR004', `[${rule.node.path}] ${problem}`);
    return new Subset(name, rule);
  }

  private constructor(
    /** The subset's name. */
    public readonly name: string,
    /** The DestinationRule construct that defines the subset, when it is one of this app. */
    public readonly destinationRule: IConstruct | undefined,
  ) {}
}
