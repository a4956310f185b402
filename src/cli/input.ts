/**
 * Reads the files, folders and standard input the CLI is given.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';

/** One input's text. */
export interface InputFile {
  /** The path as given (folder entries joined to the folder as given), or `<stdin>`. */
  readonly name: string;
  readonly text: string;
}

/** The name standard input gets in messages. */
export const STDIN_NAME = '<stdin>';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * Reads every input: a file, a folder (its `*.yaml` and `*.yml` files, recursively, in sorted
 * order; hidden entries and `node_modules` skipped) or `-` for standard input. A file reached
 * twice (given twice, or also inside a given folder) is read once.
 *
 * @throws InputError when a path is missing or unreadable, or a folder has no YAML file
 */
export function readInputs(paths: readonly string[], readStdin: () => string = readStandardInput): InputFile[] {
  const inputs: InputFile[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    if (given === '-') {
      if (seen.has(STDIN_NAME)) continue;
      seen.add(STDIN_NAME);
      inputs.push({ name: STDIN_NAME, text: readStdin() });
      continue;
    }
    const stats = statOf(given);
    if (stats.isDirectory()) {
      const files = yamlFilesIn(given, new Set([realPath(given)]));
      if (files.length === 0) {
        throw new InputError(given, 'no .yaml or .yml files in this folder (hidden folders and node_modules are skipped)');
      }
      for (const file of files) addFile(file, inputs, seen);
    } else {
      addFile(given, inputs, seen);
    }
  }
  return inputs;
}

function addFile(file: string, inputs: InputFile[], seen: Set<string>): void {
  const key = realPath(file);
  if (seen.has(key)) return;
  seen.add(key);
  inputs.push({ name: file, text: readText(file) });
}

/** YAML files under a folder, depth first, entries in code-point order. */
function yamlFilesIn(folder: string, visited: Set<string>): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new InputError(folder, reason(error));
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = safeStat(full);
      if (!target) continue; // a dangling link is not an input
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDirectory) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const real = realPath(full);
      if (visited.has(real)) continue; // a link back up the tree
      visited.add(real);
      files.push(...yamlFilesIn(full, visited));
    } else if (isFile && YAML_FILE.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
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
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch (error) {
    throw new InputError(file, reason(error));
  }
}

function readStandardInput(): string {
  try {
    return fs.readFileSync(0, 'utf-8');
  } catch (error) {
    if (isErrno(error) && error.code === 'EAGAIN') {
      throw new InputError(STDIN_NAME, 'standard input is not readable (pipe the YAML in, or pass file names)');
    }
    throw new InputError(STDIN_NAME, reason(error));
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
      default: break;
    }
  }
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
