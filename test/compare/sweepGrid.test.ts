import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandValues, parsePath, parseSweepSpec, scenarioOf, setAtPath, shardRange, sweepCombinations, sweepRunKeys } from '../../src/compare';

describe('sweep values and paths', () => {
  it('expands ranges, steps and lists', () => {
    expect(expandValues('1-4', 'x')).toEqual([1, 2, 3, 4]);
    expect(expandValues('100-150:25', 'x')).toEqual([100, 125, 150]);
    expect(expandValues('0.1-0.3:0.1', 'x')).toEqual([0.1, 0.2, 0.3]);
    expect(expandValues('10,20,30', 'x')).toEqual([10, 20, 30]);
    expect(expandValues('radar, single-call', 'x')).toEqual(['radar', 'single-call']);
    expect(expandValues([{ preset: 'radar' }, 'single-call'], 'x')).toEqual([{ preset: 'radar' }, 'single-call']);
    expect(() => expandValues('5-1', 'sweep.parameters["x"]')).toThrow(/sweep.parameters\["x"\].*from <= to/);
  });

  it('parses paths and sets values without touching the original', () => {
    expect(parsePath('agents[0].pipelineLimit')).toEqual(['agents', 0, 'pipelineLimit']);
    expect(() => parsePath('agents[x]')).toThrow(/expected a path/);
    const base = { agents: [{ name: 'A', pipelineLimit: 100 }, { name: 'B' }], callbacks: { preset: 'radar' } };
    const changed = setAtPath(base, 'agents[0].pipelineLimit', 150) as typeof base;
    expect(changed.agents[0].pipelineLimit).toBe(150);
    expect(base.agents[0].pipelineLimit).toBe(100);
    expect(changed.agents[1]).toBe(base.agents[1]);
    expect(() => setAtPath(base, 'agents[5].pipelineLimit', 1)).toThrow(/agents has no element \[5\]/);
    expect(() => setAtPath(base, 'callback.preset', 'x')).toThrow(/has no field "callback"/);
    // A dotted index names a field of a list: the message says how the path is written.
    expect(() => setAtPath(base, 'agents.0.pipelineLimit', 1)).toThrow('agents.0.pipelineLimit: agents is a list: index it with brackets, e.g. "agents[0]"');
  });

  it('makes every combination once, the last parameter fastest', () => {
    const spec = parseSweepSpec({ base: 'base.json', parameters: { a: '1-3', b: ['x', 'y'] } });
    const combos = sweepCombinations(spec.parameters);
    expect(combos.map((c) => c.values)).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 3, b: 'x' }, { a: 3, b: 'y' },
    ]);
    expect(scenarioOf({ a: 0, b: 'z', c: true }, combos[3])).toEqual({ a: 2, b: 'y', c: true });
    expect(sweepRunKeys(2, 3)).toEqual([0, 1, 2].map((r) => ({ combination: 0, replication: r })).concat([0, 1, 2].map((r) => ({ combination: 1, replication: r }))));
  });

  it('rejects sweep files with a bad field, naming it', () => {
    expect(() => parseSweepSpec({ base: 3, parameters: { a: '1-2' } })).toThrow(/sweep.base/);
    expect(() => parseSweepSpec({ base: 'b.json', parameters: {} })).toThrow(/sweep.parameters/);
    expect(() => parseSweepSpec({ base: 'b.json', parameters: { a: 1 }, replication: 3 })).toThrow(/sweep.replication: unknown field/);
  });

  it('reports every problem of a sweep file at once, one per line', () => {
    let message = '';
    try {
      parseSweepSpec({ base: 'b.json', parameters: { 'agents[0].count': '5-1', 'days': [], 'callbacks..tries': '1-3', 'agents[0].skill': '0.5,0.7' }, replications: 0, seed: 1.5, extra: true });
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^sweep\.extra: unknown field/);
    expect(lines[1]).toMatch(/^sweep\.parameters\["agents\[0\]\.count"\]: expected "from-to"/);
    expect(lines[2]).toMatch(/^sweep\.parameters\["days"\]: expected at least one value/);
    expect(lines[3]).toMatch(/^sweep\.parameters\["callbacks\.\.tries"\]: /);
    expect(lines[4]).toMatch(/^sweep\.replications: /);
    expect(lines[5]).toMatch(/^sweep\.seed: /);
  });

  it('splits runs into shards that hold every run exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (total, n) => {
        const seen = new Array(total).fill(0);
        let previousEnd = 0;
        for (let i = 1; i <= n; i++) {
          const [from, to] = shardRange(i, n, total);
          expect(from).toBe(previousEnd);
          expect(to - from).toBeLessThanOrEqual(Math.ceil(total / n));
          for (let k = from; k < to; k++) seen[k]++;
          previousEnd = to;
        }
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
    );
    expect(() => shardRange(0, 3, 10)).toThrow(/1 <= i <= n/);
  });
});

describe('clampInterval', () => {
  it('cuts intervals at the range of the metric but leaves ROI alone', async () => {
    const { clampInterval } = await import('../../src/compare');
    expect(clampInterval('contactRate', { mean: 0.5, ci95: [-0.1, 1.2], sd: 1, n: 3 }).ci95).toEqual([0, 1]);
    expect(clampInterval('funded', { mean: 2, ci95: [-1, 5], sd: 1, n: 3 }).ci95).toEqual([0, 5]);
    expect(clampInterval('roi', { mean: -0.2, ci95: [-0.5, 0.1], sd: 1, n: 3 }).ci95).toEqual([-0.5, 0.1]);
  });

  it('cuts the Gini of leads per agent at 1, which no spread of leads reaches, and a difference of two Ginis at -1..1', async () => {
    const { clampInterval, pairedDifference } = await import('../../src/compare');
    const { gini } = await import('../../src/stats/gini');
    // The bound: the Gini of n non-negative amounts is at most (n - 1) / n, reached when one agent has every lead.
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }), (leads) => gini(leads) <= (leads.length - 1) / leads.length + 1e-12));
    expect(gini([0, 0, 0, 12])).toBeCloseTo(3 / 4, 12);
    // Three replications of a tiny floor whose spread swings: the t interval reaches past 1 and is cut there.
    expect(clampInterval('leadsPerAgentGini', { mean: 0.4, ci95: [-0.24, 1.04], sd: 0.3, n: 3 }).ci95).toEqual([0, 1]);
    const d = pairedDifference('leadsPerAgentGini', [0.1, 0.9, 0.1], [0.9, 0.1, 0.95]);
    expect(d.ci95).toEqual([-1, 1]);
    expect(d.verdict).toBe('no clear difference');
  });
});

describe('summarize (leadlab run, compare)', () => {
  it('cuts the Gini of leads per agent at 1 as sweeps do, through the one metricRange', async () => {
    const { summarize } = await import('../../src/sim/summary');
    const { meanInterval } = await import('../../src/sim/statistics');
    const { loadScenario } = await import('../../src/scenario/load');
    const { runReplication } = await import('../../src/sim/runner');
    const s = loadScenario({ days: 10, warmupDays: 2, agents: [{ name: 'A', count: 2 }] });
    const run = runReplication(s.config, s.policies, 0, { seed: 1 });
    // Three replications whose spread swings: the t interval of the Gini reaches past 1.
    const ginis = [0.1, 0.9, 0.1];
    expect(meanInterval(ginis).ci95![1]).toBeGreaterThan(1);
    const runs = ginis.map((g) => ({ ...run, metrics: { ...run.metrics, leadsPerAgentGini: g } }));
    expect(summarize('tiny', 1, runs).metrics.leadsPerAgentGini.ci95![1]).toBe(1);
  });
});
