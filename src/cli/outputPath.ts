import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BadInputError } from './args';

/** A file a command reads, and how a message names it ("the scenario file", "--leads"). */
export interface InputPath {
  path: string;
  what: string;
}

/**
 * Checks, before anything is simulated, that `path` can be written: its folder exists and is writable, the
 * path is not a folder, and it is not one of the command's `inputs` (writing it would destroy what was read).
 * Throws a UsageError naming the flag and the problem (exit code 2).
 */
export function checkOutputPath(path: string, cwd: string, flag: string, inputs: readonly InputPath[] = []): void {
  const full = resolve(cwd, path);
  const dir = dirname(full);
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new BadInputError(`${flag} ${path}: the folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory()) throw new BadInputError(`${flag} ${path}: ${dir} is not a folder`);
  try {
    if (statSync(full).isDirectory()) throw new BadInputError(`${flag} ${path}: is a folder; give a file name`);
  } catch (e) {
    if (e instanceof BadInputError) throw e;
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new BadInputError(`${flag} ${path}: the folder ${dir} is not writable`);
  }
  checkNotAnInput(path, cwd, flag, inputs);
}

/**
 * Refuses an output `path` that is the same file as one of `inputs`: same real path once symlinks are followed,
 * or the same file under another name (a hard link). A file that does not exist yet is no input's.
 */
export function checkNotAnInput(path: string, cwd: string, flag: string, inputs: readonly InputPath[]): void {
  const out = identity(resolve(cwd, path));
  if (!out) return;
  for (const input of inputs) {
    const id = identity(resolve(cwd, input.path));
    if (id && (id.real === out.real || (id.dev === out.dev && id.ino === out.ino))) {
      throw new BadInputError(`${flag} ${path}: is also an input of this command (${input.what} ${input.path}); writing there would overwrite it. Give another file name`);
    }
  }
}

function identity(full: string): { real: string; dev: number; ino: number } | undefined {
  try {
    const stat = statSync(full);
    return { real: realpathSync(full), dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}

/**
 * What a "Wrote ..." message adds when outputs replace files that were there: "; it replaced an earlier file of that
 * name", "; it replaced the earlier a.json, a.runs.csv", or "" when none was there. Call it before writing them.
 */
export function replacedWords(paths: readonly string[], cwd: string): string {
  const there = paths.filter((p) => identity(resolve(cwd, p)) !== undefined);
  if (there.length === 0) return '';
  return paths.length === 1 ? '; it replaced an earlier file of that name' : `; it replaced the earlier ${there.join(', ')}`;
}
