import { Command } from 'commander';

/** Registers `describe` (written in its own change). */
export function registerDescribe(program: Command): void {
  void program;
}
