import { SourceDocument, parseDocuments } from '../../src/yaml/documents';
import { InputError } from '../../src/cli/errors';
import { formatFieldPath, parseFieldPath } from '../../src/cli/field-path';
import { splitDocuments } from '../../src/yaml/split';

/** Lines joined with \n, so a test shows its YAML line by line. */
function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function parse(text: string, name = 'in.yaml'): SourceDocument[] {
  return parseDocuments({ name, text });
}

/** The InputError a parse throws, as `file:line:column: message`. */
function inputError(text: string): string {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error('expected an InputError');
}

const SERVICE = yaml(
  'apiVersion: v1', // 1
  'kind: Service', // 2
  'metadata:', // 3
  '  name: web', // 4
  '  labels:', // 5
  '    "app.kubernetes.io/name": web', // 6
  '    tier: backend', // 7
  'spec:', // 8
  '  type: NodePort', // 9
  '  ports:', // 10
  '  - name: http', // 11
  '    port: 80', // 12
  '    nodePort: 99999', // 13
  '  - {name: admin, port: 8080}', // 14
  '  selector: {app: web}', // 15
);

describe('splitDocuments', () => {
  it('splits at --- lines and keeps where each document and its content start', () => {
    const docs = splitDocuments(yaml('a: 1', '---', 'b: 2', '# note', '---', '', 'c: 3'));
    expect(docs.map(d => [d.firstLine, d.content?.line, d.text])).toEqual([
      [1, 1, 'a: 1\n'],
      [2, 3, '---\nb: 2\n# note\n'],
      [5, 7, '---\n\nc: 3\n'],
    ]);
  });

  it('keeps comments and directives before the first --- with that document', () => {
    const docs = splitDocuments(yaml('# Source: chart/svc.yaml', '%YAML 1.1', '---', 'a: 1'));
    expect(docs).toEqual([{ text: '# Source: chart/svc.yaml\n%YAML 1.1\n---\na: 1\n', firstLine: 1, content: { line: 4, column: 1 } }]);
  });

  it('reports content on the --- line itself', () => {
    expect(splitDocuments('--- |\n  text\n--- {a: 1}\n').map(d => d.content)).toEqual([{ line: 1, column: 5 }, { line: 3, column: 5 }]);
  });

  it('ends a document at ... and starts the next on the following line', () => {
    const docs = splitDocuments(yaml('a: 1', '...', '%YAML 1.1', '---', 'b: 2'));
    expect(docs.map(d => [d.firstLine, d.content?.line, d.text])).toEqual([
      [1, 1, 'a: 1\n...\n'],
      [3, 5, '%YAML 1.1\n---\nb: 2\n'],
    ]);
  });

  it('marks documents with only comments or a bare --- as having no content', () => {
    const docs = splitDocuments(yaml('---', '# Source: empty.yaml', '---', '--- # comment', 'a: 1'));
    expect(docs.map(d => d.content)).toEqual([undefined, undefined, { line: 5, column: 1 }]);
  });

  it('does not split at ---- , --- inside a line, or an indented ---', () => {
    const docs = splitDocuments(yaml('a: ----', 'b: |', '  ---', '----x: 1', 'c: x---'));
    expect(docs).toHaveLength(1);
  });

  it('handles CRLF line ends, a byte order mark and a missing final newline', () => {
    const docs = splitDocuments('\ufeffa: 1\r\n---\r\nb: 2');
    expect(docs.map(d => [d.firstLine, d.content, d.text])).toEqual([
      [1, { line: 1, column: 1 }, 'a: 1\r\n'],
      [2, { line: 3, column: 1 }, '---\r\nb: 2'],
    ]);
  });

  it('returns nothing for an empty text', () => {
    expect(splitDocuments('')).toEqual([]);
  });
});

