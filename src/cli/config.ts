/**
 * The project's settings file, so CI and local runs of `validate` agree: `.cdk8s-traffic.yaml`
 * (or `.yml`, or `.cdk8s-traffic.json`) in the working directory, or the file `--config` names.
 * Flags given on the command line override it.
 *
 * ```yaml
 * failOn: warning            # error (default) or warning
 * disable: [XR004, SVC049]   # rule codes not to run
 * enable: []                 # only these rule codes (empty: all)
 * clusterDomain: cluster.local
 * nodePortRange: 30000-32767
 * limits:                    # as validate's --max-... options
 *   maxInputSize: 32MiB
 *   maxDiagnostics: 1000
 * ```
 *
 * Read with js-yaml's core schema (no custom tags, duplicate keys refused), every key checked:
 * an unknown key or a value of the wrong type is an input error (exit 2) naming the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, InvalidArgumentError } from 'commander';
import { CORE_SCHEMA, YAMLException, load } from 'js-yaml';
import { knownCodes } from '../validation/engine';
import { isDns1123Subdomain } from '../validation/format/dns';
import { NodePortRange } from '../validation/node-port-range';
import { InputError } from './errors';
import { parseCount, parseFileSize, parseSize } from './limits';
import { FailOn } from './formats/report';

/** The names looked for in the working directory, in this order; at most one may exist. */
export const CONFIG_FILES = ['.cdk8s-traffic.yaml', '.cdk8s-traffic.yml', '.cdk8s-traffic.json'] as const;

/** A settings file is small; anything larger is refused before it is read. */
const MAX_CONFIG_BYTES = 64 * 1024;

/** The limits the file may set, named as `validate`'s options (`maxInputSize` is `--max-input-size`). */
export const LIMIT_KEYS = ['maxInputSize', 'maxTotalInputSize', 'maxDiagnosticsPerFile', 'maxDiagnostics'] as const;
export type LimitKey = typeof LIMIT_KEYS[number];

/** How each limit's value is read: a size (bytes, or `32MiB`) or a count. */
const LIMIT_PARSERS: Record<LimitKey, (value: string) => number> = {
  maxInputSize: parseFileSize,
  maxTotalInputSize: parseSize,
  maxDiagnosticsPerFile: parseCount,
  maxDiagnostics: parseCount,
};

/** What a settings file sets; absent keys are left to the flags' defaults. */
export interface ProjectConfig {
  /** The file read. */
  readonly file: string;
  readonly failOn?: FailOn;
  readonly disable?: string[];
  readonly enable?: string[];
  readonly clusterDomain?: string;
  readonly nodePortRange?: NodePortRange;
  readonly limits?: Partial<Record<LimitKey, number>>;
}

const KEYS = ['failOn', 'disable', 'enable', 'clusterDomain', 'nodePortRange', 'limits'];

/**
 * Reads the settings file: `explicit` when given (it must exist), else the one in `cwd`, else
 * none.
 *
 * @throws InputError when the file cannot be read, is not valid YAML or JSON, or has an unknown
 *   key or a bad value
 */
export function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): ProjectConfig | undefined {
  let file = explicit;
  if (file === undefined) {
    const present = CONFIG_FILES.filter(name => fs.existsSync(path.join(cwd, name)));
    if (present.length === 0) return undefined;
    if (present.length > 1) {
      throw new InputError(present.join(', '), 'more than one settings file: keep one, or choose with --config');
    }
    file = path.join(cwd, present[0]);
  }
  return parseConfig(readConfig(file), file);
}

function readConfig(file: string): string {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch {
    throw new InputError(file, 'settings file not found (--config names a .yaml, .yml or .json file)');
  }
  if (!stats.isFile()) throw new InputError(file, 'a settings file must be a regular file');
  if (stats.size > MAX_CONFIG_BYTES) throw new InputError(file, `settings file is ${stats.size} bytes, more than the ${MAX_CONFIG_BYTES} a settings file may have`);
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch (error) {
    throw new InputError(file, `cannot read the settings file: ${(error as Error).message}`);
  }
}

