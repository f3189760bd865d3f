import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BadInputError } from './args';

/** An input file that cannot be read: a missing file, a folder, an empty file, a damaged gzip. Exit code 2. */
export class InputFileError extends BadInputError {
  override name = 'InputFileError';
}

/**
 * Why the file at `path` cannot be read as input, or undefined when it can. The one rule for every command's
 * input files: each of these is bad input (exit code 2) with a message naming the file and what is wrong.
 */
export function inputFileProblem(path: string, cwd: string): string | undefined {
  let stat;
  try {
    stat = statSync(resolve(cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not readable (permission denied)' : (e as Error).message;
  }
  if (stat.isDirectory()) return 'is a folder, not a file';
  if (stat.size === 0) return 'is empty (0 bytes)';
  return undefined;
}

/** Describes a gzip or read error while streaming a file, for {@link InputFileError}. */
export function describeReadError(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message)) return 'is a truncated gzip file (it ends before the compressed data does)';
  if (err.code === 'Z_DATA_ERROR') return `is a damaged gzip file (${err.message})`;
  if (err.code === 'EISDIR') return 'is a folder, not a file';
  if (err.code === 'ENOENT') return 'no such file';
  return undefined;
}

/**
 * Reads a whole input file as text (gunzipped when gzip), or throws an {@link InputFileError} saying what is wrong with
 * it ("no such file", "is a truncated gzip file ..."), for the caller to name the file as its user knows it.
 */
export function inputText(path: string, cwd: string): string {
  const problem = inputFileProblem(path, cwd);
  if (problem) throw new InputFileError(problem);
  const bytes = readFileSync(resolve(cwd, path));
  try {
    return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    throw new InputFileError(describeReadError(e) ?? (e as Error).message);
  }
}

/** Reads a whole input file as text (gunzipped when gzip), or throws an {@link InputFileError} naming it. */
export function readInputText(path: string, cwd: string, what: string): string {
  try {
    return inputText(path, cwd);
  } catch (e) {
    if (e instanceof InputFileError) throw new InputFileError(`${what} ${path}: ${e.message}`);
    throw e;
  }
}
