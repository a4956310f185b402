import { formatJunit, xmlSafe } from '../../../src/cli/formats';
import { Severity } from '../../../src/validation/diagnostic';
import { HOSTILE, diagnostic, report } from './sample';
import { parseXml } from './xml';


describe('--format junit', () => {
  const objects = [
    { file: 'k8s/svc.yaml', resource: 'Service/default/web', checked: true },
    { file: 'k8s/svc.yaml', resource: 'Service/default/api', checked: true },
    { file: 'k8s/app.yaml', resource: 'Deployment/default/web', checked: false },
  ];

  test('one testsuite per file, one testcase per object, a failure per object with errors', () => {
    const xml = formatJunit(report([diagnostic(), diagnostic({ severity: Severity.WARNING, code: 'SCH004', resource: 'Service/default/api' })], objects));
    const suites = parseXml(xml);
    expect(suites.name).toBe('testsuites');
    expect(suites.attributes).toMatchObject({ tests: '3', failures: '1', skipped: '1' });
    expect(suites.children.map(s => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([['k8s/svc.yaml', '2', '1'], ['k8s/app.yaml', '1', '0']]);
    const [web, api] = suites.children[0].children;
    expect(web.attributes.name).toBe('Service/default/web');
    expect(web.children[0]).toMatchObject({ name: 'failure', attributes: { type: 'SVC014' } });
    expect(web.children[0].text).toContain('k8s/svc.yaml:12:5: error SVC014 spec.ports[0].nodePort: nodePort 99999');
    expect(api.children.map(c => c.name)).toEqual(['system-out']);
    expect(suites.children[1].children[0].children[0].name).toBe('skipped');
  });

  test('with --fail-on warning, warnings are failures too', () => {
    const xml = formatJunit(report([diagnostic({ severity: Severity.WARNING, code: 'SCH004' })], objects, { failOn: 'warning' }));
    expect(parseXml(xml).attributes.failures).toBe('1');
  });

  test('hostile text stays well-formed XML: markup escaped, forbidden characters made visible', () => {
    const hostile = `${HOSTILE} </failure><testcase name="x"> &amp; ]]> \ud800 \uffff`;
    const xml = formatJunit(report(
      [diagnostic({ message: hostile, file: 'a"<b>.yaml', resource: 'Service/default/we"b' })],
      [{ file: 'a"<b>.yaml', resource: 'Service/default/we"b', checked: true }],
    ));
    const suites = parseXml(xml);
    const testcase = suites.children[0].children[0];
    expect(suites.children[0].attributes.name).toBe('a"<b>.yaml');
    expect(testcase.attributes.name).toBe('Service/default/we"b');
    expect(testcase.children[0].text).toContain('</failure><testcase name="x"> &amp;');
    expect(testcase.children[0].text).toContain('\\u001b[31m');
    expect(testcase.children[0].text).toContain('\\u0000');
    expect(testcase.children[0].attributes.message).toContain('\n');
    expect(xmlSafe('a\u0001b\ud800c\uffff')).toBe('a\\u0001b\\ud800c\\uffff');
  });

  test('inputs that could not be read are testcases with an error', () => {
    const suites = parseXml(formatJunit(report([], objects, { inputErrors: [{ file: 'k8s/bad.yaml', line: 3, message: 'not valid YAML <here>' }] })));
    expect(suites.attributes).toMatchObject({ errors: '1', tests: '4' });
    const error = suites.children[0].children[0].children[0];
    expect(error).toMatchObject({ name: 'error', attributes: { message: 'not valid YAML <here>', type: 'input-error' }, text: 'k8s/bad.yaml:3: not valid YAML <here>' });
  });
});
