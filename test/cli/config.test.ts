import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Command, Option } from 'commander';
import { applyConfig, loadConfig, parseCodesOption, parseConfig } from '../../src/cli/config';
import { InputError } from '../../src/cli/errors';

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-config-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('settings file', () => {
  test('reads every key from .cdk8s-traffic.yaml', () => {
    const config = parseConfig([
      'failOn: warning',
      'disable: [xr004, SVC049]',
      'enable: SVC014, XR004',
      'clusterDomain: corp.example.',
      'nodePortRange: 20000-22767',
      'limits:',
      '  maxDiagnostics: 50',
      '  maxInputSize: 1MiB',
      '  maxTotalInputSize: 4096',
    ].join('\n'), '.cdk8s-traffic.yaml');
    expect(config).toMatchObject({ failOn: 'warning', disable: ['XR004', 'SVC049'], enable: ['SVC014', 'XR004'], clusterDomain: 'corp.example', limits: { maxDiagnostics: 50, maxInputSize: 1048576, maxTotalInputSize: 4096 } });
    expect(config.nodePortRange?.toString()).toBe('20000-22767');
  });

  test('reads JSON, and an empty file sets nothing', () => {
    expect(parseConfig('{"failOn": "error", "disable": ["SCH004"]}', 'x.json')).toEqual({ file: 'x.json', failOn: 'error', disable: ['SCH004'] });
    expect(parseConfig('# nothing yet\n', 'x.yaml')).toEqual({ file: 'x.yaml' });
  });

  test.each([
    ['fail-on: warning', /"fail-on": unknown key, did you mean "failOn"\?/],
    ['__proto__: {failOn: warning}', /"__proto__": unknown key/],
    ['failOn: warnings', /failOn: must be "error" or "warning", got the string "warnings"/],
    ['disable: [SVC999]', /disable: "SVC999" is not a rule code of this library/],
    ['disable: {a: 1}', /disable: must be a list of rule codes/],
    ['clusterDomain: Not_A_Domain', /clusterDomain: "Not_A_Domain" is not a DNS subdomain/],
    ['nodePortRange: 30000', /nodePortRange: /],
    ['limits: {maxDiagnostics: -1}', /limits.maxDiagnostics: must be a whole number, got the number -1/],
    ['limits: {maxInputSize: lots}', /limits.maxInputSize: expected a size such as 32MiB/],
    ['limits: {maxCoffee: 1}', /limits."maxCoffee": unknown limit/],
    ['- a list', /a settings file holds a mapping of failOn, .*got a list/],
    ['a: !!js/function "x"', /not valid YAML/],
    ['failOn: error\nfailOn: warning', /not valid YAML: duplicated mapping key/],
  ])('errors when the file has %j', (text, message) => {
    const error = errorOf(() => parseConfig(text, '.cdk8s-traffic.yaml'));
    expect(error.file).toBe('.cdk8s-traffic.yaml');
    expect(error.message).toMatch(message);
  });

  test('is found in the working directory; --config names another; two files are refused', () => {
    expect(loadConfig(undefined, folderWith({}))).toBeUndefined();
    const dir = folderWith({ '.cdk8s-traffic.yaml': 'failOn: warning\n', 'other.json': '{"disable": ["XR004"]}' });
    expect(loadConfig(undefined, dir)?.failOn).toBe('warning');
    expect(loadConfig(path.join(dir, 'other.json'), dir)?.disable).toEqual(['XR004']);
    expect(errorOf(() => loadConfig(path.join(dir, 'missing.yaml'), dir)).message).toMatch(/settings file not found/);
    const both = folderWith({ '.cdk8s-traffic.yaml': '', '.cdk8s-traffic.json': '{}' });
    expect(errorOf(() => loadConfig(undefined, both)).message).toMatch(/more than one settings file/);
  });

  test('flags given on the command line override the file; the others take its values', () => {
    const dir = folderWith({ '.cdk8s-traffic.yaml': 'failOn: warning\nclusterDomain: corp.example\ndisable: [XR004]\nlimits: {maxDiagnostics: 7}\n' });
    const command = new Command('validate')
      .option('--config <file>')
      .addOption(new Option('--fail-on <level>').choices(['error', 'warning']))
      .option('--cluster-domain <domain>', '', 'cluster.local')
      .option('--disable <codes>', '', parseCodesOption)
      .option('--max-diagnostics <count>', '', Number, 1000);
    command.parse(['--cluster-domain', 'example.org'], { from: 'user' });
    applyConfig(command, dir);
    expect(command.opts()).toMatchObject({ failOn: 'warning', clusterDomain: 'example.org', disable: ['XR004'], maxDiagnostics: 7 });
    expect(command.getOptionValueSource('failOn')).toBe('config');
  });

  test('--disable and --enable take comma-separated codes, repeatable, and refuse unknown ones', () => {
    expect(parseCodesOption('xr004, SVC014', ['SCH004'])).toEqual(['SCH004', 'XR004', 'SVC014']);
    expect(() => parseCodesOption('NOPE1', undefined)).toThrow(/"NOPE1" is not a rule code/);
  });
});
