import * as path from 'path';
import { formatSarif, artifactUri, helpUri } from '../../../src/cli/formats';
import { ruleCatalogue } from '../../../src/validation/engine';
import { Severity } from '../../../src/validation/diagnostic';
import { HOSTILE, diagnostic, report } from './sample';

/** The properties SARIF 2.1.0 requires (sarif-schema-2.1.0.json `required`), checked by hand. */
function expectSarifShape(log: any): void {
  expect(log.version).toBe('2.1.0');
  expect(typeof log.$schema).toBe('string');
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe('string');
    const ids = new Set<string>();
    for (const rule of run.tool.driver.rules) {
      expect(typeof rule.id).toBe('string');
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(typeof rule.shortDescription.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
      expect(() => new URL(rule.helpUri)).not.toThrow();
    }
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      for (const location of result.locations) {
        if (!location.physicalLocation) continue;
        expect(typeof location.physicalLocation.artifactLocation.uri).toBe('string');
        const region = location.physicalLocation.region;
        if (region) {
          expect(Number.isInteger(region.startLine) && region.startLine >= 1).toBe(true);
          expect(Number.isInteger(region.startColumn) && region.startColumn >= 1).toBe(true);
        }
      }
    }
  }
}

describe('--format sarif', () => {
  test('a SARIF 2.1.0 log with the rule catalogue as tool.driver.rules', () => {
    const log = JSON.parse(formatSarif(report([diagnostic()])));
    expectSarifShape(log);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'cdk8s-traffic', informationUri: 'https://github.com/cdk8s-traffic/cdk8s-traffic' });
    expect(typeof driver.version).toBe('string');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(ruleCatalogue().map(r => r.code));
    const xr004 = driver.rules.find((r: { id: string }) => r.id === 'XR004');
    expect(xr004).toMatchObject({
      name: 'duplicate-virtual-service-host',
      helpUri: 'https://github.com/cdk8s-traffic/cdk8s-traffic/blob/main/docs/rules.md#xr004',
      defaultConfiguration: { level: 'warning' },
      properties: { upstream: expect.arrayContaining(['IST0109']) },
    });
    expect(helpUri('SVC014')).toBe('https://github.com/cdk8s-traffic/cdk8s-traffic/blob/main/docs/rules.md#svc014');
  });

  test('each result has ruleId, level, message and a location with file, line and column', () => {
    const log = JSON.parse(formatSarif(report([diagnostic(), diagnostic({ severity: Severity.WARNING, code: 'XR004', line: 3, column: 7, upstream: ['IST0109'] })])));
    const [error, warning] = log.runs[0].results;
    expect(error).toMatchObject({
      ruleId: 'SVC014',
      level: 'error',
      message: { text: 'spec.ports[0].nodePort: nodePort 99999 is outside the node port range 30000-32767' },
      locations: [{
        physicalLocation: { artifactLocation: { uri: 'k8s/svc.yaml' }, region: { startLine: 12, startColumn: 5 } },
        logicalLocations: [{ fullyQualifiedName: 'Service/default/web' }],
      }],
    });
    expect(warning).toMatchObject({ ruleId: 'XR004', level: 'warning', properties: { upstream: ['IST0109'] } });
  });

  test('file names become URIs relative to the working directory, with forward slashes and percent-encoding', () => {
    expect(artifactUri('k8s/a b#1.yaml', '/repo')).toBe('k8s/a%20b%231.yaml');
    expect(artifactUri('/repo/k8s/svc.yaml', '/repo')).toBe('k8s/svc.yaml');
    expect(artifactUri(`k8s${path.sep}svc.yaml`, '/repo')).toBe('k8s/svc.yaml');
    expect(artifactUri('/elsewhere/svc.yaml', '/repo')).toBe('file:///elsewhere/svc.yaml');
    expect(artifactUri('..foo/svc.yaml', '/repo')).toBe('..foo/svc.yaml');
  });

  test('a finding without a file or line has no region; codes outside the catalogue get a rule entry', () => {
    const log = JSON.parse(formatSarif(report([
      diagnostic({ file: '', line: 0, column: 0, resource: '' }),
      diagnostic({ code: 'TRF000', rule: 'internal-error', line: 0, column: 0 }),
    ])));
    expectSarifShape(log);
    expect(log.runs[0].results[0].locations).toEqual([]);
    expect(log.runs[0].results[1].locations[0].physicalLocation.region).toBeUndefined();
    expect(log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'TRF000')).toMatchObject({ name: 'internal-error' });
  });

  test('hostile messages stay inside one JSON string', () => {
    const text = formatSarif(report([diagnostic({ message: HOSTILE })]));
    const log = JSON.parse(text);
    expect(log.runs[0].results[0].message.text).toContain('forged');
    expect(text.split('\n').every(line => !line.startsWith('::'))).toBe(true);
  });

  test('inputs that could not be read are tool execution notifications, and the run is not successful', () => {
    const log = JSON.parse(formatSarif(report([], [], { inputErrors: [{ file: 'k8s/bad.yaml', line: 3, column: 1, message: 'not valid YAML' }] })));
    expectSarifShape(log);
    expect(log.runs[0].invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [{
        level: 'error',
        message: { text: 'not valid YAML' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'k8s/bad.yaml' }, region: { startLine: 3, startColumn: 1 } } }],
      }],
    });
    expect(JSON.parse(formatSarif(report([]))).runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});
