import { renderRuleDocs } from '../../scripts/rule-docs';
import { formatRules } from '../../src/cli/rules-command';
import { ruleCatalogue } from '../../src/validation/engine';

describe('cdk8s-traffic rules', () => {
  test('markdown is the tables of docs/rules.md, row for row', () => {
    // docs/rules.md is written by renderRuleDocs (test/docs checks that it is up to date)
    const docs = renderRuleDocs();
    const tableRows = (text: string) => text.split('\n').filter(line => line.startsWith('|'));
    expect(tableRows(formatRules('markdown'))).toEqual(tableRows(docs));
  });

  test('json lists the catalogue with code, severity and upstream codes', () => {
    const listed = JSON.parse(formatRules('json'));
    expect(listed.rules).toEqual(ruleCatalogue());
    expect(listed.rules.find((r: { code: string }) => r.code === 'XR004')).toMatchObject({ severity: 'warning', upstream: expect.arrayContaining(['IST0109']) });
    expect(listed.constructChecks.map((c: { code: string }) => c.code)).toContain('SEL001');
  });

  test('text has one aligned line per rule', () => {
    const lines = formatRules('text').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CODE\s+SEVERITY\s+NAME\s+UPSTREAM\s+DESCRIPTION$/);
    const svc014 = lines.find(line => line.startsWith('SVC014 '));
    expect(svc014).toMatch(/^SVC014\s+error\s+node-port-range\s+-\s+a fixed nodePort/);
    expect(lines.length).toBeGreaterThan(ruleCatalogue().length);
  });
});
