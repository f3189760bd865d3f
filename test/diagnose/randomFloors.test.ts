import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnosis } from '../../src/cli/diagnoseFormat';
import { jsonNumbers } from '../../src/cli/run';
import { waterfallRows } from '../../src/charts/diagnosisSpecs';
import { climbLadder, type RunFloor } from '../../src/diagnose/climbLadder';
import { monthScale, type Diagnosis } from '../../src/diagnose/diagnosis';
import { LADDER } from '../../src/diagnose/ladder';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { LOSS_BUCKETS } from '../../src/sim/lossAttribution';
import type { RunResult } from '../../src/sim/runResult';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

/*
 * The diagnosis ladder (docs/diagnosis.md) over random valid floors drawn by the generator of
 * test/sim/randomScenarios.test.ts, and over tiny floors (one agent, a lead every five days, one day, nothing funds).
 * Checked from what a diagnosis means, not from what it printed before: it never throws on a valid floor; each
 * step's paired interval holds its estimate and its verdict follows that interval; a step's "before" is the best
 * floor so far and its "after" the fixed floor's own mean; only wins are kept, and the best floor is the current one
 * plus the kept wins (the waterfall adds up); loss buckets plus funded loans are the measured leads; the sentences
 * say what the numbers say, in sign; no NaN, undefined, Infinity or [object Object] in the text.
 */

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const BAD_TEXT = /NaN|undefined|Infinity|\[object Object\]/;

/** Climbs the ladder in this thread, as `leadlab diagnose --workers 0` does, and keeps every floor's runs. */
async function diagnose(floor: Record<string, unknown>, readFile: (name: string) => string, replications: number) {
  const resolved = loadScenario(floor, readFile);
  const c = resolved.config;
  const seed = resolved.scenario.seed;
  const measuredDays = c.days - c.warmupDays;
  const leadsPerDay = c.arrivals.kind === 'replay' ? c.arrivals.leads.length / c.days : c.arrivals.leadsPerHourOfWeek.reduce((a, b) => a + b, 0) / 7;
  const floors: { json: Record<string, unknown>; runs: RunResult[] }[] = [];
  const runFloor: RunFloor = async (json) => {
    const runs = runScenario(loadScenario(json, readFile), { seed, replications }).runs;
    floors.push({ json, runs });
    return runs;
  };
  const d = await climbLadder(floor, runFloor, { scenario: resolved.scenario.name, seed, replications, measuredDays, monthScale: monthScale(measuredDays), facts: { leadsPerDay } });
  return { d: d!, floors, k: monthScale(measuredDays) };
}

/** Steps judged on something, by verdict: what the properties were checked on (RANDOM_FLOORS_STATS=1 prints it). */
const stats: Record<string, number> = { won: 0, worse: 0, 'no clear difference': 0, 'in place': 0 };

