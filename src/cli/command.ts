import type { FlagSpec } from './args';

/** What a command may print to and read from; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  isTTY: boolean;
}

/** One `leadlab` subcommand: one file in src/cli and one entry in src/cli/commands.ts. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  /**
   * Returns the process exit code (0 success, 1 failure, 2 a fit refused, 130 interrupted); bad input (a bad flag, a
   * scenario that does not validate, a file that cannot be read) is thrown, and `main` says it (exit code 2).
   */
  run(argv: string[], io: CliIO): Promise<number>;
}
