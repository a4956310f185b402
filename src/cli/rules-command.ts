/**
 * `cdk8s-traffic rules`: the rule catalogue, as text, JSON or the Markdown tables of
 * docs/rules.md (codes to give `--disable`, `--enable` and the suppression annotations).
 */
import { Command, Option } from 'commander';
import { CONSTRUCT_CHECKS } from '../validation/construct-checks';
import { catalogueTables } from '../validation/catalogue-tables';
import { ruleCatalogue } from '../validation/engine';

export type RulesFormat = 'text' | 'json' | 'markdown';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list every rule: code, name, severity, the kinds it applies to, the istioctl analyze and Kiali codes it corresponds to')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action((options: { format: RulesFormat }) => {
      // `rules | head` closes the pipe early: that is no error
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') process.stderr.write(`error: cannot write the list: ${error.message}\n`);
      });
      process.stdout.write(formatRules(options.format));
    });
}

export function formatRules(format: RulesFormat): string {
  switch (format) {
    case 'json': return rulesJson();
    case 'markdown': return rulesMarkdown();
    default: return rulesText();
  }
}

/** `{ rules: [...], constructChecks: [...] }`, as `ruleCatalogue()` and docs/rules.md list them. */
function rulesJson(): string {
  const constructChecks = CONSTRUCT_CHECKS.map(check => ({ code: check.code, name: check.name, severity: check.severity, description: check.description }));
  return `${JSON.stringify({ rules: ruleCatalogue(), constructChecks }, null, 2)}\n`;
}

/** One line per rule: `SVC014  error    node-port-range  -  description`, columns aligned. */
function rulesText(): string {
  const rows = [
    ['CODE', 'SEVERITY', 'NAME', 'UPSTREAM', 'DESCRIPTION'],
    ...ruleCatalogue().map(rule => [rule.code, rule.severity, rule.name, rule.upstream.join(',') || '-', rule.description]),
    ...CONSTRUCT_CHECKS.map(check => [check.code, check.severity, check.name, '-', `(constructs only) ${check.description}`]),
  ];
  const widths = [0, 1, 2, 3].map(column => Math.max(...rows.map(row => row[column].length)));
  return `${rows.map(row => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell)).join('  ')).join('\n')}\n`;
}

/** The two tables of docs/rules.md, with their headings, row for row. */
function rulesMarkdown(): string {
  return `${catalogueTables().join('\n')}\n`;
}
