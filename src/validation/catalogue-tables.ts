/**
 * The rule catalogue as Markdown tables: the body of docs/rules.md (`npm run docs`) and the
 * output of `cdk8s-traffic rules --format markdown`. Each row carries an anchor named after its
 * code in lower case (`#svc014`), which the SARIF output's help links point at.
 */
import { CONSTRUCT_CHECKS } from './construct-checks';
import { ruleCatalogue } from './engine';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function anchor(code: string): string {
  return `<a id="${code.toLowerCase()}"></a>${code}`;
}

/** The "Manifest rules" and "Construct checks" sections, headings included. */
export function catalogueTables(options: { readonly constructChecksIntro?: string } = {}): string[] {
  const lines = [
    '## Manifest rules',
    '',
    '| code | rule | severity | applies to | upstream | what it checks |',
    '|---|---|---|---|---|---|',
  ];
  for (const rule of ruleCatalogue()) {
    const applies = rule.appliesTo.length > 0 ? rule.appliesTo.map(k => `\`${k}\``).join(', ') : 'all manifests together';
    const upstream = rule.upstream.length > 0 ? rule.upstream.map(escapeCell).join(', ') : '-';
    lines.push(`| ${anchor(rule.code)} | ${rule.name} | ${rule.severity} | ${applies} | ${upstream} | ${escapeCell(rule.description)} |`);
  }
  lines.push('', '## Construct checks', '');
  if (options.constructChecksIntro) lines.push(options.constructChecksIntro, '');
  lines.push('| code | rule | severity | what it checks |', '|---|---|---|---|');
  for (const check of CONSTRUCT_CHECKS) {
    lines.push(`| ${anchor(check.code)} | ${check.name} | ${check.severity} | ${escapeCell(check.description)} |`);
  }
  return lines;
}
