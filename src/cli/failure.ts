import { ScenarioError } from '../scenario/load';
import { BadInputError, UsageError } from './args';

/** Scenario files that do not validate: every problem of every file, then that nothing was run. Exit code 2. */
export class ScenarioFilesError extends BadInputError {
  override name = 'ScenarioFilesError';
  constructor(errors: readonly ScenarioError[]) {
    super(`${errors.map((e) => e.message).join('\n')}\nNothing was run. \`leadlab schema\` prints the full scenario schema.`, {
      // `where`: the scenario file as given, or what else was checked ("sweep.base", a sweep's combination).
      problems: errors.flatMap((e) => e.issues.map((i) => ({ where: e.where, path: i.path, message: i.message }))),
    });
  }
}

/** How a command that stops on bad input (exit code 2) says so: on stderr, and under --json as an object on stdout. */
export interface BadInputFailure {
  /** Why, in words: printed on stderr after the command's name, and as `failure` under --json. */
  message: string;
  /** A usage error: the command's usage follows the message on stderr. */
  usage: boolean;
  /** What --json prints beside `failure` (the file read before the command stopped, each scenario problem). */
  json: Record<string, unknown>;
}

/** The failure of bad input that `e` is (a bad flag, a bad scenario, an unreadable file), or undefined for any other error. */
export function badInputFailure(e: unknown): BadInputFailure | undefined {
  if (e instanceof UsageError) return { message: e.message, usage: true, json: {} };
  const bad = e instanceof ScenarioError ? new ScenarioFilesError([e]) : e;
  if (bad instanceof BadInputError) return { message: bad.message, usage: false, json: bad.json };
  return undefined;
}

/**
 * The one object a command prints on stdout under --json when it stops on bad input, so that a script reading stdout
 * always gets an object: `failure` (the words of stderr) and what the command had read.
 */
export function failureJson(failure: BadInputFailure): string {
  return JSON.stringify({ failure: failure.message, ...failure.json }, null, 2) + '\n';
}
