/** A tiny XML 1.0 well-formedness check for the JUnit output. */
export interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/**
 * A small XML 1.0 reader, enough to check well-formedness: one root, balanced tags, quoted
 * attributes without `<`, only the five predefined entities and character references, no
 * character XML 1.0 forbids.
 */
export function parseXml(xml: string): Element {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  const decode = (text: string) => {
    expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (named[e]) return named[e];
      return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
  };
  let rest = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Element[] = [root];
  const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    if (lt !== 0) {
      const text = lt < 0 ? rest : rest.slice(0, lt);
      expect(text).not.toContain('>');
      stack[stack.length - 1].text += decode(text);
      rest = lt < 0 ? '' : rest.slice(lt);
      continue;
    }
    const match = tag.exec(rest);
    if (!match) throw new Error(`not well-formed at: ${rest.slice(0, 60)}`);
    rest = rest.slice(match[0].length);
    const [, closing, name, attributeText, selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      expect(open?.name).toBe(name);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      expect(attributes[key]).toBeUndefined();
      attributes[key] = decode(value);
    }
    const element: Element = { name, attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    if (!selfClosing) stack.push(element);
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  expect(root.text.trim()).toBe('');
  return root.children[0];
}
