import { Severity } from './diagnostic';

/** A check only the constructs can make (it concerns their inputs, not a manifest). */
export interface ConstructCheck {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly description: string;
}

/** Checks the constructs run at synth besides the manifest rules; listed for the rule catalogue. */
export const CONSTRUCT_CHECKS: readonly ConstructCheck[] = [
  { code: 'SEL001', name: 'selector-expressible', severity: Severity.ERROR, description: 'a workload or pod selector with match expressions other than a single-valued In cannot become a Service selector (label equality only)' },
  { code: 'SEL002', name: 'selector-namespace', severity: Severity.ERROR, description: 'a Service selects pods in its own namespace only; the selected workload or pod selector is elsewhere' },
  { code: 'SEL003', name: 'selector-empty', severity: Severity.ERROR, description: 'the workload has no pod labels to select its pods by' },
  { code: 'SEL004', name: 'selector-conflict', severity: Severity.ERROR, description: 'combined selectors require two values for one label key, so no pod can match' },
  { code: 'SEL005', name: 'selector-pod-template', severity: Severity.ERROR, description: 'the construct given as a workload renders no pod template (no workload, Pod or ApiObject with spec.template to select pods from)' },
  { code: 'CAN001', name: 'canary-service-reaches-workloads', severity: Severity.ERROR, description: 'the Service of a Canary selects the pods of both its stable and its canary workload, in its own namespace: a selector copied from one workload (app and version) never reaches the other' },
  { code: 'DR091', name: 'subset-workload-indistinct', severity: Severity.ERROR, description: 'a DestinationRule subset taken from a workload has pod labels that tell it apart from the rule\'s other workload subsets (labels all the workloads share, such as app, are dropped; what is left, such as version, selects the subset)' },
  { code: 'EPS023', name: 'endpoint-port-underivable', severity: Severity.ERROR, description: 'an EndpointSlice cannot derive its port from a Service port whose targetPort is a container port name; give explicit ports' },
  { code: 'EPS024', name: 'endpoint-port-unmatched', severity: Severity.ERROR, description: 'an EndpointSlice port matches no Service port by name and protocol, so no Service traffic reaches it' },
  { code: 'EPS025', name: 'endpoint-slice-service-mismatch', severity: Severity.ERROR, description: "an EndpointSlice's namespace or service-name label disagrees with its Service" },
  { code: 'TRF000', name: 'internal-error', severity: Severity.ERROR, description: 'a rule could not check an object (a bug in this library: please report it)' },
  { code: 'TRF001', name: 'manifest-is-object', severity: Severity.ERROR, description: 'a manifest must be a mapping with apiVersion, kind and metadata' },
  { code: 'TRF002', name: 'renderable', severity: Severity.ERROR, description: 'a generated object could not be rendered at synth' },
  { code: 'TRF003', name: 'manifest-size', severity: Severity.ERROR, description: 'a manifest holds at most 2,000,000 values, counting shared (aliased) parts at every place they appear, and nests at most 1,000 levels deep; a larger one is reported and not checked, so that no input can make validation take exponential time' },
  { code: 'TRF004', name: 'api-argument', severity: Severity.ERROR, description: 'validateManifests() and formatDiagnostic() are given what they expect (a list of manifests, an options object with values of the right types, a diagnostic); thrown as a TrafficValidationError naming what was expected' },
  { code: 'TRF010', name: 'cluster-domain', severity: Severity.ERROR, description: 'the cluster DNS domain given to a Service is not a DNS subdomain (thrown when the Service is created)' },
  { code: 'TRF011', name: 'expose-unique-name', severity: Severity.ERROR, description: 'expose() was asked for a Service name or construct id already used in the workload\'s scope (thrown when the Service is created)' },
  { code: 'TRF012', name: 'value-kind', severity: Severity.ERROR, description: 'a value given to a construct does not fit the types of its API, as JavaScript or another jsii language can pass it: a list where a list is expected (ports, hosts, routes), a mapping where a mapping is expected (props, metadata, labels), a string, a number, a value of the enum, a typed value (a TargetPort, StringMatch, Destination, Percent, Duration...), a required field; checked when the construct is created or a value added (against the types the package\'s jsii assembly declares) and again where a typed value is rendered; the message names the construct, the field path, the value and the builder or form to use' },
  { code: 'TRF013', name: 'percent-range', severity: Severity.ERROR, description: 'Percent.of() takes a number from 0 to 100 (thrown when the Percent is created; where it is used adds its own rules, such as VS054 for fault percentages)' },
];
