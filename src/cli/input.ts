/**
 * Reads the files, folders and standard input the CLI is given, within limits: only regular
 * files and standard input are read (never a FIFO, device or socket), no file larger than the
 * limit is read at all, and a symbolic link inside a folder is followed only while it stays
 * inside that folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';
import { DEFAULT_INPUT_LIMITS, InputLimits, formatSize } from './limits';

/** One input: its bytes as read, and its text. */
export interface InputFile {
  /** The path as given (folder entries joined to the folder as given), or `<stdin>`. */
  readonly name: string;
  /** The text, the bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
  readonly text: string;
  /**
   * The bytes as read, when read from a file or standard input: the YAML reader decodes them
   * itself, as kubectl does (UTF-16 with a byte order mark, invalid UTF-8 refused).
   */
  readonly bytes?: Uint8Array;
}

/** Everything a run could read, and what it could not. */
export interface InputRead {
  /** The inputs read, in the order given. */
  readonly inputs: InputFile[];
  /** One error per path that could not be read (the others are still read). */
  readonly errors: InputError[];
  /** Folder entries passed over, and why (a link that leads out of its folder, a FIFO named `*.yaml`). */
  readonly notices: InputError[];
}

/** The name standard input gets in messages. */
export const STDIN_NAME = '<stdin>';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules']);
const CHUNK = 64 * 1024;

/**
 * Reads every input: a file, a folder (its `*.yaml` and `*.yml` files, recursively, in sorted
 * order; hidden entries and `node_modules` skipped) or `-` for standard input. A file reached
 * twice (given twice, or also inside a given folder) is read once.
 *
 * @throws InputError for the first path that is missing, unreadable, too large or not a
 * regular file, or a folder without YAML files
 */
export function readInputs(paths: readonly string[], readStdin?: () => string, limits: InputLimits = DEFAULT_INPUT_LIMITS): InputFile[] {
  const read = collectInputs(paths, { readStdin, limits });
  if (read.errors.length > 0) throw read.errors[0];
  return read.inputs;
}

/** How `collectInputs` reads. */
export interface CollectOptions {
  /** Reads standard input (for tests); the default reads file descriptor 0 within the limit. */
  readonly readStdin?: () => string;
  readonly limits?: InputLimits;
}

/**
 * Reads every input as `readInputs` does, but goes on past a path that cannot be read: each
 * such path gives an error, and the others are read.
 */
export function collectInputs(paths: readonly string[], options: CollectOptions = {}): InputRead {
  const reader = new Reader(options.limits ?? DEFAULT_INPUT_LIMITS);
  for (const given of paths) {
    try {
      reader.add(given, options.readStdin);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      reader.errors.push(error);
    }
  }
  return { inputs: reader.inputs, errors: reader.errors, notices: reader.notices };
}

class Reader {
  public readonly inputs: InputFile[] = [];
  public readonly errors: InputError[] = [];
  public readonly notices: InputError[] = [];
  private readonly seen = new Set<string>();
  private totalBytes = 0;

  constructor(private readonly limits: InputLimits) {}

  public add(given: string, readStdin: (() => string) | undefined): void {
    if (given === '-') {
      if (this.seen.has(STDIN_NAME)) return;
      this.seen.add(STDIN_NAME);
      this.inputs.push(readStdin
        ? { name: STDIN_NAME, text: this.checkedText(STDIN_NAME, readStdin()) }
        : bytesInput(STDIN_NAME, this.readDescriptor(STDIN_NAME, 0, undefined)));
      return;
    }
    // an argument may be a symbolic link: it is followed (the user named it)
    const stats = statOf(given);
    if (stats.isDirectory()) {
      const root = realPath(given);
      const files = this.yamlFilesIn(given, root, new Set([root]));
      if (files.length === 0) {
        throw new InputError(given, 'no .yaml or .yml files in this folder (hidden folders and node_modules are skipped)');
      }
      for (const file of files) {
        try {
          this.addFile(file.name, file.real);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          this.errors.push(error);
        }
      }
    } else {
      this.addFile(given, realPath(given));
    }
  }

  private addFile(name: string, real: string): void {
    if (this.seen.has(real)) return;
    this.seen.add(real);
    this.inputs.push(bytesInput(name, this.readFile(name, real)));
  }

