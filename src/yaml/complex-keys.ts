/**
 * Complex keys: a mapping or a list used as a mapping key (`? [a, b]` or `{a: 1}: x`).
 * go-yaml reads them, but sigs.k8s.io/yaml cannot turn them into JSON and kubectl refuses the
 * document ("invalid map key"); js-yaml would quietly turn the key into a string such as
 * `[object Object]`. The fast reader never reads one; for the others this finds the first.
 */
import type { Node } from 'yaml';

/** Only documents with an explicit key (`? `) or a flow collection before a `:` can hold one. */
const MAY_HAVE_COMPLEX_KEY = /(?:^|[\s,[{])\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t]|$)/m;

/** 1-based line (in `text`) of the first complex key, or undefined when there is none. */
export function complexKeyLine(text: string): number | undefined {
  if (!MAY_HAVE_COMPLEX_KEY.test(text)) return undefined;
  const yaml = require('yaml') as typeof import('yaml');
  let offset: number | undefined;
  try {
    const lines = new yaml.LineCounter();
    const document = yaml.parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: false, strict: false, prettyErrors: false });
    yaml.visit(document, {
      Pair(_key, pair) {
        const key = pair.key as Node | null;
        if (key && (yaml.isMap(key) || yaml.isSeq(key))) {
          offset = key.range?.[0] ?? 0;
          return yaml.visit.BREAK;
        }
        return undefined;
      },
    });
    return offset === undefined ? undefined : lines.linePos(offset).line;
  } catch (error) {
    if (error instanceof RangeError) return undefined; // too deep: the reader reports it
    throw error;
  }
}
