import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args';

/**
 * Checks, before anything is simulated, that `path` can be written: its folder exists and is writable, and the
 * path is not a folder. Throws a UsageError naming the flag and the problem (exit code 2).
 */
export function checkOutputPath(path: string, cwd: string, flag: string): void {
  const full = resolve(cwd, path);
  const dir = dirname(full);
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new UsageError(`${flag} ${path}: the folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory()) throw new UsageError(`${flag} ${path}: ${dir} is not a folder`);
  try {
    if (statSync(full).isDirectory()) throw new UsageError(`${flag} ${path}: is a folder; give a file name`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${path}: the folder ${dir} is not writable`);
  }
}