/** Problems with one diagnosis, in words (empty when it keeps every property). */
function diagnosisProblems(d: Diagnosis, floors: { json: Record<string, unknown>; runs: RunResult[] }[], k: number): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  const funded = (runs: RunResult[]) => mean(runs.map((r) => r.metrics.funded * k));
  check(d.steps.length === LADDER.length && !d.interrupted, `${d.steps.length} steps of ${LADDER.length}`);
  check(close(d.current.fundedPerMonth.mean, funded(floors[0].runs)), `current ${d.current.fundedPerMonth.mean} != its runs' mean ${funded(floors[0].runs)}`);
  let best = floors[0], ran = 1, level = d.current.fundedPerMonth.mean;
  for (const s of d.steps) {
    const w = s.fundedPerMonth.win;
    // Nothing to judge a fix on: no lead measured, or no loan funded, before or after it.
    const pair = s.status === 'in place' ? [] : [...best.runs, ...floors[ran].runs];
    const nothing = pair.length === 0 ? null : pair.every((r) => r.metrics.leads === 0) ? /: no lead arrived in the measured window/ : pair.every((r) => r.metrics.funded === 0) ? /: no loan funded in any replication/ : null;
    if (nothing) check(s.status === 'no clear difference' && nothing.test(s.sentence), `${s.id}: nothing to judge on, and says "${s.sentence}"`);
    else stats[s.status]++;
    check(s.adopted === (s.status === 'won'), `${s.id}: adopted ${s.adopted} but ${s.status}`);
    check(close(s.fundedPerMonth.before, funded(best.runs)), `${s.id}: before ${s.fundedPerMonth.before} != the best floor so far ${funded(best.runs)}`);
    if (s.status === 'in place') {
      check(w.mean === 0 && s.fundedPerMonth.after === s.fundedPerMonth.before, `${s.id}: in place but moved`);
    } else {
      const f = floors[ran++];
      check(close(s.fundedPerMonth.after, funded(f.runs)), `${s.id}: after ${s.fundedPerMonth.after} != its runs' mean ${funded(f.runs)}`);
      check(close(w.mean, s.fundedPerMonth.after - s.fundedPerMonth.before), `${s.id}: win ${w.mean} != after - before ${s.fundedPerMonth.after - s.fundedPerMonth.before}`);
      // No interval only where a few replications all gave one gain (too few to tell from luck): then no verdict either.
      if (w.ci95 === null) check(w.agreeExactly && s.status === 'no clear difference' && /too few replications cannot tell from luck/.test(s.sentence), `${s.id}: no interval, ${s.status}: ${s.sentence}`);
      else {
        check(w.ci95[0] <= w.mean + 1e-9 && w.mean <= w.ci95[1] + 1e-9, `${s.id}: interval ${w.ci95} does not hold ${w.mean}`);
        if (s.status === 'won') check(w.ci95[0] > 0, `${s.id}: won with interval ${w.ci95}`);
        if (s.status === 'worse') check(w.ci95[1] < 0, `${s.id}: worse with interval ${w.ci95}`);
        if (s.status === 'no clear difference') check(w.ci95[0] <= 0 && w.ci95[1] >= 0, `${s.id}: no clear difference with interval ${w.ci95}`);
      }
      const rw = s.revenuePerMonth.win;
      check(rw.ci95 === null || (rw.ci95[0] <= rw.mean + 1e-6 && rw.mean <= rw.ci95[1] + 1e-6), `${s.id}: revenue interval ${rw.ci95} does not hold ${rw.mean}`);
      if (s.adopted) {
        best = f;
        level += w.mean;
      }
    }
    // The sentence: its words follow the verdict, and every number in it carries the sign of what it states.
    const text = s.sentence;
    check(!BAD_TEXT.test(text), `${s.id}: sentence "${text}"`);
    if (s.status === 'won') {
      check(/ wins? /.test(text), `${s.id}: won but says "${text}"`);
      const rev = s.revenuePerMonth.win.mean;
      // "about $X of revenue a month" reads as a gain: it must not be said of a revenue that fell.
      if (rev < -0.5) check(!/about \$[\d,]+ of revenue a month/.test(text) || /less revenue|revenue falls|lower revenue|revenue .*down|-\$/.test(text), `${s.id}: wins loans but revenue falls by ${rev}, and says "${text}"`);
    }
    if (s.status === 'worse') check(/would cost/.test(text), `${s.id}: worse but says "${text}"`);
    const tooFew = s.fundedPerMonth.win.ci95 === null && s.fundedPerMonth.win.agreeExactly;
    // Every replication funding as many loans with the fix as without it is said as that, not as an interval 0 to 0.
    const none = s.status !== 'in place' && s.fundedPerMonth.win.sd === 0 && s.fundedPerMonth.win.mean === 0;
    if (s.status === 'no clear difference' && !nothing) check(tooFew ? /too few replications cannot tell from luck/.test(text) : none ? /makes? no difference on this floor: each of the \d+ replications funded exactly as many loans/.test(text) : /no clear difference/.test(text), `${s.id}: says "${text}"`);
  }
  check(ran === floors.length, `ran ${floors.length} floors, steps account for ${ran}`);
  // The best floor is the last floor kept, named as the diagnosed floor with its kept fixes when there are any.
  const kept = d.steps.filter((s) => s.adopted);
  const renamed = kept.length ? { ...best.json, name: d.best.scenario.name, description: d.best.scenario.description } : best.json;
  check(JSON.stringify(d.best.scenario) === JSON.stringify(renamed), 'the best floor\'s scenario is not the last floor kept');
  check(kept.length === 0 || d.best.scenario.name === `${d.scenario}, with the kept fixes: ${kept.map((s) => s.label).join(', ')}`, `the best floor is named "${String(d.best.scenario.name)}"`);
  check(close(d.best.fundedPerMonth.mean, funded(best.runs)), `best ${d.best.fundedPerMonth.mean} != its runs' mean`);
  check(close(level, d.best.fundedPerMonth.mean), `current ${d.current.fundedPerMonth.mean} + kept wins = ${level} != best ${d.best.fundedPerMonth.mean}`);
  // The waterfall: totals at the current and best floors, kept wins raise the level, the rest do not.
  const rows = waterfallRows(d);
  let wl = rows[0].to;
  for (const r of rows.slice(1, -1)) {
    check(close(r.from, wl), `waterfall ${r.label} starts at ${r.from}, the level is ${wl}`);
    wl = r.to;
  }
  check(close(wl, rows[rows.length - 1].to), `waterfall ends at ${wl}, best is ${rows[rows.length - 1].to}`);
  for (const r of rows) check(!BAD_TEXT.test(r.text) && Number.isFinite(r.from) && Number.isFinite(r.to), `waterfall row ${r.label}: ${r.from}-${r.to} "${r.text}"`);
  // Losses: buckets plus funded are the measured leads (a month).
  for (const [which, fr, runs] of [['current', d.current, floors[0].runs], ['best', d.best, best.runs]] as const) {
    const leads = mean(runs.map((r) => r.metrics.leads * k));
    const buckets = LOSS_BUCKETS.reduce((a, b) => a + fr.losses.buckets[b].leads.mean, 0);
    check(close(buckets + fr.fundedPerMonth.mean, leads), `${which}: buckets ${buckets} + funded ${fr.fundedPerMonth.mean} != leads ${leads}`);
    for (const b of LOSS_BUCKETS) {
      // The leads each agent lost and those no agent held split the bucket, in the same unit (a month).
      const split = fr.losses.byAgent.reduce((a, g) => a + g.buckets[b], fr.losses.unassigned[b]);
      check(close(split, fr.losses.buckets[b].leads.mean), `${which} ${b}: agents and unassigned lost ${split} leads, the bucket ${fr.losses.buckets[b].leads.mean}`);
      const x = fr.losses.buckets[b];
      for (const [what, v] of [['leads', x.leads], ['lead cost', x.leadCost], ['lost revenue', x.lostRevenue]] as const) {
        check(Number.isFinite(v.mean) && v.mean >= 0, `${which} ${b} ${what}: ${v.mean}`);
        check(v.ci95 === null || (v.ci95[0] <= v.mean + 1e-6 * Math.max(1, v.mean) && v.mean <= v.ci95[1] + 1e-6 * Math.max(1, v.mean)), `${which} ${b} ${what}: interval ${v.ci95} does not hold ${v.mean}`);
      }
    }
  }
  const table = formatDiagnosis(d);
  const m = BAD_TEXT.exec(table);
  check(!m, `the table says "${m && table.slice(Math.max(0, m.index - 80), m.index + 40)}"`);
  // JSON: every number finite; null only where an interval or a spread is undefined.
  const nulls: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v === null) nulls.push(path);
    else if (typeof v === 'object') for (const [key, x] of Object.entries(v as object)) walk(x, `${path}.${key}`);
  };
  walk(JSON.parse(JSON.stringify({ ...d, best: { ...d.best, scenario: undefined } }, jsonNumbers)), 'diagnosis');
  for (const p of nulls) check(/\.(ci95|sd)$/.test(p), `JSON has null at ${p}`);
  return bad;
}

