import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatComparison } from '../../src/cli/compareFormat';
import { jsonNumbers } from '../../src/cli/run';
import { compareScenarios, MIN_PAIRS_AGREEING, perMonth, type Comparison } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { METRIC_NAMES, METRICS } from '../../src/sim/runResult';
import type { ScenarioSummary } from '../../src/sim/summary';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

/*
 * Comparisons (src/compare, `leadlab compare`) of random valid scenarios drawn by the generator of
 * test/sim/randomScenarios.test.ts, each against itself and against another policy on the same seed. Checked from
 * what a paired comparison means: a scenario against itself differs by exactly zero with a zero-width interval and no
 * verdict; swapping baseline and alternative negates every difference and its interval and swaps better and worse;
 * each paired interval holds its mean; the paired mean is the difference of the two sides' means over the pairs;
 * fulfillment cost moves with funded loans (economics.fulfillmentCostPerFunded each), per month too when the windows
 * differ; the table and JSON have no NaN, undefined, Infinity or [object Object].
 */

const BAD_TEXT = /NaN|undefined|Infinity|\[object Object\]/;
const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** Other policies for the same floor: a rung of the ladder, another cadence or strategy, a longer window. */
function otherPolicy(g: Gen, s: Record<string, unknown>): Record<string, unknown> {
  switch (g.int(0, 3)) {
    case 0:
      return { ...s, name: `${s.name} (single call, push)`, callbacks: 'single-call', distribution: 'push' };
    case 1:
      return { ...s, name: `${s.name} (hunt group)`, distribution: { strategy: 'hunt-group', options: { hunt: 'circular', queueOrder: 'lifo' } } };
    case 2:
      return { ...s, name: `${s.name} (radar, scoring)`, callbacks: 'radar', scoring: {} };
    default:
      // Another measured window: the comparison pairs counts and money a month of each one's own window.
      return { ...s, name: `${s.name} (longer)`, days: (s.days as number) + g.int(1, 10) };
  }
}

function comparisonProblems(c: Comparison, summaries: ScenarioSummary[], perFunded: number[]): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  const d = c.scenarios[1].vsBaseline!;
  for (const m of METRIC_NAMES) {
    const x = d[m];
    if (!x) continue;
    if (x.ci95) check(x.ci95[0] <= x.mean + 1e-9 * Math.max(1, Math.abs(x.mean)) && x.mean <= x.ci95[1] + 1e-9 * Math.max(1, Math.abs(x.mean)), `${m}: interval ${x.ci95} does not hold ${x.mean}`);
    if (x.verdict !== null && x.verdict !== 'no clear difference') check(x.ci95 !== null && (x.ci95[0] > 0 || x.ci95[1] < 0), `${m}: ${x.verdict} with interval ${x.ci95}`);
    // No verdict exactly when no pair defines the metric: nothing to judge.
    check((x.verdict === null) === (x.n === 0), `${m}: verdict ${x.verdict} over ${x.n} pairs`);
    check(x.n <= c.replications, `${m}: ${x.n} pairs of ${c.replications} replications`);
  }
  // Fulfillment cost is funded loans times their fulfillment cost, over the window or a month of it.
  const f = d.funded, fc = d.fulfillmentCost;
  if (perFunded[0] === perFunded[1] && Number.isFinite(f.mean)) check(close(fc.mean, f.mean * perFunded[0], 1e-6), `fulfillment cost moved by ${fc.mean}, funded by ${f.mean} at ${perFunded[0]} each (totals: ${c.totals})`);
  const text = formatComparison(c, { color: false });
  const hit = BAD_TEXT.exec(text);
  check(!hit, `the table says "${hit && text.slice(Math.max(0, hit.index - 80), hit.index + 30)}"`);
  const json = JSON.stringify(c, jsonNumbers);
  check(!/NaN|Infinity/.test(json), 'JSON has NaN or Infinity');
  // A metric that is defined in every replication of both sides has a mean and an interval in JSON, unless a few pairs
  // whose sides vary gave one and the same difference (a coincidence of counts: no interval, no verdict).
  for (const m of METRIC_NAMES) {
    const defined = summaries.every((s) => s.runs.every((r) => Number.isFinite(r[m])));
    const [a, b] = [summaries[0].runs.map((r) => r[m]), summaries[1].runs.map((r) => r[m])];
    const diffs = a.map((x, k) => b[k] - x);
    const coincide = diffs.length >= 2 && diffs.length < MIN_PAIRS_AGREEING && diffs[0] !== 0 && diffs.every((x) => x === diffs[0]) && !(a.every((x) => x === a[0]) && b.every((x) => x === b[0]));
    if (defined && d[m]) {
      check(Number.isFinite(d[m].mean) && d[m].n === c.replications, `${m}: defined in every run, but the difference is ${d[m].mean} over ${d[m].n} pairs`);
      if (d[m].ci95 === null) check(d[m].agreeExactly && d[m].n < MIN_PAIRS_AGREEING && d[m].verdict === 'no clear difference', `${m}: defined in every run, but no interval for ${d[m].mean} over ${d[m].n} pairs (verdict ${d[m].verdict})`);
      // (With windows of different lengths the pairs are of totals a month, which the raw runs above are not.)
      if (coincide && c.totals === 'window') check(d[m].ci95 === null && d[m].agreeExactly, `${m}: ${d[m].n} pairs all gave ${d[m].mean}, yet interval ${d[m].ci95}`);
    }
  }
  return bad;
}

