import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShards, parseSweepSpec, sweepCombinations, type SweepShard } from '../../src/compare';
import { parseArgs, UsageError } from '../../src/cli/args';
import { main } from '../../src/cli/main';
import { METRIC_NAMES } from '../../src/sim/runResult';
import { int, mulberry32, pick, type Rand } from '../helpers/random';

/**
 * Random sweep files and damaged shard files: every one is either accepted or refused with an Error whose message
 * names where ("sweep.replications", "merge: b.json: runs[3]") and what was expected; nothing hangs or throws a
 * TypeError from deep inside.
 */

function anyJson(r: Rand, depth = 0): unknown {
  const k = int(r, 0, depth > 2 ? 5 : 7);
  if (k === 0) return null;
  if (k === 1) return r() < 0.5;
  if (k === 2) return pick(r, [0, -1, 1.5, 1e21, 2 ** 53 + 2, NaN, 7]);
  if (k === 3) return pick(r, ['', 'x', '1-4', '0-1000000000', '1-2:0.0000001', '5-1', '1,2,3', 'radar,single-call']);
  if (k === 4 || k === 5) return pick(r, [3, 'a']);
  if (k === 6) return Array.from({ length: int(r, 0, 3) }, () => anyJson(r, depth + 1));
  return Object.fromEntries(Array.from({ length: int(r, 0, 3) }, () => [pick(r, ['a', 'agents[0].count', 'x.y', '[', 'days']), anyJson(r, depth + 1)]));
}

function randomSweep(r: Rand): unknown {
  if (r() < 0.1) return anyJson(r);
  const o: Record<string, unknown> = {};
  if (r() < 0.9) o.base = r() < 0.7 ? pick(r, ['base.json', {}, { days: 30 }]) : anyJson(r);
  if (r() < 0.9) {
    o.parameters = r() < 0.7
      ? Object.fromEntries(Array.from({ length: int(r, 1, 3) }, () => [pick(r, ['days', 'agents[0].pipelineLimit', 'leads.perDay', 'callbacks']), pick(r, ['1-4', '10,20', [1, 2], '0-1000000000', '0-100:0.001', ['radar'], 7, []])]))
      : anyJson(r);
  }
  if (r() < 0.5) o.replications = pick(r, [1, 10, 10_000, 10_001, 0, 2.5, '3', 1e9]);
  if (r() < 0.4) o.seed = pick(r, [1, 'abc', 2 ** 60, -3, 1.5, null, {}]);
  if (r() < 0.3) o.name = pick(r, ['Sweep A', 3, { a: 1 }, null]);
  if (r() < 0.1) o.extra = 1;
  return o;
}

