import { IPluginValidationContext, PluginViolation, TrafficValidation, TrafficValidationProperties } from '../../src/plugin';

/** A fake of cdk8s-cli's ValidationContext over manifests in memory. */
function runPlugin(properties: TrafficValidationProperties, manifests: unknown[]): Promise<{ status: string; violations: PluginViolation[] }> {
  const violations: PluginViolation[] = [];
  let status = '';
  const context: IPluginValidationContext = {
    manifests: ['dist/app.k8s.yaml'],
    parseManifest: () => manifests,
    report: { addViolation: v => violations.push(v), submit: s => { status = s; } },
  };
  return new TrafficValidation(properties).validate(context).then(() => ({ status, violations }));
}

function service(name: string, nodePort: number, annotations?: Record<string, string>): unknown {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: { type: 'NodePort', selector: { app: name }, ports: [{ port: 80, nodePort }] },
  };
}

const warningOnly = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'w' }, spec: { type: 'ClusterIP', externalName: 'w.example.com', selector: { app: 'w' }, ports: [{ port: 80 }] } };

describe('the plugin selects and suppresses rules through the engine', () => {
  test('the suppression annotation drops an object\'s finding', async () => {
    expect((await runPlugin({}, [service('a', 99999)])).status).toBe('failure');
    const suppressed = await runPlugin({}, [service('a', 99999, { 'cdk8s-traffic.io/suppress': 'SVC014' })]);
    expect(suppressed).toEqual({ status: 'success', violations: [] });
  });

  test('disable and enable, as lists or comma-separated strings', async () => {
    expect((await runPlugin({ disable: ['SVC014'] }, [service('a', 99999)])).violations).toEqual([]);
    expect((await runPlugin({ disable: 'SVC014, SVC050' as unknown as string[] }, [service('a', 99999)])).violations).toEqual([]);
    const only = await runPlugin({ enable: ['SVC050'] }, [service('a', 99999), service('b', 30080), service('c', 30080)]);
    expect(only.violations.map(v => v.ruleName)).toEqual(['error SVC050 node-port-conflict']);
    expect(only.violations[0].fix).toContain('docs/rules.md#svc050');
    await expect(runPlugin({ disable: ['NOPE01'] }, [])).rejects.toThrow(/options.disable\[0\] "NOPE01" is not a rule code/);
  });

  test('failOn: warning fails on warnings; anything else than error or warning is refused', async () => {
    expect((await runPlugin({}, [warningOnly])).status).toBe('success');
    expect((await runPlugin({ failOn: 'warning' }, [warningOnly])).status).toBe('failure');
    await expect(runPlugin({ failOn: 'always' }, [warningOnly])).rejects.toThrow(/failOn must be "error" or "warning", got "always"/);
  });
});