/** Checks a settings file's text; exported for tests. */
export function parseConfig(text: string, file: string): ProjectConfig {
  let data: unknown;
  if (/\.json$/i.test(file)) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, `not valid JSON: ${(error as Error).message}`);
    }
  } else {
    try {
      data = load(text, { schema: CORE_SCHEMA, filename: file });
    } catch (error) {
      if (error instanceof YAMLException) {
        throw new InputError(file, `not valid YAML: ${error.reason}`, error.mark ? error.mark.line + 1 : undefined, error.mark ? error.mark.column + 1 : undefined);
      }
      throw new InputError(file, `not valid YAML: ${(error as Error).message}`);
    }
  }
  if (data === undefined || data === null) return { file };
  if (!isMapping(data)) throw new InputError(file, `a settings file holds a mapping of ${KEYS.join(', ')}, got ${kindOf(data)}`);

  const fail = (key: string, message: string): never => {
    throw new InputError(file, `${key}: ${message}`);
  };
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key)) {
      const hint = KEYS.find(k => k.toLowerCase() === key.replace(/[-_]/g, '').toLowerCase());
      fail(JSON.stringify(clip(key)), `unknown key${hint ? `, did you mean "${hint}"?` : ''} (allowed: ${KEYS.join(', ')})`);
    }
  }
  const value = (key: string): unknown => (Object.prototype.hasOwnProperty.call(data, key) ? (data as Record<string, unknown>)[key] : undefined);

  const config: { -readonly [K in keyof ProjectConfig]: ProjectConfig[K] } = { file };
  const failOn = value('failOn');
  if (failOn !== undefined) {
    if (failOn !== 'error' && failOn !== 'warning') fail('failOn', `must be "error" or "warning", got ${kindOf(failOn)}`);
    config.failOn = failOn as FailOn;
  }
  for (const key of ['disable', 'enable'] as const) {
    const codes = value(key);
    if (codes !== undefined) config[key] = ruleCodes(codes, message => fail(key, message));
  }
  const clusterDomain = value('clusterDomain');
  if (clusterDomain !== undefined) {
    if (typeof clusterDomain !== 'string') fail('clusterDomain', `must be a DNS domain such as "cluster.local", got ${kindOf(clusterDomain)}`);
    const domain = (clusterDomain as string).replace(/\.$/, '');
    const problems = isDns1123Subdomain(domain);
    if (problems.length > 0) fail('clusterDomain', `${JSON.stringify(clip(domain))} is not a DNS subdomain: ${problems.join('; ')}`);
    config.clusterDomain = domain;
  }
  const range = value('nodePortRange');
  if (range !== undefined) {
    if (typeof range !== 'string') fail('nodePortRange', `must be a range such as "30000-32767", got ${kindOf(range)}`);
    try {
      config.nodePortRange = NodePortRange.parse(range as string);
    } catch (error) {
      fail('nodePortRange', (error as Error).message.replace(/^SVC014 /, ''));
    }
  }
  const limits = value('limits');
  if (limits !== undefined) config.limits = parseLimits(limits, fail);
  return config;
}

/** A list of rule codes, or one string of comma-separated codes; each must be a code of this library. */
function ruleCodes(value: unknown, fail: (message: string) => never): string[] {
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items)) return fail(`must be a list of rule codes such as [XR004, SVC049], got ${kindOf(value)}`);
  const known = knownCodes();
  const codes: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return fail(`must list rule codes, got ${kindOf(item)} in the list`);
    const code = item.trim().toUpperCase();
    if (code === '') continue;
    if (!known.has(code)) return fail(`${JSON.stringify(clip(item))} is not a rule code of this library (see \`cdk8s-traffic rules\`)`);
    codes.push(code);
  }
  return codes;
}

function parseLimits(value: unknown, fail: (key: string, message: string) => never): Partial<Record<LimitKey, number>> {
  if (!isMapping(value)) return fail('limits', `must be a mapping of ${LIMIT_KEYS.join(', ')}, got ${kindOf(value)}`);
  const limits: Partial<Record<LimitKey, number>> = {};
  for (const key of Object.keys(value)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key)) fail(`limits.${JSON.stringify(clip(key))}`, `unknown limit (allowed: ${LIMIT_KEYS.join(', ')})`);
    const limit = (value as Record<string, unknown>)[key];
    if ((typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) && typeof limit !== 'string') {
      fail(`limits.${key}`, `must be a whole number${key.endsWith('Size') ? ' of bytes or a size such as 32MiB' : ''}, got ${kindOf(limit)}`);
    }
    try {
      limits[key as LimitKey] = LIMIT_PARSERS[key as LimitKey](String(limit));
    } catch (error) {
      fail(`limits.${key}`, (error as Error).message);
    }
  }
  return limits;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(clip(value))}`;
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${String(value)}`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/**
 * `--disable XR004,SVC049` and `--enable ...`: comma-separated rule codes, the option repeatable
 * (the lists add up). A code no rule has is a usage error.
 */
export function parseCodesOption(value: string, previous: string[] | undefined): string[] {
  const known = knownCodes();
  const codes = [...(previous ?? [])];
  for (const item of value.split(',')) {
    const code = item.trim().toUpperCase();
    if (code === '') continue;
    if (!known.has(code)) throw new InvalidArgumentError(`${JSON.stringify(clip(item))} is not a rule code of this library (see \`cdk8s-traffic rules\`)`);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * A `preAction` hook for `validate`: reads the settings file (`--config`, or the one in the
 * working directory) and sets each option the command line did not give from it. Limits are
 * set on the option of the same name (`limits.maxDiagnostics` on `--max-diagnostics`).
 *
 * @throws InputError when the settings file is bad, or names a limit this command has no option for
 */
export function applyConfig(command: Command, cwd: string = process.cwd()): void {
  const explicit = command.getOptionValue('config') as string | undefined;
  const config = loadConfig(explicit, cwd);
  if (!config) return;
  const values: Array<[string, unknown]> = [
    ['failOn', config.failOn],
    ['disable', config.disable],
    ['enable', config.enable],
    ['clusterDomain', config.clusterDomain],
    ['nodePortRange', config.nodePortRange],
  ];
  for (const [key, limit] of Object.entries(config.limits ?? {})) {
    if (!command.options.some(option => option.attributeName() === key)) {
      throw new InputError(config.file, `limits.${key}: this version of the command has no such limit`);
    }
    values.push([key, limit]);
  }
  for (const [key, value] of values) {
    if (value === undefined) continue;
    const source = command.getOptionValueSource(key);
    if (source === 'cli' || source === 'env') continue;
    command.setOptionValueWithSource(key, value, 'config');
  }
}
