import { checkExportTo, ExportToOptions } from '../../../../src/validation/rules/istio-common/export-to';
import { collect, Expected, expectReported } from './helpers';

// Upstream: Test_validateExportTo (pkg/config/validation/validation_test.go), adapted: each
// row names the message the webhook returns, not only whether it fails.

function run(exportTo: unknown, options?: ExportToOptions, namespace = 'ns5') {
  return collect(report => checkExportTo(exportTo, namespace, 'spec.exportTo', report, options));
}

interface Row {
  readonly name: string;
  readonly exportTo: unknown;
  readonly options?: ExportToOptions;
  readonly expected: readonly Expected[];
}

const SE: ExportToOptions = { allowNone: true };
const DR_SELECTOR: ExportToOptions = { workloadSelector: true };

describe('checkExportTo', () => {
  const clean: Row[] = [
    { name: 'an absent list', exportTo: undefined, expected: [] },
    { name: 'null', exportTo: null, expected: [] },
    { name: 'an empty list', exportTo: [], expected: [] },
    { name: '"*"', exportTo: ['*'], expected: [] },
    { name: '"." and ns1', exportTo: ['.', 'ns1'], expected: [] },
    { name: 'a bunch of namespaces', exportTo: ['ns1', 'ns2', 'ns5'], expected: [] },
    { name: 'upper-case namespace names (Istio labels allow either case)', exportTo: ['Ns1'], expected: [] },
    { name: '"~" for a ServiceEntry', exportTo: ['~'], options: SE, expected: [] },
    { name: '"." for a DestinationRule with a workload selector', exportTo: ['.'], options: DR_SELECTOR, expected: [] },
    { name: 'the own namespace for a DestinationRule with a workload selector', exportTo: ['ns5'], options: DR_SELECTOR, expected: [] },
  ];
  it.each(clean)('accepts $name', ({ exportTo, options }) => expect(run(exportTo, options)).toEqual([]));

  const invalid: Row[] = [
    { name: '"~" is used outside a ServiceEntry', exportTo: ['~', 'ns1'],
      expected: [{ path: 'spec.exportTo[0]', message: 'exportTo ~ (none) is not allowed for Istio configuration objects' }] },
    { name: '"." and "*" are combined', exportTo: ['.', '*'],
      expected: [{ path: 'spec.exportTo', message: 'cannot have both public (*) and non-public exportTo values' }] },
    { name: '"*" and ns1 are combined', exportTo: ['*', 'ns1'],
      expected: [{ path: 'spec.exportTo', message: 'cannot have both public (*) and non-public exportTo values' }] },
    { name: '"." and then the own namespace are listed', exportTo: ['.', 'ns5'],
      expected: [{ path: 'spec.exportTo[1]', message: 'duplicate entries in exportTo for entry "ns5"' }] },
    { name: 'the own namespace and then "." are listed', exportTo: ['ns5', '.'],
      expected: [{ path: 'spec.exportTo[1]', message: 'duplicate entries in exportTo: "." and current namespace "ns5"' }] },
    { name: 'a namespace repeats', exportTo: ['ns1', 'ns2', 'ns1'],
      expected: [{ path: 'spec.exportTo[2]', message: 'duplicate entries in exportTo for entry "ns1"' }] },
    { name: '"~" repeats in a ServiceEntry', exportTo: ['~', '~', 'ns1'], options: SE,
      expected: [
        { path: 'spec.exportTo[1]', message: 'duplicate entries in exportTo for entry "~"' },
        { path: 'spec.exportTo', message: 'cannot export service entry to no one (~) and someone' },
      ] },
    { name: 'a namespace name is invalid', exportTo: ['ns1_'],
      expected: [{ path: 'spec.exportTo[0]', message: 'exportTo entry "ns1_" is invalid: only ".", "*", or a valid DNS 1123 label' }] },
    { name: '"~" is combined with a namespace in a ServiceEntry', exportTo: ['~', 'ns1'], options: SE,
      expected: [{ path: 'spec.exportTo', message: 'cannot export service entry to no one (~) and someone' }] },
    { name: 'a DestinationRule with a workload selector is exported to "*"', exportTo: ['*'], options: DR_SELECTOR,
      expected: [{ path: 'spec.exportTo', message: 'destination rule with workload selector cannot have exportTo beyond current namespace' }] },
    { name: 'a DestinationRule with a workload selector is exported to another namespace', exportTo: ['somens'], options: DR_SELECTOR,
      expected: [{ path: 'spec.exportTo', message: 'destination rule with workload selector cannot have exportTo beyond current namespace' }] },
    { name: 'a DestinationRule with a workload selector is exported to its own and another namespace', exportTo: ['.', 'somens'], options: DR_SELECTOR,
      expected: [{ path: 'spec.exportTo', message: 'destination rule with workload selector cannot have multiple entries in exportTo' }] },
    { name: 'an entry is not a string', exportTo: [null],
      expected: [{ path: 'spec.exportTo[0]', message: 'exportTo entry must be a string, got null' }] },
    { name: 'the list is an object', exportTo: { a: 1 },
      expected: [{ path: 'spec.exportTo', message: 'exportTo must be a list of namespaces, got an object' }] },
  ];
  it.each(invalid)('errors when $name', ({ exportTo, options, expected }) => expectReported(run(exportTo, options), expected));

  it('names the kind in the "~" message', () => {
    expectReported(run(['~'], { kind: 'DestinationRule' }),
      [{ path: 'spec.exportTo[0]', message: 'use "." to keep the DestinationRule in its own namespace' }]);
  });

  it('checks a list of 50,000 namespaces', () => {
    const list = Array.from({ length: 50_000 }, (_, i) => `ns${i}`);
    expect(run([...list, 'ns0'])).toHaveLength(1);
  });
});
