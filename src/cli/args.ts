import { parseArgs as nodeParseArgs } from 'node:util';

/** A command-line usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Bad input that is not a matter of usage (a file that cannot be read, a run too large): exit code 2, no usage text.
 * `json` is what `--json` prints beside the `failure` (e.g. the import report of a file read before it stopped).
 */
export class BadInputError extends Error {
  override name = 'BadInputError';
  constructor(
    message: string,
    readonly json: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface FlagSpec {
  /** "boolean" flags take no value; "string" and "number" flags take the next word. */
  type: 'boolean' | 'string' | 'number';
  /** May be given more than once (values are collected in order). */
  repeat?: boolean;
  /** For numbers: an integer at least this large. */
  minInt?: number;
  /** For numbers: at most this large, and where that limit comes from ("the scenario schema's replications"). */
  max?: { value: number; why: string };
  describe: string;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | number | boolean | string[] | undefined>;
}

/**
 * Parses `argv` against the flags a command accepts, with `node:util` `parseArgs` underneath (so `--` ends the
 * options and `--flag=value` works) and a thin layer on top for what it leaves to the caller: unknown flags and bad
 * values raise a UsageError that names the flag and what was expected; a word starting with "--" is never taken as
 * a value (`--seed --json` is an error: write `--seed=--json` for such a value); numbers are checked.
 *
 * @example
 * parseArgs(['a.json', '--seed', '7', '--', '--not-a-flag'], { seed: { type: 'string', describe: '' } })
 * // { positional: ['a.json', '--not-a-flag'], flags: { seed: '7' } }
 */
export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, s] of Object.entries(spec)) options[name] = { type: s.type === 'boolean' ? 'boolean' : 'string', multiple: Boolean(s.repeat) };
  const { tokens } = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  const known = () => Object.keys(spec).map((k) => `--${k}`).join(', ') || '(none)';
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const { name, rawName } = token;
    const s = spec[name];
    if (!s || rawName !== `--${name}`) {
      throw new UsageError(`unknown flag ${rawName}; expected one of: ${known()} (a value that starts with "-" goes after "--")`);
    }
    if (s.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${name} takes no value, got "${token.value}"`);
      flags[name] = true;
      continue;
    }
    const raw = token.value;
    const what = s.type === 'number' ? (s.minInt !== undefined ? `an integer >= ${s.minInt}` : 'a number') : 'a value';
    if (raw === undefined) throw new UsageError(`--${name}: expected ${what}, got nothing`);
    if (!token.inlineValue && raw.startsWith('--')) {
      throw new UsageError(`--${name}: expected ${what}, got the flag ${raw} (write --${name}=${raw} if that is the value)`);
    }
    let value: string | number = raw;
    if (s.type === 'number') {
      const n = Number(raw);
      const wantInt = s.minInt !== undefined;
      if (raw.trim() === '' || !Number.isFinite(n) || (wantInt && (!Number.isInteger(n) || n < s.minInt!))) {
        throw new UsageError(`--${name}: expected ${what}, got "${raw}"`);
      }
      if (s.max && n > s.max.value) throw new UsageError(`--${name}: expected ${what} and at most ${s.max.value.toLocaleString('en-US')} (${s.max.why}), got "${raw}"`);
      value = n;
    }
    if (s.repeat) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(String(value));
      flags[name] = list;
    } else flags[name] = value;
  }
  return { positional, flags };
}

/** Usage text for a flag table. */
export function describeFlags(spec: Record<string, FlagSpec>): string {
  const names = Object.entries(spec).map(([k, s]) => `  --${k}${s.type === 'boolean' ? '' : s.type === 'number' ? ' N' : ' VALUE'}`);
  // Two spaces at least between a flag and its description, however long the flag ("--leads-date-order VALUE").
  const width = Math.max(26, ...names.map((n) => n.length + 2));
  return Object.values(spec)
    .map((s, i) => names[i].padEnd(width) + s.describe)
    .join('\n');
}