  /** YAML files under a folder, depth first, entries in code-point order, never leaving `root` through a link. */
  private yamlFilesIn(folder: string, root: string, visited: Set<string>): Array<{ name: string; real: string }> {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw new InputError(folder, reason(error));
    }
    const files: Array<{ name: string; real: string }> = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      let real = full;
      let stats: fs.Stats | undefined;
      if (entry.isSymbolicLink()) {
        const target = safeRealPath(full);
        if (target === undefined) continue; // a dangling link is not an input
        if (!isInside(target, root)) {
          // the target is neither read nor named: it could be a secret the link was committed to reveal
          if (YAML_FILE.test(entry.name) || safeStat(target)?.isDirectory()) {
            this.notices.push(new InputError(full, 'skipped: a symbolic link that leads out of the folder being read is not followed'));
          }
          continue;
        }
        real = target;
        stats = safeStat(target);
        if (!stats) continue;
      }
      const isDirectory = stats ? stats.isDirectory() : entry.isDirectory();
      const isFile = stats ? stats.isFile() : entry.isFile();
      if (isDirectory) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        const realFolder = stats ? real : realPath(full);
        if (visited.has(realFolder)) continue; // a link back up the tree
        visited.add(realFolder);
        files.push(...this.yamlFilesIn(full, root, visited));
      } else if (YAML_FILE.test(entry.name)) {
        if (isFile) files.push({ name: full, real: stats ? real : realPath(full) });
        else this.notices.push(new InputError(full, `skipped: ${kindOf(stats ?? entry)}, not a regular file`));
      }
    }
    return files;
  }

  /** Reads a regular file, refusing anything else before reading a byte. */
  private readFile(name: string, real: string): Buffer {
    let fd: number;
    try {
      // non-blocking, so opening a FIFO does not wait for a writer; fstat then refuses it
      fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch (error) {
      throw new InputError(name, reason(error));
    }
    try {
      const stats = fs.fstatSync(fd);
      if (!stats.isFile()) {
        throw new InputError(name, `${kindOf(stats)}, not a regular file: only files, folders and - (standard input) are read`);
      }
      this.checkSize(name, stats.size);
      return this.readDescriptor(name, fd, stats.size);
    } finally {
      fs.closeSync(fd);
    }
  }

  private checkSize(name: string, bytes: number): void {
    if (bytes > this.limits.maxFileBytes) {
      throw new InputError(name, `the input is larger than ${formatSize(this.limits.maxFileBytes)}, the limit per file (--max-input-size): it is not read`);
    }
    if (this.totalBytes + bytes > this.limits.maxTotalBytes) {
      throw new InputError(name, `the inputs together are larger than ${formatSize(this.limits.maxTotalBytes)}, the limit in total (--max-total-input-size): this one is not read`);
    }
  }

  /** Reads at most the limit (plus one byte, to tell that there is more) from a descriptor. */
  private readDescriptor(name: string, fd: number, expected: number | undefined): Buffer {
    const limit = Math.min(this.limits.maxFileBytes, this.limits.maxTotalBytes - this.totalBytes);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      // a regular file is read into one buffer of its size (plus a byte, to see it did not grow)
      const wanted = expected === undefined ? CHUNK : Math.max(1, expected - length + 1);
      const buffer = Buffer.allocUnsafe(Math.min(wanted, limit - length + 1));
      let count: number;
      try {
        count = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if (fd === 0 && isErrno(error) && error.code === 'EAGAIN') {
          throw new InputError(name, 'standard input is not readable (pipe the YAML in, or pass file names)');
        }
        if (fd === 0 && isErrno(error) && error.code === 'EOF') break;
        throw new InputError(name, reason(error));
      }
      if (count === 0) break;
      chunks.push(count === buffer.length ? buffer : buffer.subarray(0, count));
      length += count;
      if (length > limit) this.checkSize(name, length);
    }
    this.totalBytes += length;
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
  }

  /** Text from a custom standard input reader, held to the same limits. */
  private checkedText(name: string, text: string): string {
    const bytes = Buffer.byteLength(text, 'utf-8');
    this.checkSize(name, bytes);
    this.totalBytes += bytes;
    return text;
  }
}

/** An input read as bytes; its text is decoded only when asked for. */
function bytesInput(name: string, bytes: Buffer): InputFile {
  return {
    name,
    bytes,
    get text(): string {
      return bytes.toString('utf-8');
    },
  };
}

/** `a FIFO (named pipe)`, `a socket`, `a character device`... */
function kindOf(stats: fs.Stats | fs.Dirent): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a file or folder';
}

function isInside(target: string, root: string): boolean {
  if (target === root) return true;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return target.startsWith(prefix);
}

function statOf(file: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (error) {
    throw new InputError(file, reason(error));
  }
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function realPath(file: string): string {
  return safeRealPath(file) ?? path.resolve(file);
}

function safeRealPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A Node.js system error (checked by shape: errors may come from another realm, as under Jest). */
function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** A file system error in words, without the path (the InputError names it). */
function reason(error: unknown): string {
  if (isErrno(error)) {
    switch (error.code) {
      case 'ENOENT': return 'no such file or folder';
      case 'EACCES':
      case 'EPERM': return 'permission denied';
      case 'ENOTDIR': return 'not a folder (a part of the path is a file)';
      case 'EISDIR': return 'is a folder';
      case 'ELOOP': return 'too many levels of symbolic links';
      case 'ENXIO': return 'a socket or device that cannot be opened, not a regular file';
      default: break;
    }
  }
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
