import { Case, CleanCase, destinationRule, expectClean, expectFindings } from './helpers';

// Upstream: validateExportTo as ValidateDestinationRule calls it (Test_validateExportTo rows
// with isDestinationRuleWithSelector).

const dr = (spec: Record<string, unknown>, namespace: string | null = 'shop') => destinationRule({ spec, namespace });
const SELECTOR = { workloadSelector: { matchLabels: { app: 'reviews' } } };

describe('DR006 destination-rule-export-to', () => {
  const clean: CleanCase[] = [
    { name: 'no exportTo', manifest: dr({}) },
    { name: '"." and other namespaces', manifest: dr({ exportTo: ['.', 'istio-system'] }) },
    { name: '"*"', manifest: dr({ exportTo: ['*'] }) },
    { name: '"." with a workload selector', manifest: dr({ exportTo: ['.'], ...SELECTOR }) },
    { name: 'the own namespace with a workload selector', manifest: dr({ exportTo: ['shop'], ...SELECTOR }) },
    { name: '"default" with a workload selector, no namespace set', manifest: dr({ exportTo: ['default'], ...SELECTOR }, null) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('DR006', manifest));

  const invalid: Case[] = [
    { name: '"~" is used', manifest: dr({ exportTo: ['~'] }),
      expected: [{ path: 'spec.exportTo[0]', message: 'use "." to keep the DestinationRule in its own namespace' }] },
    { name: 'a namespace repeats', manifest: dr({ exportTo: ['a', 'a'] }),
      expected: [{ path: 'spec.exportTo[1]', message: 'duplicate entries in exportTo for entry "a"' }] },
    { name: '"*" is combined with a namespace', manifest: dr({ exportTo: ['*', 'a'] }),
      expected: [{ path: 'spec.exportTo', message: 'cannot have both public (*) and non-public exportTo values' }] },
    { name: 'a workload selector rule is exported to "*"', manifest: dr({ exportTo: ['*'], ...SELECTOR }),
      expected: [{ path: 'spec.exportTo', message: 'destination rule with workload selector cannot have exportTo beyond current namespace' }] },
    { name: 'a workload selector rule is exported to another namespace', manifest: dr({ exportTo: ['somens'], ...SELECTOR }),
      expected: [{ path: 'spec.exportTo', message: 'cannot have exportTo beyond current namespace' }] },
    { name: 'a workload selector rule is exported to its own and another namespace', manifest: dr({ exportTo: ['.', 'somens'], ...SELECTOR }),
      expected: [{ path: 'spec.exportTo', message: 'destination rule with workload selector cannot have multiple entries in exportTo' }] },
    { name: 'an empty workload selector still limits exportTo', manifest: dr({ exportTo: ['somens'], workloadSelector: {} }),
      expected: [{ path: 'spec.exportTo', message: 'cannot have exportTo beyond current namespace' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('DR006', manifest, expected));
});