describe('random sweep files', () => {
  it('are accepted within the limits or refused with the path and what was expected, quickly', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = mulberry32(seed);
      const spec = randomSweep(r);
      const started = Date.now();
      let result;
      try {
        result = parseSweepSpec(spec);
      } catch (e) {
        expect(e, JSON.stringify(spec)).not.toBeInstanceOf(TypeError);
        expect((e as Error).message, JSON.stringify(spec)).toMatch(/^sweep[.:[]/);
        expect((e as Error).message, JSON.stringify(spec)).toMatch(/expected|unknown field/);
      }
      expect(Date.now() - started, JSON.stringify(spec)).toBeLessThan(500);
      if (!result) continue;
      // What is accepted is within what a scenario accepts.
      if (result.replications !== undefined) expect(Number.isInteger(result.replications) && result.replications >= 1 && result.replications <= 10_000).toBe(true);
      if (typeof result.seed === 'number') expect(Number.isSafeInteger(result.seed)).toBe(true);
      expect(typeof result.name).toBe('string');
      expect(result.parameters.reduce((n, p) => n * p.values.length, 1)).toBeLessThanOrEqual(100_000);
    }
  });

  it('refuses a range of a billion values at once, before making them', () => {
    const started = Date.now();
    expect(() => parseSweepSpec({ base: {}, parameters: { days: '0-1000000000' } })).toThrow(/sweep\.parameters\["days"\]: expected at most 10000 values, got "0-1000000000", which gives 1,000,000,001/);
    expect(() => parseSweepSpec({ base: {}, parameters: { a: '1-1000', b: '1-1000' } })).toThrow(/sweep\.parameters: expected at most 100,000 combinations of values, got 1000 x 1000 = 1,000,000/);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses what a scenario refuses: 10,001 replications, a seed beyond 2^53, a name that is not text', () => {
    expect(() => parseSweepSpec({ base: {}, parameters: { days: '1-2' }, replications: 10_001 })).toThrow(/sweep\.replications: expected an integer from 1 to 10000 \(the scenario schema's limit\), got 10001/);
    expect(() => parseSweepSpec({ base: {}, parameters: { days: '1-2' }, seed: 2 ** 60 })).toThrow(/sweep\.seed: expected a string or an integer/);
    expect(() => parseSweepSpec({ base: {}, parameters: { days: '1-2' }, name: { a: 1 } })).toThrow(/sweep\.name: expected a string, got \{"a":1\}/);
  });
});

function shards(r: Rand, n: number, combinations: number, replications: number): SweepShard[] {
  const sweep = { name: 'S', base: {}, parameters: [{ path: 'days', values: Array.from({ length: combinations }, (_, k) => k + 1) }], replications, seed: 1 };
  const total = combinations * replications;
  return Array.from({ length: n }, (_, i) => {
    const [from, to] = [Math.floor((i * total) / n), Math.floor(((i + 1) * total) / n)];
    const runs = Array.from({ length: to - from }, (_, k) => ({
      combination: Math.floor((from + k) / replications),
      replication: (from + k) % replications,
      metrics: Object.fromEntries(METRIC_NAMES.map((m) => [m, r()])) as SweepShard['runs'][number]['metrics'],
    }));
    return { kind: 'leadlab-sweep-shard', sweep: JSON.parse(JSON.stringify(sweep)), shard: { index: i + 1, count: n }, range: { first: from + 1, last: to }, runs };
  });
}

describe('random damage to shard files', () => {
  it('merges whole sets and refuses damaged ones naming the file, the shard or the run', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = mulberry32(seed);
      const n = int(r, 1, 5);
      const set = shards(r, n, int(r, 1, 4), int(r, 1, 3)) as unknown as Record<string, unknown>[];
      const names = set.map((_, i) => `part${i + 1}.json`);
      const damage = pick(r, ['none', 'drop', 'twice', 'index', 'count', 'run', 'runs', 'metrics', 'kind', 'reps'] as const);
      const k = int(r, 0, set.length - 1);
      const s = set[k] as { shard: Record<string, unknown>; runs: unknown[]; sweep: Record<string, unknown>; kind: unknown };
      if (damage === 'drop' && set.length > 1) { set.splice(k, 1); names.splice(k, 1); }
      if (damage === 'twice') { set.push(s); names.push('again.json'); }
      if (damage === 'index') s.shard.index = pick(r, [0, -1, 99, 1.5, '1', null]);
      if (damage === 'count') s.shard.count = pick(r, [0, -2, 1e12, 2.5, null]);
      if (damage === 'run' && s.runs.length > 0) s.runs[int(r, 0, s.runs.length - 1)] = pick(r, [null, 3, {}, { combination: 99, replication: 0, metrics: {} }, { combination: 0, replication: -1, metrics: {} }, { combination: 0, replication: 0, metrics: null }]);
      if (damage === 'runs') s.runs = s.runs.slice(1);
      if (damage === 'metrics' && s.runs.length > 0) (s.runs[0] as Record<string, unknown>).metrics = 'x';
      if (damage === 'kind') s.kind = 'leadlab-sweep';
      if (damage === 'reps') s.sweep.replications = pick(r, [0, -1, 'x', null]);
      const label = `seed ${seed}: ${damage} in shard ${k + 1} of ${n}`;
      const started = Date.now();
      try {
        const result = mergeShards(set as unknown as SweepShard[], (sw) => sweepCombinations(sw.parameters), names);
        expect(result.runs.length, label).toBe((set[0] as unknown as SweepShard).sweep.replications * result.combinations.length);
      } catch (e) {
        expect(e, `${label}: ${(e as Error).message}`).not.toBeInstanceOf(TypeError);
        expect((e as Error).message, label).toMatch(/^merge: /);
      }
      expect(Date.now() - started, label).toBeLessThan(500);
    }
  });

  it('names the two files of a shard given twice and the file of a damaged run', () => {
    const r = mulberry32(1);
    const [a, b] = shards(r, 2, 2, 2);
    expect(() => mergeShards([a, b, b], (sw) => sweepCombinations(sw.parameters), ['a.json', 'b.json', 'c.json'])).toThrow('merge: shard 2/2 given twice (b.json and c.json)');
    const damaged = structuredClone(b);
    damaged.runs[1] = { combination: 7, replication: 0, metrics: damaged.runs[1].metrics };
    expect(() => mergeShards([a, damaged], (sw) => sweepCombinations(sw.parameters), ['a.json', 'b.json'])).toThrow(/^merge: b\.json: runs\[1\]: expected \{combination: 0-1, replication: 0-1, metrics: \{\.\.\.\}\}, got \{"combination":7/);
    const huge = structuredClone(a);
    huge.shard.count = 1e12;
    expect(() => mergeShards([huge], (sw) => sweepCombinations(sw.parameters), ['a.json'])).toThrow(/^merge: missing shards 2\/1000000000000, .* and 999,999,999,979 more \(1 of 1000000000000 given\)$/);
    huge.shard.count = 0;
    expect(() => mergeShards([huge], (sw) => sweepCombinations(sw.parameters), ['a.json'])).toThrow(/^merge: a\.json: shard: expected i\/n with 1 <= i <= n, got 1\/0/);
  });
});

