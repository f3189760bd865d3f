import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { confirmationSplit, successiveHalving, type HalvingResult } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { METRIC_NAMES, METRICS, type MetricName } from '../../src/sim/runResult';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

/*
 * Successive halving (`leadlab optimize`) over random grids of random valid scenarios (the generator of
 * test/sim/randomScenarios.test.ts) and over random noisy values with undefined (NaN) replications. Checked from what
 * the search means: it never spends more than its budget and runs each candidate-replication at most once, with no
 * hole in a candidate's replications; each round's candidates are the better part of the round before (halved once,
 * or more when rounds the budget had no run for were skipped), and each round shown ran more replications than the one
 * before; each round's
 * means are the means of the values it measured (undefined replications left out, as every summary of the project
 * does); and the best is the best of the last round under its own rule (defined before undefined, then by the goal,
 * then by index). The command never runs more than its budget, search and confirmation together, and confirms on
 * replications the search did not run. The command's text has no NaN, undefined, Infinity or [object Object], and
 * its JSON no NaN.
 */

const BAD_TEXT = /NaN|undefined|Infinity|\[object Object\]/;
const definedMean = (xs: number[]) => {
  const f = xs.filter(Number.isFinite);
  return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
};

function searchProblems(r: HalvingResult, tasks: { candidate: number; replication: number }[], n: number, budget: number, higherIsBetter: boolean): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  check(r.runs === tasks.length && r.runs <= budget, `spent ${r.runs} runs (${tasks.length} evaluated) of a budget of ${budget}`);
  const seen = new Set(tasks.map((t) => `${t.candidate}/${t.replication}`));
  check(seen.size === tasks.length, 'a candidate-replication ran twice');
  for (let c = 0; c < n; c++) {
    const v = r.values[c];
    check(v.length >= 2 && Array.from({ length: v.length }, (_, k) => k).every((k) => seen.has(`${c}/${k}`)), `candidate ${c} has replications ${v.length}, not all of them run`);
  }
  let previous = Array.from({ length: n }, (_, i) => i);
  for (const [k, round] of r.rounds.entries()) {
    const halvings: number[] = [];
    for (let m = previous.length; m > 1; ) halvings.push((m = Math.ceil(m / 2)));
    check(round.candidates.every((c) => previous.includes(c)) && (k === 0 ? round.candidates.length === n : halvings.includes(round.candidates.length)), `round ${k + 1} has candidates ${round.candidates} after ${previous}`);
    if (k > 0) check(round.replications > r.rounds[k - 1].replications, `round ${k + 1} ran nothing: ${round.replications} replications each after ${r.rounds[k - 1].replications}`);
    round.candidates.forEach((c, i) => {
      const got = round.means[i], want = definedMean(r.values[c].slice(0, round.replications));
      check(Object.is(got, want) || Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `round ${k + 1}: candidate ${c}'s mean is ${got}, its values ${r.values[c].slice(0, round.replications)} have mean ${want}`);
    });
    previous = round.candidates;
  }
  const last = r.rounds[r.rounds.length - 1];
  check(last.candidates.includes(r.best), `best ${r.best} is not among the last round's ${last.candidates}`);
  const rank = (c: number) => definedMean(r.values[c].slice(0, last.replications));
  for (const c of last.candidates) {
    const a = rank(r.best), b = rank(c);
    const beats = Number.isNaN(a) ? Number.isNaN(b) && r.best <= c : Number.isNaN(b) ? true : higherIsBetter ? a > b || (a === b && r.best <= c) : a < b || (a === b && r.best <= c);
    check(c === r.best || beats, `best ${r.best} (mean ${a}) does not beat candidate ${c} (mean ${b}) of the last round`);
  }
  return bad;
}

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** Parameters a manager would search, at paths that exist in every normalized scenario. */
function parameters(g: Gen, base: Record<string, unknown>): Record<string, unknown> {
  const all: [string, unknown][] = [
    ['callbacks', ['radar', 'single-call', { preset: 'fixed-retries', tries: g.int(1, 8), everyHours: g.pick([1, 4, 24]) }]],
    ['distribution', ['round-robin', 'hunt-group', 'pull', 'push']],
    ['agents[0].pipelineLimit', `${g.int(1, 20)}-${g.int(20, 200)}:${g.int(20, 90)}`],
    ['agents[0].newLeadsPerDay', g.pick(['0,1,5', '2-10:4', '7'])],
    // A change of head count would not fit round-robin weights given per agent (a refusal, not a search).
    ...(JSON.stringify(base.distribution ?? '').includes('weights') ? [] : ([['agents[0].count', '1-3']] as [string, unknown][])),
    ['warmupDays', '0,1'],
  ];
  const chosen = all.filter(() => g.chance(0.4));
  return Object.fromEntries(chosen.length ? chosen : [all[g.int(0, all.length - 1)]]);
}

const SCENARIOS = Number(process.env.RANDOM_OPTIMIZE ?? 12);
const MASTER_SEED = Number(process.env.RANDOM_OPTIMIZE_SEED ?? 20261129);

