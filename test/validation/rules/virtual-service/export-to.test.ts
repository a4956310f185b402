import { Case, CleanCase, expectClean, expectFindings, virtualService } from './helpers';

// Upstream: validateExportTo (pkg/config/validation/validation.go), as ValidateVirtualService
// calls it (no ServiceEntry "~", no workload selector).

const http = [{ route: [{ destination: { host: 'foo.baz' } }] }];

function vs(exportTo: unknown, namespace: string | null = 'shop') {
  return virtualService({ spec: { hosts: ['foo.bar'], http, exportTo }, namespace });
}

describe('VS012 export-to', () => {
  const clean: CleanCase[] = [
    { name: 'no exportTo', manifest: virtualService() },
    { name: 'an empty list', manifest: vs([]) },
    { name: '"."', manifest: vs(['.']) },
    { name: '"*"', manifest: vs(['*']) },
    { name: 'namespaces', manifest: vs(['ns1', 'ns2']) },
    { name: '"." and other namespaces', manifest: vs(['.', 'istio-system']) },
    { name: '"." and the namespace of a VirtualService in another namespace', manifest: vs(['.', 'default']) },
  ];
  it.each(clean)('accepts $name', ({ manifest }) => expectClean('VS012', manifest));

  const invalid: Case[] = [
    { name: '"~" is used', manifest: vs(['~']),
      expected: [{ path: 'spec.exportTo[0]', message: 'exportTo ~ (none) is not allowed for Istio configuration objects' }] },
    { name: 'an entry is not a namespace name', manifest: vs(['ns1', 'my_ns']),
      expected: [{ path: 'spec.exportTo[1]', message: 'exportTo entry "my_ns" is invalid: only ".", "*", or a valid DNS 1123 label' }] },
    { name: 'an entry is a subdomain', manifest: vs(['a.b']),
      expected: [{ path: 'spec.exportTo[0]', message: 'exportTo entry "a.b" is invalid' }] },
    { name: 'an entry repeats', manifest: vs(['ns1', 'ns2', 'ns1']),
      expected: [{ path: 'spec.exportTo[2]', message: 'duplicate entries in exportTo for entry "ns1"' }] },
    { name: '"." and the own namespace are both listed', manifest: vs(['shop', '.']),
      expected: [{ path: 'spec.exportTo[1]', message: 'duplicate entries in exportTo: "." and current namespace "shop"' }] },
    { name: '"." and "default" are listed and the namespace is unset', manifest: vs(['.', 'default'], null),
      expected: [{ path: 'spec.exportTo[1]', message: 'duplicate entries in exportTo for entry "default"' }] },
    { name: '"*" is not alone', manifest: vs(['*', 'ns1']),
      expected: [{ path: 'spec.exportTo', message: 'cannot have both public (*) and non-public exportTo values for a resource' }] },
    { name: '"*" repeats', manifest: vs(['*', '*']),
      expected: [
        { path: 'spec.exportTo[1]', message: 'duplicate entries in exportTo for entry "*"' },
        { path: 'spec.exportTo', message: 'cannot have both public (*)' },
      ] },
    { name: 'an entry is a number', manifest: vs([1]),
      expected: [{ path: 'spec.exportTo[0]', message: 'exportTo entry must be a string, got a number 1' }] },
    { name: 'exportTo is a string', manifest: vs('.'),
      expected: [{ path: 'spec.exportTo', message: 'exportTo must be a list of namespaces, got a string "."' }] },
  ];
  it.each(invalid)('errors when $name', ({ manifest, expected }) => expectFindings('VS012', manifest, expected));
});
