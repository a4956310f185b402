/**
 * What the CI formats (SARIF, GitHub annotations, JUnit) are given: the findings, every object
 * read (so JUnit can list the clean ones), and what fails the run.
 */
import { Severity } from '../../validation/diagnostic';
import { shortenValues } from '../../text/escape';
import { LocatedDiagnostic } from '../output';

/** Which findings fail the run: errors only (the default) or warnings too. */
export type FailOn = 'error' | 'warning';

/** One object read from the input. */
export interface ReportObject {
  /** The input's name, as printed in the text format. */
  readonly file: string;
  /** `Kind/namespace/name`, as diagnostics name it. */
  readonly resource: string;
  /** Whether some rule applies to its kind (otherwise it was skipped). */
  readonly checked: boolean;
}

/** An input that could not be read (the others were still checked). */
export interface ReportInputError {
  /** The input, or '' for a usage error (a flag's value, the settings file's content is named in the message). */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface CiReport {
  readonly diagnostics: readonly LocatedDiagnostic[];
  /** Inputs that could not be read: reported as tool errors (SARIF), `::error` lines (GitHub), `<error>` testcases (JUnit). */
  readonly inputErrors?: readonly ReportInputError[];
  readonly objects: readonly ReportObject[];
  readonly failOn: FailOn;
  /** The folder file names are made relative to (SARIF); the working directory by default. */
  readonly cwd?: string;
}

/** Whether a finding fails the run under `--fail-on`. */
export function isFailing(severity: Severity, failOn: FailOn): boolean {
  return severity === Severity.ERROR || failOn === 'warning';
}

/** This package's version, for SARIF's tool.driver. */
export function toolVersion(): string {
  try {
    // lib/cli/formats/report.js -> package.json three levels up (src/cli/formats in development)
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Makes invisible, reordering and line-breaking characters visible as `\u001b`: C0 controls
 * other than tab, DEL, C1 controls, U+2028 and U+2029, the bidirectional formatting characters
 * and unpaired surrogates. `keep` lists characters the format escapes itself.
 */
export function visible(text: string, keep: (code: number) => boolean = () => false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let unsafe = (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029
      || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      unsafe = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      unsafe = true;
    }
    if (!unsafe || keep(code)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A message or field path with the values it quotes cut short (not escaped: each format escapes). */
export function shortMessage(text: string): string {
  return shortenValues(text);
}