describe('Successive halving on random searches', () => {
  it('keeps its budget and its rule on random noisy values with undefined replications', async () => {
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      const g = new Gen(mulberry32(MASTER_SEED + i * 104729));
      const n = g.int(1, 40), budget = 2 * n + g.int(0, 200), higherIsBetter = g.chance(0.5);
      const nanShare = g.pick([0, 0, 0.1, 0.5, 1]);
      const level = Array.from({ length: n }, () => g.num(0, 10));
      const tasks: { candidate: number; replication: number }[] = [];
      const r = await successiveHalving({
        candidates: n,
        budget,
        higherIsBetter,
        evaluate: async (ts) => {
          tasks.push(...ts);
          return ts.map((t) => (g.chance(nanShare) ? NaN : g.chance(0.1) ? level[t.candidate] : level[t.candidate] + g.num(-3, 3)));
        },
      });
      const bad = searchProblems(r, tasks, n, budget, higherIsBetter);
      if (bad.length) failures.push(`search ${i} (${n} candidates, budget ${budget}, ${higherIsBetter ? 'max' : 'min'}, NaN share ${nanShare}):\n  ${bad.slice(0, 5).join('\n  ')}`);
    }
    expect(failures, `${failures.length} searches failed:\n${failures.slice(0, 4).join('\n\n')}`).toEqual([]);
  });

  it(`keeps its budget and its rule on ${SCENARIOS} random grids of random scenarios, and \`leadlab optimize\` says so cleanly`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < SCENARIOS; i++) {
      const g = new Gen(mulberry32(MASTER_SEED + i * 7919));
      const drawn = scenario(g, i);
      if (Object.keys(drawn.files).length) continue;
      const base = drawn.scenario;
      // Small: each candidate-replication is a run.
      base.days = Math.max(2, Math.ceil((base.days as number) / 4));
      base.warmupDays = 1;
      base.cooldownDays = Math.min(base.cooldownDays as number, 10);
      const params = parameters(g, base);
      const metric = g.pick(['funded', 'costPerFunded', 'pullThrough', 'roi', 'meanMinutesToContact', 'contactRate', 'fundedInLastWeekShare'] as MetricName[]);
      // A metric with no better direction in itself needs a goal (the command refuses it without one).
      const goal = METRICS[metric].higherIsBetter === null ? g.pick(['max', 'min']) : g.pick([undefined, 'max', 'min']);
      const spec = { name: `random ${i}`, base, metric, ...(goal && { goal }), parameters: params, budget: 0, seed: g.int(1, 1000) };
      const dir = mkdtempSync(join(tmpdir(), 'leadlab-random-optimize-'));
      // The search itself, in this thread, with every evaluation recorded.
      const higherIsBetter = goal === undefined ? METRICS[metric].higherIsBetter! : goal === 'max';
      const problems: string[] = [];
      try {
        const { sweepCombinations, scenarioOf, expandValues } = await import('../../src/compare');
        const normalized = JSON.parse(JSON.stringify(loadScenario(base).scenario));
        const combos = sweepCombinations(Object.entries(params).map(([path, v]) => ({ path, values: expandValues(v, path) })));
        // Enough for the search's 2 replications per candidate and the confirmation's 2 of the best and the start.
        spec.budget = combos.length * 2 + 4 + g.int(0, 20);
        const split = confirmationSplit(spec.budget, combos.length);
        const tasks: { candidate: number; replication: number }[] = [];
        const resolved = combos.map((c) => loadScenario(scenarioOf(normalized, c)));
        const r = await successiveHalving({
          candidates: combos.length,
          budget: split.search,
          higherIsBetter,
          evaluate: async (ts) => {
            tasks.push(...ts);
            return ts.map((t) => runReplication(resolved[t.candidate].config, resolved[t.candidate].policies, t.replication, { seed: spec.seed }).metrics[metric]);
          },
        });
        problems.push(...searchProblems(r, tasks, combos.length, split.search, higherIsBetter));
        // The command: the same search, with text and JSON.
        writeFileSync(join(dir, 'optimize.json'), JSON.stringify(spec));
        const text = captureIO(dir), json = captureIO(dir);
        const code = await main(['optimize', 'optimize.json', '--workers', '0'], text);
        await main(['optimize', 'optimize.json', '--workers', '0', '--json'], json);
        if (code !== 0) problems.push(`exit code ${code}: ${text.stderr}`);
        const hit = BAD_TEXT.exec(text.stdout);
        if (hit) problems.push(`the text says "${text.stdout.slice(Math.max(0, hit.index - 100), hit.index + 30)}"`);
        const out = JSON.parse(json.stdout);
        if (out.best.index !== r.best) problems.push(`the command's best is ${out.best.index}, the search's ${r.best}`);
        if (out.runs > spec.budget || out.runs !== r.runs + 2 * split.confirmReplications) problems.push(`the command says ${out.runs} runs of a budget of ${spec.budget}, the search spent ${r.runs} plus ${split.confirmReplications} each of the best and the starting policy`);
        const searched = Math.max(...r.values.map((v) => v.length));
        if (!(out.confirmation.replications.length === split.confirmReplications && out.confirmation.replications.every((x: number) => x >= searched))) problems.push(`confirmed on replications ${out.confirmation.replications}, the search ran 0-${searched - 1}`);
        const best = out.best[metric];
        if (best.ci95 && !(best.ci95[0] <= best.mean + 1e-9 && best.mean <= best.ci95[1] + 1e-9)) problems.push(`best's interval ${best.ci95} does not hold ${best.mean}`);
        const gain = out.gain;
        if (gain.ci95 && !(gain.ci95[0] <= gain.mean + 1e-9 && gain.mean <= gain.ci95[1] + 1e-9)) problems.push(`gain's interval ${gain.ci95} does not hold ${gain.mean}`);
        if (!METRIC_NAMES.includes(out.metric)) problems.push(`metric ${out.metric}`);
      } catch (e) {
        problems.push(`threw ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ')}`);
      }
      if (problems.length) failures.push(`search ${i}:\n  ${problems.slice(0, 6).join('\n  ')}\n  ${JSON.stringify(spec)}`);
    }
    expect(failures, `${failures.length} searches failed:\n${failures.slice(0, 3).join('\n\n')}`).toEqual([]);
  });
});