describe('parseDocuments', () => {
  it('reads every document with its file, index and first line', () => {
    const docs = parse(yaml('# header', 'apiVersion: v1', 'kind: Service', '---', 'apiVersion: v1', 'kind: ConfigMap'), 'shop.yaml');
    expect(docs.map(d => [d.file, d.index, d.line, d.manifest])).toEqual([
      ['shop.yaml', 0, 2, { apiVersion: 'v1', kind: 'Service' }],
      ['shop.yaml', 1, 5, { apiVersion: 'v1', kind: 'ConfigMap' }],
    ]);
  });

  it('skips empty documents between --- as Helm writes them, and explicit nulls', () => {
    const docs = parse(yaml('---', '# Source: a.yaml', '---', 'kind: A', '---', '---', '# Source: b.yaml', '--- ~', '---', 'kind: B', '---'));
    expect(docs.map(d => [d.index, d.line, d.manifest])).toEqual([[0, 4, { kind: 'A' }], [1, 10, { kind: 'B' }]]);
  });

  it('reads values with YAML 1.1 rules (yes is a boolean, 0755 an octal int)', () => {
    const [doc] = parse(yaml('metadata:', '  labels:', '    enabled: yes', '    mode: 0755', '    count: 1_000', '    version: "1.10"', 'kind: A'));
    expect(doc.manifest).toEqual({ metadata: { labels: { enabled: true, mode: 493, count: 1000, version: '1.10' } }, kind: 'A' });
  });

  it('expands a List into its items, each locating into the List document', () => {
    const docs = parse(yaml(
      'apiVersion: v1', // 1
      'kind: List', // 2
      'items:', // 3
      '- apiVersion: v1', // 4
      '  kind: Service', // 5
      '  metadata: {name: a}', // 6
      '- apiVersion: v1', // 7
      '  kind: Service', // 8
      '  spec:', // 9
      '    ports:', // 10
      '    - nodePort: 99999', // 11
      '---', // 12
      'kind: Other', // 13
    ));
    expect(docs.map(d => [d.index, d.line, (d.manifest as { kind: string }).kind])).toEqual([[0, 4, 'Service'], [1, 7, 'Service'], [2, 13, 'Other']]);
    expect(docs[1].locate('spec.ports[0].nodePort')).toEqual({ line: 11, column: 7 });
    expect(docs[0].locate('metadata.name')).toEqual({ line: 6, column: 14 });
    expect(docs[1].locate('')).toEqual({ line: 7, column: 3 });
  });

  it('expands any *List kind with items (ServiceList), and Lists inside Lists', () => {
    const docs = parse(yaml('kind: ServiceList', 'items:', '- kind: List', '  items:', '  - {kind: Service}', '- {kind: Service, x: 1}'));
    expect(docs.map(d => [d.line, d.manifest])).toEqual([[5, { kind: 'Service' }], [6, { kind: 'Service', x: 1 }]]);
  });

  it('gives no document for an empty List', () => {
    expect(parse(yaml('kind: List', 'items: []'))).toEqual([]);
  });

  it('keeps a kind ending in List without an items list as one object', () => {
    expect(parse(yaml('kind: AllowList', 'spec: {}')).map(d => d.manifest)).toEqual([{ kind: 'AllowList', spec: {} }]);
  });
});

describe('SourceDocument.locate', () => {
  const [service] = parse(SERVICE);

  it.each([
    ['', 1, 1],
    ['metadata', 3, 1],
    ['metadata.name', 4, 3],
    ['metadata.labels["app.kubernetes.io/name"]', 6, 5],
    ['metadata.labels["tier"]', 7, 5],
    ['spec.ports[0]', 11, 5],
    ['spec.ports[0].nodePort', 13, 5],
    ['spec.ports[1]', 14, 5],
    ['spec.ports[1].port', 14, 19],
    ['spec.selector["app"]', 15, 14],
  ])('finds %s at %i:%i', (path, line, column) => {
    expect(service.locate(path)).toEqual({ line, column });
  });

  it.each([
    ['spec.ports[0].targetPort', 11, 5], // missing field: its list item
    ['spec.ports[7].port', 10, 3], // missing item: the list's key
    ['spec.clusterIP', 8, 1],
    ['spec.type.nested', 9, 3], // a scalar has no fields
    ['spec.ports.name', 10, 3], // a list has no named fields
    ['metadata.labels[0]', 5, 3], // a map has no items
  ])('falls back to the nearest ancestor for %s', (path, line, column) => {
    expect(service.locate(path)).toEqual({ line, column });
  });

  it('adds the line where the document starts in the file', () => {
    const [, second] = parse(yaml('kind: A', '---', '# comment', 'kind: B', 'spec:', '  ports:', '  - port: 80'));
    expect(second.line).toBe(4);
    expect(second.locate('spec.ports[0].port')).toEqual({ line: 7, column: 5 });
  });

  it('matches keys as YAML 1.1 reads them, quoted or not', () => {
    const [doc] = parse(yaml('metadata:', '  labels:', "    'single': a", '    yes: b', '    0x10: c', 'kind: A'));
    expect(doc.manifest).toEqual({ metadata: { labels: { single: 'a', true: 'b', 16: 'c' } }, kind: 'A' });
    expect(doc.locate('metadata.labels["single"]')).toEqual({ line: 3, column: 5 });
    expect(doc.locate('metadata.labels["true"]')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('metadata.labels["16"]')).toEqual({ line: 5, column: 5 });
  });

  it('follows aliases and << merge keys to where the value is written', () => {
    const [doc] = parse(yaml(
      'base: &ports', // 1
      '  - port: 80', // 2
      'labels: &labels', // 3
      '  app: web', // 4
      'spec:', // 5
      '  ports: *ports', // 6
      '  selector:', // 7
      '    <<: *labels', // 8
      '    tier: web', // 9
      'kind: A', // 10
    ));
    expect(doc.locate('spec.ports[0].port')).toEqual({ line: 2, column: 5 });
    expect(doc.locate('spec.selector["app"]')).toEqual({ line: 4, column: 3 });
    expect(doc.locate('spec.selector["tier"]')).toEqual({ line: 9, column: 5 });
  });

  it('counts CRLF lines', () => {
    const [, doc] = parse('kind: A\r\n---\r\nkind: B\r\nspec:\r\n  x: 1\r\n');
    expect(doc.locate('spec.x')).toEqual({ line: 5, column: 3 });
  });
});

