/** A command-line usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface FlagSpec {
  /** "boolean" flags take no value; "string" and "number" flags take the next word. */
  type: 'boolean' | 'string' | 'number';
  /** May be given more than once (values are collected in order). */
  repeat?: boolean;
  /** For numbers: an integer at least this large. */
  minInt?: number;
  describe: string;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | number | boolean | string[] | undefined>;
}

/**
 * Parses `argv` against the flags a command accepts; unknown flags and bad values raise a UsageError that
 * names the flag and what was expected.
 */
export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const positional: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('--') || word === '--') {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    const s = spec[name];
    if (!s) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(', ');
      throw new UsageError(`unknown flag --${name}; expected one of: ${known || '(none)'}`);
    }
    if (s.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value, got "${word.slice(eq + 1)}"`);
      flags[name] = true;
      continue;
    }
    const raw = eq !== -1 ? word.slice(eq + 1) : argv[++i];
    if (raw === undefined) throw new UsageError(`--${name}: expected a ${s.type === 'number' ? 'number' : 'value'}, got nothing`);
    let value: string | number = raw;
    if (s.type === 'number') {
      const n = Number(raw);
      const wantInt = s.minInt !== undefined;
      if (raw.trim() === '' || !Number.isFinite(n) || (wantInt && (!Number.isInteger(n) || n < s.minInt!))) {
        throw new UsageError(`--${name}: expected ${wantInt ? `an integer >= ${s.minInt}` : 'a number'}, got "${raw}"`);
      }
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
  return Object.entries(spec)
    .map(([k, s]) => `  --${k}${s.type === 'boolean' ? '' : s.type === 'number' ? ' N' : ' VALUE'}`.padEnd(26) + s.describe)
    .join('\n');
}
