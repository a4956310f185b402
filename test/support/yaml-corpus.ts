/**
 * Generated YAML documents full of pitfalls (type look-alikes, indicators, quotes, spaces,
 * unicode, multi-line strings), for comparing this project's YAML writer and reader with the
 * `yaml` and js-yaml packages.
 */

export const PITFALL_STRINGS = [
  'yes', 'Yes', 'on', 'OFF', 'Off', 'No', 'y', 'N', 'null', 'Null', '~', 'true', 'TRUE', '0755', '0o14', '0x1F', '0b101', '1e3', '-1.5',
  '.inf', '-.inf', '.nan', '12:30', '190:20:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '1_000', '+1', '-0', '=', '<<', '', ' ',
  '  lead', 'trail ', 'a  b', '-', '- x', '--- x', '...', '---', 'a: b', 'a:b', 'key:', ':x', 'a #b', 'a#b', '#x', '*x', '&x', '!x', '%x',
  '@x', '`x', '"x', "'x", "it's", 'a"b', 'a\\b', '{x', '[x', 'x]', 'a,b', '?x', '? x', '|x', '>x', 'multi\nline', 'trailing newline\n',
  '\nleading', 'tab\there', '\t', 'héllo', 'café au lait', '日本語', '😀', '\u0001', '\u2028', 'x'.repeat(1100),
  'a'.repeat(90) + ' ' + 'b'.repeat(90), 'app', 'app-1', 'cdk8s.io/metadata.addr', 'app.kubernetes.io/name', 'http://a/b', '/api/v1',
  '10.0.0.1', '10.0.0.0/8', 'registry.example.com/app:1.0', '25%', '2s', 'v1', '_x', 'x_',
];
export const PITFALL_NUMBERS = [0, 1, -5, 80, 30007, 65535, 0.1, 0.30000000000000004, 1e21, -0, 2 ** 53 + 2, 1.5e-7, 123456.789];

/** A small seeded generator, so a failure reproduces. */
export function seeded(seed: number): (n: number) => number {
  let state = seed;
  return n => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/** A random JSON value: scalars from the pitfall lists, maps and lists up to depth 5. */
export function pitfallValue(rnd: (n: number) => number, depth = 0): unknown {
  const r = rnd(10);
  if (depth > 4 || r < 4) {
    switch (rnd(5)) {
      case 0: return PITFALL_NUMBERS[rnd(PITFALL_NUMBERS.length)];
      case 1: return rnd(2) === 0;
      case 2: return null;
      default: return PITFALL_STRINGS[rnd(PITFALL_STRINGS.length)];
    }
  }
  if (r < 7) {
    const object: Record<string, unknown> = {};
    for (let i = rnd(5); i > 0; i--) object[rnd(3) === 0 ? PITFALL_STRINGS[rnd(PITFALL_STRINGS.length)] : `k${rnd(30)}`] = pitfallValue(rnd, depth + 1);
    return object;
  }
  return Array.from({ length: rnd(5) }, () => pitfallValue(rnd, depth + 1));
}
