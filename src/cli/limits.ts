/**
 * The limits that keep one run of the CLI bounded whatever it is given: bytes read per input
 * and in total, diagnostics printed per file and in total, and the size of a value a JSON
 * report echoes.
 */
import { InvalidArgumentError } from 'commander';
import { ELLIPSIS, cut } from '../text/escape';

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** How much input one run reads. */
export interface InputLimits {
  /** Bytes one file (or standard input) may hold. */
  readonly maxFileBytes: number;
  /** Bytes all inputs together may hold. */
  readonly maxTotalBytes: number;
}

/** 32 MiB per file, 256 MiB in total. */
export const DEFAULT_INPUT_LIMITS: InputLimits = { maxFileBytes: 32 * MIB, maxTotalBytes: 256 * MIB };

/** The largest text Node.js can hold in one string is about 512 MiB of ASCII; stay well below. */
const LARGEST_FILE_LIMIT = 256 * MIB;

/** How many diagnostics one run prints. */
export interface DiagnosticLimits {
  readonly perFile: number;
  readonly total: number;
}

/** 100 per file, 1000 in total. */
export const DEFAULT_DIAGNOSTIC_LIMITS: DiagnosticLimits = { perFile: 100, total: 1000 };

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;
const UNITS: Record<string, number> = { b: 1, k: KIB, kb: KIB, kib: KIB, m: MIB, mb: MIB, mib: MIB, g: GIB, gb: GIB, gib: GIB };

/** `32MiB`, `512k`, `1048576` (bytes), as a command-line option value. */
export function parseSize(value: string): number {
  const match = SIZE.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`expected a size such as 32MiB, 512KiB or 1048576 (bytes), got ${JSON.stringify(cut(value))}`);
  const bytes = Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]);
  if (!(bytes >= 1)) throw new InvalidArgumentError(`the size must be at least 1 byte, got ${JSON.stringify(cut(value))}`);
  return bytes;
}

/** `--max-input-size`: at most 256 MiB (Node.js cannot hold a much larger text). */
export function parseFileSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes > LARGEST_FILE_LIMIT) throw new InvalidArgumentError(`the size per file can be at most ${formatSize(LARGEST_FILE_LIMIT)}, got ${JSON.stringify(cut(value))}`);
  return bytes;
}

/** A count option such as `--max-diagnostics`: a whole number, 0 or more. */
export function parseCount(value: string): number {
  if (!/^\d{1,9}$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number 0 or more, got ${JSON.stringify(cut(value))}`);
  return Number(value.trim());
}

/** `32 MiB`, `512 KiB`, `100 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= GIB && bytes % GIB === 0) return `${bytes / GIB} GiB`;
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= KIB && bytes % KIB === 0) return `${bytes / KIB} KiB`;
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}

/** The longest string a JSON report's `value` keeps. */
export const JSON_STRING_LENGTH = 1024;
/** The most nodes (values, keys included) a JSON report's `value` keeps, with aliases counted each time they are met. */
const JSON_VALUE_NODES = 200;
/** The deepest a JSON report's `value` goes. */
const JSON_VALUE_DEPTH = 16;

/**
 * A value as a JSON report echoes it: strings cut to 1024 characters, at most 200 nodes and 16
 * levels (the rest replaced by `"…"`), `NaN`, `Infinity` and `-Infinity` as strings (JSON has no
 * such numbers and would print null), anything else that is not JSON data as a string.
 */
export function boundedValue(value: unknown): unknown {
  let budget = JSON_VALUE_NODES;
  const copy = (node: unknown, depth: number): unknown => {
    if (budget <= 0 || depth > JSON_VALUE_DEPTH) return ELLIPSIS;
    budget--;
    if (node === null || typeof node === 'boolean') return node;
    if (typeof node === 'number') return Number.isFinite(node) ? node : String(node);
    if (typeof node === 'string') return cut(node, JSON_STRING_LENGTH);
    if (typeof node === 'bigint') return String(node);
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      for (const item of node) {
        if (budget <= 0) {
          out.push(ELLIPSIS);
          break;
        }
        out.push(copy(item, depth + 1));
      }
      return out;
    }
    if (typeof node === 'object') {
      const out = new Map<string, unknown>();
      for (const key of Object.keys(node)) {
        if (budget <= 0) {
          out.set(ELLIPSIS, ELLIPSIS);
          break;
        }
        budget--;
        out.set(cut(key, JSON_STRING_LENGTH), copy((node as Record<string, unknown>)[key], depth + 1));
      }
      return Object.fromEntries(out);
    }
    return String(node);
  };
  return copy(value, 0);
}
