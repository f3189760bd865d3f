import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function cli(args: string[], cwd: string) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTTY: false });
  return { code, out, err };
}

/** A folder with a good scenario, one with a wrong field, one that is not JSON, and sweep, optimize and shard files as bad. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-json-failure-'));
  const small = { days: 6, warmupDays: 1, cooldownDays: 1, leads: { perDay: 5 }, replications: 2 };
  writeFileSync(join(dir, 'good.json'), JSON.stringify(small));
  writeFileSync(join(dir, 'bad-field.json'), JSON.stringify({ ...small, callbacks: 'radr' }));
  writeFileSync(join(dir, 'not-json.json'), '{ "days": 6,, }');
  writeFileSync(join(dir, 'bad-sweep.json'), JSON.stringify({ base: { ...small, callbacks: 'radr' }, parameters: { 'leads.perDay': [5, 6] } }));
  writeFileSync(join(dir, 'bad-optimize.json'), JSON.stringify({ base: small, metric: 'fundedd', parameters: { 'leads.perDay': [5, 6] } }));
  writeFileSync(join(dir, 'calls.csv'), 'Lead ID,Lead Created,Call Time,Disposition\nL1,2024-03-04 09:00,2024-03-04 09:05,no answer\n');
  return dir;
}

// Every command that takes --json, with a bad scenario (a wrong field, a file that is not JSON), a bad flag value and a
// missing input: what the human reads on stderr is what a script reads in `failure` on stdout.
const CASES: [string, string[], RegExp][] = [
  ['run: a wrong field', ['run', 'bad-field.json'], /callbacks: expected one of/],
  ['run: not JSON', ['run', 'not-json.json'], /not-json\.json/],
  ['run: a bad flag value', ['run', 'good.json', '--replications', 'zero'], /--replications: expected an integer/],
  ['compare: a wrong field', ['compare', 'good.json', 'bad-field.json'], /callbacks: expected one of/],
  ['compare: a missing file', ['compare', 'good.json', 'nope.json'], /nope\.json: no such file/],
  ['sweep: a wrong field in the base', ['sweep', 'bad-sweep.json'], /callbacks: expected one of/],
  ['sweep: not JSON', ['sweep', 'not-json.json'], /not valid JSON/],
  ['optimize: a wrong metric', ['optimize', 'bad-optimize.json'], /optimize\.metric: expected one of/],
  ['diagnose: a wrong field', ['diagnose', 'bad-field.json', '--workers', '0'], /callbacks: expected one of/],
  ['diagnose: not JSON', ['diagnose', 'not-json.json', '--workers', '0'], /not-json\.json/],
  ['diagnose: a bad flag value', ['diagnose', 'good.json', '--workers', 'many'], /--workers: expected an integer/],
  ['diagnose: an unknown flag', ['diagnose', 'good.json', '--replication', '3'], /unknown flag --replication/],
  ['calibrate: a wrong field', ['calibrate', 'bad-field.json'], /callbacks: expected one of/],
  ['import: a bad flag value', ['import', 'calls.csv', '--date-order', 'ydm'], /--date-order: expected one of/],
  ['fit: a bad flag value', ['fit', 'calls.csv', '--age-decay', 'linear'], /--age-decay: expected table or exponential/],
  ['merge: not JSON', ['merge', 'not-json.json'], /not valid JSON/],
];

describe('under --json every failure of bad input is one JSON object on stdout', () => {
  for (const [what, args, message] of CASES) {
    it(`${what}: exit code 2, the message on stderr and as "failure" on stdout`, async () => {
      const r = await cli([...args, '--json'], folder());
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      const json = JSON.parse(r.out) as { failure: unknown };
      expect(typeof json.failure).toBe('string');
      expect(json.failure).toMatch(message);
      // The same words a person reads: the stderr message holds the failure as it is.
      expect(r.err).toContain(json.failure as string);
    });
  }

  it('lists a scenario\'s problems by file and path, as the message names them', async () => {
    const r = await cli(['compare', 'bad-field.json', 'good.json', 'not-json.json', '--json'], folder());
    const json = JSON.parse(r.out) as { problems: { where: string; path: string; message: string }[] };
    expect(json.problems.map((p) => [p.where, p.path])).toContainEqual(['bad-field.json', 'callbacks']);
    expect(json.problems.some((p) => p.where === 'not-json.json')).toBe(true);
    for (const p of json.problems) expect(r.err).toContain(`${p.path}: ${p.message}`);
  });

  it('prints nothing on stdout without --json', async () => {
    const r = await cli(['run', 'bad-field.json'], folder());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('a --json after "--" is a value, not the flag: no JSON', async () => {
    const r = await cli(['run', 'bad-field.json', '--', '--json'], folder());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });
});