describe('parseDocuments errors', () => {
  it('errors when YAML is malformed, with the line and column', () => {
    expect(inputError(yaml('kind: A', '---', 'metadata:', '    name: web', '  namespace: shop')))
      .toBe('in.yaml:5:3: invalid YAML: bad indentation of a mapping entry');
  });

  it('errors when a mapping has a duplicate key, naming it', () => {
    expect(inputError(yaml('spec:', '  ports:', '  - port: 80', '    port: 8080')))
      .toBe('in.yaml:4:5: invalid YAML: duplicate key "port" in a mapping (Kubernetes refuses duplicate keys)');
  });

  it('errors when keys collide after YAML 1.1 reading (yes and true)', () => {
    expect(inputError(yaml('labels:', '  true: a', '  yes: b'))).toMatch(/^in\.yaml:3:3: invalid YAML: duplicate key "yes"/);
  });

  it('errors when a flow collection is not closed', () => {
    expect(inputError(yaml('kind: A', '---', 'spec: {ports: [80', 'other: 1'))).toMatch(/^in\.yaml:\d+:\d+: invalid YAML: /);
  });

  it.each([
    ['a list', yaml('kind: A', '---', '- kind: Service'), 'in.yaml:3:1: expected a mapping (a Kubernetes object with apiVersion and kind), got a list'],
    ['a string', yaml('--- just text'), 'in.yaml:1:5: expected a mapping (a Kubernetes object with apiVersion and kind), got the string "just text"'],
    ['a number', yaml('# c', '42'), 'in.yaml:2:1: expected a mapping (a Kubernetes object with apiVersion and kind), got the number 42'],
  ])('errors when a document is %s', (_what, text, expected) => {
    expect(inputError(text)).toBe(expected);
  });

  it('errors when a List item is not a mapping, at the item', () => {
    expect(inputError(yaml('kind: List', 'items:', '- kind: Service', '- just text')))
      .toBe('in.yaml:4:3: items[1] of the List must be a mapping (a Kubernetes object), got the string "just text"');
  });

  it('errors when the input is empty', () => {
    expect(inputError('')).toBe('in.yaml: the input is empty: expected YAML documents with Kubernetes objects');
    expect(inputError('\n  \n')).toBe('in.yaml: the input is empty: expected YAML documents with Kubernetes objects');
  });

  it('errors when the input holds only comments and empty documents', () => {
    expect(inputError(yaml('---', '# Source: x.yaml', '---'))).toBe('in.yaml: no YAML documents: the input holds only comments or empty documents');
  });
});

describe('field paths', () => {
  it.each([
    ['spec.ports[0].nodePort', ['spec', 'ports', 0, 'nodePort']],
    ['metadata.labels["app.kubernetes.io/name"]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['spec.selector["a\\"b"]', ['spec', 'selector', 'a"b']],
    ['spec.http[1].match[0].headers["x-user"].exact', ['spec', 'http', 1, 'match', 0, 'headers', 'x-user', 'exact']],
    ['', []],
    ['spec.ports[x].port', ['spec', 'ports']], // malformed: keep the valid prefix
    ['spec.selector["open', ['spec', 'selector']],
  ])('parses %j', (path, segments) => {
    expect(parseFieldPath(path)).toEqual(segments);
  });

  it('formats steps back into a path', () => {
    expect(formatFieldPath(['items', 2, 'metadata', 'labels', 'app.kubernetes.io/name'])).toBe('items[2].metadata.labels["app.kubernetes.io/name"]');
  });
});

describe('parseDocuments and kind', () => {
  it('errors when a List item has content but no kind', () => {
    expect(inputError(yaml('kind: List', 'items:', '- kind: Service', '- metadata: {name: x}')))
      .toBe('in.yaml:4:3: items[1] has content but no kind: Kubernetes refuses it ("Object \'Kind\' is missing"); add kind and apiVersion, or remove the document');
  });

  it('skips documents that are empty, null or only comments', () => {
    expect(parse(yaml('---', '# nothing', '---', '~', '---', 'null', '---', 'kind: A')).map(d => d.manifest)).toEqual([{ kind: 'A' }]);
  });
});
