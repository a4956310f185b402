import { Command } from 'commander';

/** Registers `validate` (written in its own change). */
export function registerValidate(program: Command): void {
  void program;
}
