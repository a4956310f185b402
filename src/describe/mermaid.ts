/**
 * The traffic graph as a Mermaid flowchart (`flowchart LR`), for READMEs, pull requests and
 * any Markdown renderer that draws Mermaid. Labels are quoted and escaped, so any host, path or
 * header value is safe inside them.
 */
import { cut, escapeControl } from '../text/escape';
import { GraphEdge, GraphNode, GraphNodeKind, TrafficGraph } from './traffic-graph';

/**
 * Node shapes: trapezoid Gateways, stadium hosts, box Services, parallelogram ServiceEntry
 * hosts, rounded subsets, subroutine workloads, database endpoints, hexagon externals.
 */
const SHAPES: Record<GraphNodeKind, [string, string]> = {
  'gateway': ['[/', '\\]'],
  'virtual-service': ['([', '])'],
  'service': ['[', ']'],
  'service-entry': ['[/', '/]'],
  'subset': ['(', ')'],
  'workload': ['[[', ']]'],
  'endpoint-slice': ['[(', ')]'],
  'external': ['{{', '}}'],
  'response': ['>', ']'],
};

/**
 * Arrows: solid for traffic, dotted for mirrored copies, aliases and a host's subsets, thick
 * for a Service (ServiceEntry, subset) reaching its pods.
 */
const ARROWS: Record<GraphEdge['kind'], string> = {
  binds: '-->',
  route: '-->',
  mirror: '-.->',
  delegate: '-->',
  response: '-->',
  selects: '==>',
  endpoints: '==>',
  alias: '-.->',
  subset: '-.->',
};

export function renderMermaid(graph: TrafficGraph): string {
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) lines.push(`  ${nodeText(node)}`);
  for (const edge of graph.edges) {
    const label = edge.label !== undefined ? `|${quote(edge.label)}|` : '';
    lines.push(`  ${edge.from} ${ARROWS[edge.kind]}${label} ${edge.to}`);
  }
  return lines.join('\n') + '\n';
}

function nodeText(node: GraphNode): string {
  const [open, close] = SHAPES[node.kind];
  return `${node.id}${open}${quote(node.label)}${close}`;
}

/** The longest label the graph shows; longer ones end in an ellipsis. */
const LABEL_LENGTH = 200;

/**
 * A quoted Mermaid label: cut to 200 characters; `#` first (Mermaid reads `#name;` as an
 * entity), then the characters that end a label or read as HTML or Markdown, as entity codes;
 * line breaks become `<br/>`; every other control character (an escape sequence, a lone
 * carriage return, U+2028) is shown as an escape such as `\u001b`, so no value can end the
 * label, start a new statement or drive the terminal the graph is printed on.
 */
export function quote(text: string): string {
  const escaped = cut(text, LABEL_LENGTH)
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;')
    .replace(/\r?\n/g, '<br/>');
  return `"${escapeControl(escaped)}"`;
}