describe('command-line limits agree with the scenario schema', () => {
  it('refuses --replications above the schema cap of 10,000, saying where the cap comes from', async () => {
    const spec = { replications: { type: 'number' as const, minInt: 1, max: { value: 10_000, why: 'the scenario schema caps replications at 10,000' }, describe: '' } };
    expect(parseArgs(['--replications', '10000'], spec).flags.replications).toBe(10_000);
    expect(() => parseArgs(['--replications', '1e6'], spec)).toThrow(new UsageError('--replications: expected an integer >= 1 and at most 10,000 (the scenario schema caps replications at 10,000), got "1e6"'));
    for (const command of [['run'], ['compare', 'a.json', 'b.json'], ['sweep', 's.json'], ['diagnose'], ['calibrate']]) {
      let err = '';
      const code = await main([...command, '--replications', '10001'], { out: () => {}, err: (s: string) => (err += s), cwd: '/nonexistent', isTTY: false } as never);
      expect(code, command[0]).toBe(2);
      expect(err, command[0]).toMatch(/--replications: expected an integer >= \d and at most 10,000 \(the scenario schema caps replications at 10,000\), got "10001"/);
    }
  });

  it('refuses more worker threads than four per core (at least 8), naming the cores', async () => {
    const cap = Math.max(8, 4 * availableParallelism());
    for (const command of [['run'], ['compare', 'a.json', 'b.json'], ['sweep', 's.json'], ['diagnose'], ['optimize', 'o.json']]) {
      let err = '';
      const code = await main([...command, '--workers', String(cap + 1)], { out: () => {}, err: (s: string) => (err += s), cwd: '/nonexistent', isTTY: false } as never);
      expect(code, command[0]).toBe(2);
      expect(err, command[0]).toContain(`--workers: expected an integer >= 0 and at most ${cap.toLocaleString('en-US')} (`);
      expect(err, command[0]).toContain(`${availableParallelism()} core`);
    }
    // At the cap the flag is taken (the command then fails on its missing file, not on the flag).
    let err = '';
    await main(['sweep', 's.json', '--workers', String(cap)], { out: () => {}, err: (s: string) => (err += s), cwd: '/nonexistent', isTTY: false } as never);
    expect(err).toContain('sweep s.json: no such file');
    expect(err).not.toContain('--workers:');
  });

  it("refuses an optimize budget above a million runs or not a whole number, from the flag or the file's field", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-budget-'));
    const run = async (budget: unknown, flags: string[] = []) => {
      writeFileSync(join(dir, 'o.json'), JSON.stringify({ metric: 'contactRate', base: { days: 5 }, parameters: { days: [5, 6] }, replications: 2, budget }));
      let err = '';
      const code = await main(['optimize', 'o.json', '--workers', '0', ...flags], { out: () => {}, err: (s: string) => (err += s), cwd: dir, isTTY: false } as never);
      return { code, err };
    };
    for (const bad of [1_000_001, 1e12, '300', 2.5, 1, null, true]) {
      const { code, err } = await run(bad);
      expect(code, JSON.stringify(bad)).toBe(2);
      expect(err, JSON.stringify(bad)).toContain(`optimize.budget: expected an integer from 2 to 1,000,000 (a million runs of the default scenario take about six hours of one core), got ${JSON.stringify(bad)}`);
    }
    const flag = await run(undefined, ['--budget', '1000001']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--budget: expected an integer >= 2 and at most 1,000,000 (');
    // The budget covers the confirmation of the best too: 2 replications of each of the 2 candidates, and 2 fresh ones
    // each of the best and the starting policy.
    expect((await run(7)).err).toContain('a budget of 7 runs is too small for 2 candidates; it needs at least 8');
    const ok = await run(8);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
  });

  it('refuses --warmup-days above the schema cap of warmupDays', async () => {
    let err = '';
    const code = await main(['compare', 'a.json', 'b.json', '--warmup-days', '3661'], { out: () => {}, err: (s: string) => (err += s), cwd: '/nonexistent', isTTY: false } as never);
    expect(code).toBe(2);
    expect(err).toMatch(/--warmup-days: expected an integer >= 0 and at most 3,660 \(the scenario schema caps warmupDays at 3,660\), got "3661"/);
  });
});