const SCENARIOS = Number(process.env.RANDOM_COMPARE ?? 60);
const MASTER_SEED = Number(process.env.RANDOM_COMPARE_SEED ?? 20261128);

describe('Comparisons of random valid scenarios', () => {
  it(`keep the meaning of paired differences on ${SCENARIOS} random scenarios`, () => {
    const failures: string[] = [];
    for (let i = 0; i < SCENARIOS; i++) {
      const g = new Gen(mulberry32(MASTER_SEED + i * 7919));
      const drawn = scenario(g, i);
      const a = drawn.scenario;
      const b = otherPolicy(g, a);
      const readFile = (name: string) => drawn.files[name];
      const replications = g.int(2, 4);
      const problems: string[] = [];
      try {
        const ra = loadScenario(a, readFile), rb = loadScenario(b, readFile);
        const seed = ra.scenario.seed;
        const sa = runScenario(ra, { seed, replications }).summary, sb = runScenario(rb, { seed, replications }).summary;
        const window = (r: typeof ra) => r.config.days - r.config.warmupDays;
        const perFunded = [ra, rb].map((r) => r.config.economics.fulfillmentCostPerFunded);
        const windows = [window(ra), window(rb)];

        // Against itself: exactly zero, a zero-width interval, no verdict.
        const self = compareScenarios([sa, sa], { windowDays: [windows[0], windows[0]] });
        for (const m of METRIC_NAMES) {
          const x = self.scenarios[1].vsBaseline![m];
          if (!x || x.n === 0) continue;
          if (!(x.mean === 0 && (x.n < 2 ? Number.isNaN(x.sd) : x.sd === 0) && (x.ci95 === null || (x.ci95[0] === 0 && x.ci95[1] === 0)) && x.verdict === 'no clear difference')) problems.push(`against itself, ${m} differs by ${x.mean} [${x.ci95}] (${x.verdict})`);
        }
        problems.push(...comparisonProblems(self, [sa, sa], [perFunded[0], perFunded[0]]).map((p) => `against itself: ${p}`));

        // With common random numbers, both policies see the same leads (when their windows are the same).
        if (windows[0] === windows[1] && a.days === b.days) {
          sa.runs.forEach((r, k) => {
            if (r.leads !== sb.runs[k].leads || r.leadCost !== sb.runs[k].leadCost) problems.push(`replication ${k}: ${r.leads} leads costing ${r.leadCost} against ${sb.runs[k].leads} costing ${sb.runs[k].leadCost}`);
          });
        }

        const ab = compareScenarios([sa, sb], { windowDays: windows });
        const ba = compareScenarios([sb, sa], { windowDays: [windows[1], windows[0]] });
        problems.push(...comparisonProblems(ab, [sa, sb], perFunded).map((p) => `A vs B: ${p}`));
        problems.push(...comparisonProblems(ba, [sb, sa], [perFunded[1], perFunded[0]]).map((p) => `B vs A: ${p}`));
        for (const m of METRIC_NAMES) {
          const x = ab.scenarios[1].vsBaseline![m], y = ba.scenarios[1].vsBaseline![m];
          if (!x) continue;
          const flip = { better: 'worse', worse: 'better', higher: 'lower', lower: 'higher', 'no clear difference': 'no clear difference' } as const;
          const negated = Object.is(x.mean, -y.mean) || (x.mean === 0 && y.mean === 0) || (Number.isNaN(x.mean) && Number.isNaN(y.mean));
          const ciNegated = x.ci95 === null ? y.ci95 === null : y.ci95 !== null && close(x.ci95[0], -y.ci95[1]) && close(x.ci95[1], -y.ci95[0]);
          if (!negated || !ciNegated || y.verdict !== (x.verdict === null ? null : flip[x.verdict])) problems.push(`swapped, ${m} goes from ${x.mean} [${x.ci95}] ${x.verdict} to ${y.mean} [${y.ci95}] ${y.verdict}`);
          // The paired mean is the difference of the two sides' means, over the replications defined on both.
          const scale = (k: number) => (ab.totals === 'per month' && METRICS[m].unit !== 'share' && m !== 'meanPipeline' && m !== 'attemptsPerLead' && m !== 'leadsPerAgentGini' && m !== 'roi' && m !== 'costPerFunded' && m !== 'dripEmailsPerLead' && METRICS[m].unit !== 'minutes' ? perMonth(1, windows[k]) : 1);
          const pairs = sa.runs.map((r, k) => [r[m] * scale(0), sb.runs[k][m] * scale(1)]).filter(([p, q]) => Number.isFinite(q - p));
          if (pairs.length && !close(x.mean, pairs.reduce((s, [p, q]) => s + q - p, 0) / pairs.length, 1e-9)) problems.push(`${m}: paired mean ${x.mean} is not the mean of B - A over ${pairs.length} pairs (totals ${ab.totals})`);
        }
      } catch (e) {
        problems.push(`threw ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ')}`);
      }
      if (problems.length) failures.push(`scenario ${i}:\n  ${problems.slice(0, 8).join('\n  ')}\n  A: ${JSON.stringify(a)}\n  B: ${JSON.stringify(b)}`);
    }
    if (process.env.RANDOM_COMPARE_OUT) writeFileSync(process.env.RANDOM_COMPARE_OUT, JSON.stringify(failures, null, 1));
    expect(failures, `${failures.length} of ${SCENARIOS} scenarios failed:\n${failures.slice(0, 3).join('\n\n')}`).toEqual([]);
  });
});