/** Tiny floors nobody tried: one agent, a lead every five days, one day, nothing funds. */
const TINY: Record<string, unknown>[] = [
  { name: 'tiny: 1 agent, 0.2 leads a day, 1 day', days: 1, warmupDays: 0, cooldownDays: 0, leads: { perDay: 0.2 }, agents: [{ name: 'A', count: 1 }] },
  { name: 'tiny: nothing funds', days: 5, warmupDays: 0, cooldownDays: 5, leads: { perDay: 10 }, agents: [{ name: 'A', count: 1 }], funnel: { fundedPerConversation: 0 } },
  { name: 'tiny: no leads are ever worked', days: 3, warmupDays: 1, leads: { perDay: 2 }, agents: [{ name: 'A', count: 1, newLeadsPerDay: 0 }], distribution: 'pull' },
  { name: 'tiny: one day, one agent, every default', days: 1, warmupDays: 0, agents: [{ name: 'A', count: 1 }] },
];

const FLOORS = Number(process.env.RANDOM_FLOORS ?? 40);
const MASTER_SEED = Number(process.env.RANDOM_FLOORS_SEED ?? 20261127);

describe('The diagnosis ladder on random valid floors', () => {
  it('keeps its meaning on tiny floors', async () => {
    const failures: string[] = [];
    for (const floor of TINY) {
      try {
        const { d, floors, k } = await diagnose(floor, () => '', 3);
        const bad = diagnosisProblems(d, floors, k);
        if (bad.length) failures.push(`${floor.name}:\n  ${bad.join('\n  ')}`);
      } catch (e) {
        failures.push(`${floor.name}: threw ${(e as Error).stack}`);
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it(`keeps its meaning on ${FLOORS} random floors`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < FLOORS; i++) {
      const drawn = scenario(new Gen(mulberry32(MASTER_SEED + i * 7919)), i);
      const s = drawn.scenario;
      // Six floors a diagnosis, so each is kept to about a third of the single-run test's size (800 leads), and
      // half of them run on long enough for loans to fund, so that steps are judged on something.
      // Most random floors fund nothing (shifts, caps and funnels drawn over their whole range); every other floor is
      // made workable, keeping its cadence, distribution, leads, scoring and economics: agents on a weekday shift, the
      // funnel, loan process and follow-up at their defaults, a month measured and two more for loans to fund.
      if (i % 2 === 1 && !drawn.files['leads.csv']) {
        for (const k of ['funnel', 'loanProcess', 'fatigue', 'followUp', 'backlog', 'competitor', 'pipeline', 'nurture', 'calls']) delete s[k];
        if (i % 4 === 1) delete s.contact;
        Object.assign(s, { days: 30, warmupDays: 7, cooldownDays: 60 });
        const leads = s.leads as Record<string, unknown>;
        leads.perDay = Number((5 + 25 * ((i * 37) % 100) / 100).toFixed(1));
        delete leads.readyShare;
        delete leads.badNumberShare;
        for (const a of s.agents as Record<string, unknown>[]) {
          Object.assign(a, { shift: '08:00-18:00', days: 'Mon-Fri' });
          for (const k of ['maxCallsPerDay', 'maxLeadWaitMinutes', 'skill', 'newLeadsPerDay', 'pipelineLimit']) delete a[k];
        }
      }
      const perDay = (s.leads as { perDay: number }).perDay;
      if (i % 2 === 0 && typeof s.cooldownDays === 'number') s.cooldownDays = Math.max(s.cooldownDays, 40);
      if (typeof s.days === 'number' && !(s.leads as { replay?: unknown }).replay) {
        const days = Math.max(1, Math.min(s.days, Math.floor(800 / perDay)));
        s.days = days;
        if (typeof s.warmupDays === 'number') s.warmupDays = Math.min(s.warmupDays, days - 1);
      }
      const readFile = (name: string) => drawn.files[name];
      try {
        const { d, floors, k } = await diagnose(s, readFile, 2 + (i % 2));
        const bad = diagnosisProblems(d, floors, k);
        if (bad.length) failures.push(`floor ${i}:\n  ${bad.slice(0, 6).join('\n  ')}\n  ${JSON.stringify(s)}`);
      } catch (e) {
        failures.push(`floor ${i}: threw ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ')}\n  ${JSON.stringify(s)}`);
      }
    }
    if (process.env.RANDOM_FLOORS_STATS) console.log(JSON.stringify(stats));
    if (process.env.RANDOM_FLOORS_OUT) writeFileSync(process.env.RANDOM_FLOORS_OUT, JSON.stringify(failures, null, 1));
    expect(failures, `${failures.length} of ${FLOORS} floors failed:\n${failures.slice(0, 4).join('\n\n')}`).toEqual([]);
  });
});
