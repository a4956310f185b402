import { Severity, validateManifests } from '../../src';

const service = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec });

describe('validateManifests', () => {
  test('reports a semantic rule instead of repeating it as a schema error at the same path', () => {
    const codes = validateManifests([service({ ports: [{ port: '80' }] })]).map(d => `${d.code} ${d.path}`);
    expect(codes).toContain('SVC009 spec.ports[0].port');
    expect(codes).not.toContain('SCH001 spec.ports[0].port');
  });

  test('keeps schema errors no rule covers, and unknown-field warnings', () => {
    const diagnostics = validateManifests([service({ ports: [{ port: 80, targetport: 8080 }], sessionAffinity: 'None', publishNotReadyAddresses: 'yes' })]);
    expect(diagnostics.map(d => `${d.severity} ${d.code} ${d.path}`)).toEqual(expect.arrayContaining([
      'warning SCH004 spec.ports[0].targetport',
      'error SCH001 spec.publishNotReadyAddresses',
    ]));
  });

  test('skips kinds no rule knows and reports non-objects', () => {
    const diagnostics = validateManifests([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, 'text', null]);
    expect(diagnostics.map(d => [d.code, d.index])).toEqual([['TRF001', 1], ['TRF001', 2]]);
    expect(diagnostics.every(d => d.severity === Severity.ERROR)).toBe(true);
  });
});
