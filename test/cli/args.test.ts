import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, type FlagSpec } from '../../src/cli/args';
import { main } from '../../src/cli/main';

const spec: Record<string, FlagSpec> = {
  seed: { type: 'string', describe: 'seed' },
  json: { type: 'boolean', describe: 'json' },
  replications: { type: 'number', minInt: 1, describe: 'replications' },
  map: { type: 'string', repeat: true, describe: 'map' },
  tz: { type: 'string', describe: 'zone' },
};

const fails = (argv: string[]): string => {
  try {
    parseArgs(argv, spec);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
};

describe('parseArgs', () => {
  it('refuses a flag where a value is expected: --seed --json', () => {
    expect(fails(['--seed', '--json'])).toBe('--seed: expected a value, got the flag --json (write --seed=--json if that is the value)');
    expect(parseArgs(['--seed=--json'], spec).flags.seed).toBe('--json');
  });

  it('ends the options at --: what follows is positional, even when it looks like a flag', () => {
    expect(parseArgs(['a.json', '--json', '--', '--seed', 'b.json'], spec)).toEqual({ positional: ['a.json', '--seed', 'b.json'], flags: { json: true } });
  });

  it('takes values in both spellings, repeats, and values that start with one dash (an offset)', () => {
    expect(parseArgs(['--seed', '7', '--replications=3', '--map', 'a=b', '--map', 'c=d', '--tz', '-05:00'], spec).flags).toEqual({
      seed: '7', replications: 3, map: ['a=b', 'c=d'], tz: '-05:00',
    });
  });

  it('names unknown flags, missing values, bad numbers and values given to switches', () => {
    expect(fails(['--sed', '7'])).toMatch(/^unknown flag --sed; expected one of: --seed, --json, --replications, --map, --tz/);
    expect(fails(['-s', '7'])).toMatch(/^unknown flag -s/);
    expect(fails(['--seed'])).toBe('--seed: expected a value, got nothing');
    expect(fails(['--replications', '2.5'])).toBe('--replications: expected an integer >= 1, got "2.5"');
    expect(fails(['--replications', 'ten'])).toBe('--replications: expected an integer >= 1, got "ten"');
    expect(fails(['--json=yes'])).toBe('--json takes no value, got "yes"');
  });

  it('gives the command usage and exit code 2 for `leadlab run --seed --json`', async () => {
    let err = '';
    const code = await main(['run', '--seed', '--json'], { out: () => {}, err: (t) => (err += t), cwd: process.cwd(), isTTY: false });
    expect(code).toBe(2);
    expect(err).toMatch(/leadlab run: --seed: expected a value, got the flag --json/);
    expect(err).toMatch(/Usage: leadlab run/);
  });
});

describe('leadlab --help', () => {
  it('lists every command with a summary written as a sentence: a capital first, a full stop last', async () => {
    const { commands } = await import('../../src/cli/commands');
    for (const c of commands) expect(c.summary, c.name).toMatch(/^[A-Z].*\.$/);
  });
});
