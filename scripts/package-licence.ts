/**
 * Where a generated file's code or schemas come from, for its header: the package, its version
 * and its licence text. The model packages are MIT-licensed, and MIT asks that the notice
 * travel with every copy of a substantial portion, which a generated validator is.
 */
import * as fs from 'fs';
import * as path from 'path';

const REPOSITORY = path.join(__dirname, '..');

export interface PackageInfo {
  /** The folder holding its package.json. */
  readonly root: string;
  readonly name: string;
  readonly version: string;
}

/** The package a file belongs to (the nearest package.json with a name and version). */
export function packageOfFile(file: string): PackageInfo {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf-8')) as { name?: string; version?: string };
    if (name && version) return { root: dir, name, version };
  }
  throw new Error(`no package.json above ${file}`);
}

/** A package as this repository resolves it. */
export function installedPackage(name: string): PackageInfo {
  return packageOfFile(require.resolve(`${name}/package.json`, { paths: [REPOSITORY] }));
}

/** The packages' LICENSE files as `//` comment lines, each distinct text once with the packages it covers. */
export function licenceHeader(packages: readonly PackageInfo[]): string[] {
  const byText = new Map<string, string[]>();
  for (const pkg of packages) {
    const text = fs.readFileSync(path.join(pkg.root, 'LICENSE'), 'utf-8').trim();
    byText.set(text, [...(byText.get(text) ?? []), pkg.name]);
  }
  return [...byText].flatMap(([text, names]) => [
    `// ${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} distributed under this licence:`,
    '//',
    ...text.split('\n').map(line => (line.trim() ? `// ${line.trimEnd()}` : '//')),
  ]);
}
