/**
 * The DestinationRule blocks: for each rule, its host and what it names, a subset table and a
 * traffic policy table (one row per level).
 */
import { DestinationRuleSummary } from './destination-rule-summary';
import { targetText } from './host-targets';
import { NONE } from './service-summary';
import { printable } from './printable';
import { renderTable } from './table';

export const SUBSET_TABLE_HEADERS: readonly string[] = ['SUBSET', 'LABELS'];
export const WORKLOADS_HEADER = 'WORKLOADS';
export const POLICY_TABLE_HEADERS: readonly string[] = ['POLICY', 'LOAD BALANCER', 'CONNECTION POOL', 'OUTLIER DETECTION', 'TLS'];

/** What the host names when nothing of the set matches it. */
export const NOT_IN_INPUT = 'not in input';

/**
 * Renders one DestinationRule. `showWorkloads` adds the WORKLOADS column (when the set has
 * workloads): the count, or `?` when the host's workloads cannot be told.
 */
export function renderDestinationRule(rule: DestinationRuleSummary, showWorkloads: boolean): string {
  const resolved = rule.target ? ` -> ${targetText(rule.target)}` : rule.host.startsWith('*') ? ' (wildcard)' : rule.host === '?' ? '' : ` -> ${NOT_IN_INPUT}`;
  let text = [
    `DestinationRule ${printable(`${rule.namespace}/${rule.name}`)}`,
    `Host:      ${printable(rule.host)}${printable(resolved)}`,
  ].join('\n') + '\n';
  if (rule.subsets.length === 0) {
    text += `Subsets:   ${NONE}\n`;
  } else {
    const headers = showWorkloads ? [...SUBSET_TABLE_HEADERS, WORKLOADS_HEADER] : SUBSET_TABLE_HEADERS;
    text += renderTable(headers, rule.subsets.map(subset => {
      const row = [subset.name, subset.labels];
      if (showWorkloads) row.push(subset.workloads !== undefined ? String(subset.workloads) : '?');
      return row;
    }));
  }
  if (rule.policies.length === 0) {
    text += `Policies:  ${NONE}\n`;
  } else {
    text += renderTable(POLICY_TABLE_HEADERS, rule.policies.map(p => [p.level, p.loadBalancer, p.connectionPool, p.outlierDetection, p.tls]));
  }
  return text;
}

/** Renders every DestinationRule, separated by blank lines. */
export function renderDestinationRules(rules: readonly DestinationRuleSummary[], showWorkloads: boolean): string {
  return rules.map(rule => renderDestinationRule(rule, showWorkloads)).join('\n');
}
