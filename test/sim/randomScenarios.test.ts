import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/sim/agentState';
import type { Lead } from '../../src/sim/lead';
import { Calendar } from '../../src/sim/calendar';
import { isOnShift } from '../../src/sim/shift';
import { METRICS, type MetricName, type RunResult } from '../../src/sim/runResult';
import { LOSS_BUCKETS } from '../../src/sim/lossAttribution';
import { loadScenario, ScenarioError } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import type { ScenarioSummary } from '../../src/sim/summary';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

/*
 * A property test over random valid scenarios: a seeded generator (test/helpers/randomScenario.ts) draws
 * scenarios across the whole schema, each is loaded with the project's loader and run small, and every run is checked
 * against what the model means, whatever the numbers: no throw, no NaN where a metric is defined, shares in [0, 1],
 * an ordered funnel whose ends add up, loss buckets that add up to the leads they split, intervals around their means,
 * determinism, and the floor's invariants watched over the run (as test/sim/invariants.test.ts).
 *
 * A failure prints the scenario as JSON, to paste into a file for `leadlab run` or into a focused test.
 */

// ---- properties ---------------------------------------------------------------------------------------------------

/** Metrics that are NaN exactly when what they divide by is zero (src/sim/runResult.ts: "NaN where undefined"). */
function undefinedMetric(name: MetricName, r: RunResult): boolean {
  const f = r.funnel;
  switch (name) {
    case 'meanMinutesToFirstAttempt':
      return f.attempted === 0;
    case 'medianMinutesToFirstAttempt': {
      // Over every lead of the window, the never-called ones later than any call: defined while more than half were called.
      const called = Math.round(f.leads * (1 - r.metrics.neverAttemptedShare));
      return f.leads === 0 || called <= Math.floor(f.leads / 2);
    }
    case 'meanMinutesToContact':
      return f.contacted === 0;
    case 'pullThrough':
      return f.application === 0;
    case 'fundedInLastWeekShare':
    case 'costPerFunded':
      return f.funded === 0;
    case 'spamLabeledShare':
      // Over calls to consumers not yet reached: every attempted lead's first call is one.
      return f.attempted === 0;
    case 'roi':
      return r.metrics.leadCost + r.metrics.agentCost + r.metrics.fulfillmentCost === 0;
    default:
      return METRICS[name].unit === 'share' || name === 'attemptsPerLead' || name === 'dripEmailsPerLead' ? f.leads === 0 : false;
  }
}

/** Every number under `value` (but the metrics, checked one by one), with its path. */
function numbersIn(value: unknown, path: string, out: [string, number][]): void {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value) || ArrayBuffer.isView(value)) Array.from(value as ArrayLike<unknown>).forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));


/** Problems with one run, in words (empty when it keeps every property). */
function runProblems(r: RunResult, limits: Map<string, number>): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  const f = r.funnel, m = r.metrics;
  // Numbers: every metric finite unless it is undefined for this run; everything else finite.
  for (const [name, v] of Object.entries(m) as [MetricName, number][]) {
    if (Number.isNaN(v)) check(undefinedMetric(name, r), `metrics.${name} is NaN though it is defined`);
    else check(Number.isFinite(v), `metrics.${name} = ${v}`);
    if (Number.isFinite(v) && METRICS[name].unit === 'share') check(v >= 0 && v <= 1, `metrics.${name} = ${v} outside [0, 1]`);
    if (Number.isFinite(v) && (METRICS[name].unit === 'count' || name === 'attemptsPerLead' || name === 'meanMinutesToFirstAttempt' || name === 'meanMinutesToContact' || name === 'medianMinutesToFirstAttempt'))
      check(v >= 0, `metrics.${name} = ${v} < 0`);
    if (Number.isFinite(v) && METRICS[name].unit === 'money' && name !== 'roi') check(v >= 0, `metrics.${name} = ${v} < 0`);
  }
  if (Number.isFinite(m.roi)) check(m.roi >= -1, `metrics.roi = ${m.roi} < -1 (revenue cannot be negative)`);
  check(Number.isFinite(m.leadsPerAgentGini) && m.leadsPerAgentGini >= 0 && m.leadsPerAgentGini <= 1, `metrics.leadsPerAgentGini = ${m.leadsPerAgentGini} outside [0, 1]`);
  const numbers: [string, number][] = [];
  numbersIn({ funnel: r.funnel, byAttempt: r.byAttempt, agents: r.agents, daily: r.daily, distributions: r.distributions, losses: r.losses, events: r.events }, 'result', numbers);
  for (const [p, v] of numbers) check(Number.isFinite(v) && v >= 0, `${p} = ${v}`);

  // The funnel: each stage within the one before it; every measured lead ends funded, lost, in nurture or open.
  check(m.leads === f.leads, `metrics.leads ${m.leads} != funnel.leads ${f.leads}`);
  check(m.funded === f.funded, `metrics.funded ${m.funded} != funnel.funded ${f.funded}`);
  check(f.attempted <= f.leads, `attempted ${f.attempted} > leads ${f.leads}`);
  check(f.contacted <= f.attempted, `contacted ${f.contacted} > attempted ${f.attempted}`);
  check(f.application <= f.contacted, `application ${f.application} > contacted ${f.contacted}`);
  check(f.closing <= f.application, `closing ${f.closing} > application ${f.application}`);
  check(f.funded <= f.closing, `funded ${f.funded} > closing ${f.closing}`);
  const lost = sum(Object.values(f.lost));
  check(f.funded + lost + f.nurture + f.open === f.leads, `funded ${f.funded} + lost ${lost} + nurture ${f.nurture} + open ${f.open} != leads ${f.leads}`);
  if (f.leads > 0) {
    check(close(m.contactRate, f.contacted / f.leads), `contactRate ${m.contactRate} != contacted / leads`);
    check(close(m.fundedRate, f.funded / f.leads), `fundedRate ${m.fundedRate} != funded / leads`);
    check(close(m.neverAttemptedShare, 1 - f.attempted / f.leads), `neverAttemptedShare ${m.neverAttemptedShare} != 1 - attempted / leads`);
    check(m.spoiledShare >= m.neverAttemptedShare - 1e-12, `spoiledShare ${m.spoiledShare} < neverAttemptedShare ${m.neverAttemptedShare}`);
  }

  // Attempts: leads with >= k + 1 attempts fall with k; first contacts and histograms count the funnel's leads.
  const att = r.byAttempt.attempts;
  check(att.length === 0 ? f.attempted === 0 : att[0] === f.attempted, `byAttempt.attempts[0] ${att[0]} != attempted ${f.attempted}`);
  for (let k = 1; k < att.length; k++) check(att[k] <= att[k - 1], `byAttempt.attempts rises at ${k}`);
  check(close(sum(att), m.attemptsPerLead * f.leads) || f.leads === 0, `sum of byAttempt.attempts ${sum(att)} != attempts ${m.attemptsPerLead * f.leads}`);
  check(sum(r.byAttempt.firstContacts) === f.contacted, `sum of firstContacts ${sum(r.byAttempt.firstContacts)} != contacted ${f.contacted}`);
  check(sum(r.byAttempt.fundedByFirstContactAttempt) === f.funded, `sum of fundedByFirstContactAttempt != funded ${f.funded}`);
  check(sum(r.distributions.minutesToFirstAttempt) === f.attempted, `histogram of first attempts ${sum(r.distributions.minutesToFirstAttempt)} != attempted ${f.attempted}`);
  check(sum(r.distributions.minutesToContact) === f.contacted, `histogram of contacts ${sum(r.distributions.minutesToContact)} != contacted ${f.contacted}`);

  // Losses: funded plus the buckets is the measured leads; each bucket splits into agents and unassigned.
  const L = r.losses;
  check(L.leads === f.leads && L.funded === f.funded, `losses count ${L.leads} leads / ${L.funded} funded, funnel ${f.leads} / ${f.funded}`);
  const bucketLeads = sum(LOSS_BUCKETS.map((b) => L.buckets[b].leads));
  check(L.funded + bucketLeads === L.leads, `funded ${L.funded} + buckets ${bucketLeads} != leads ${L.leads}`);
  for (const b of LOSS_BUCKETS) {
    const split = sum(L.byAgent.map((a) => a.buckets[b])) + L.unassigned[b];
    check(split === L.buckets[b].leads, `losses.${b}: agents + unassigned ${split} != ${L.buckets[b].leads}`);
  }
  check(L.buckets['still-open'].leads === f.open, `still-open ${L.buckets['still-open'].leads} != funnel.open ${f.open}`);
  const bucketCost = sum(LOSS_BUCKETS.map((b) => L.buckets[b].leadCost));
  check(bucketCost <= m.leadCost + 1e-6 * Math.max(1, m.leadCost), `lost leads cost ${bucketCost} > all leads ${m.leadCost}`);

  // Agents: shares in [0, 1]; pipelines within limits where the strategy keeps them.
  for (const a of r.agents) {
    check(a.utilization >= 0 && a.utilization <= 1 + 1e-9, `agent ${a.name} utilization ${a.utilization}`);
    const limit = limits.get(a.name);
    if (limit !== undefined) check(a.maxPipeline <= limit, `agent ${a.name} maxPipeline ${a.maxPipeline} > limit ${limit}`);
    check(a.contacts <= a.attempts, `agent ${a.name} contacts ${a.contacts} > attempts ${a.attempts}`);
  }
  // Daily columns are all of one length.
  const len = r.daily.date.length;
  for (const k of ['arrivals', 'attempts', 'contacts', 'applications', 'funded', 'pipeline', 'waiting'] as const) check(r.daily[k].length === len, `daily.${k} has ${r.daily[k].length} days, dates ${len}`);
  for (const col of r.daily.pipelineByAgent) check(col.length === len, 'daily.pipelineByAgent has a column of another length');
  check(sum(r.daily.arrivals) >= f.leads, `daily arrivals ${sum(r.daily.arrivals)} < measured leads ${f.leads}`);
  return bad;
}

function summaryProblems(s: ScenarioSummary): string[] {
  const bad: string[] = [];
  for (const [name, v] of Object.entries(s.metrics)) {
    if (!v.ci95) continue;
    const [lo, hi] = v.ci95;
    if (Number.isNaN(v.mean)) continue;
    if (!(lo <= v.mean + 1e-9 * Math.abs(v.mean) && v.mean <= hi + 1e-9 * Math.abs(v.mean))) bad.push(`metrics.${name}: interval [${lo}, ${hi}] does not hold the mean ${v.mean}`);
  }
  for (const b of LOSS_BUCKETS) {
    const v = s.losses.buckets[b].leads;
    if (v.ci95 && !(v.ci95[0] <= v.mean + 1e-9 && v.mean <= v.ci95[1] + 1e-9)) bad.push(`losses.${b}.leads: interval [${v.ci95}] does not hold the mean ${v.mean}`);
  }
  return bad;
}

// ---- the test -----------------------------------------------------------------------------------------------------

const SCENARIOS = Number(process.env.RANDOM_SCENARIOS ?? 300);
const FIRST = Number(process.env.RANDOM_SCENARIOS_FROM ?? 0);
const MASTER_SEED = Number(process.env.RANDOM_SCENARIOS_SEED ?? 20261126);

describe('Random valid scenarios', () => {
  it(`${SCENARIOS} scenarios load, run and keep the model's properties`, () => {
    const failures: string[] = [];
    let ran = 0, leads = 0;
    /** Replications that reached each stage or feature: what the properties were checked on. */
    const reached = new Map<string, number>();
    for (let i = FIRST; i < FIRST + SCENARIOS; i++) {
      const drawn = scenario(new Gen(mulberry32(MASTER_SEED + i * 7919)), i);
      const json = JSON.stringify(drawn.scenario);
      // RANDOM_SCENARIOS_TRACE=file appends each scenario's number before it runs, to find one that does not finish.
      if (process.env.RANDOM_SCENARIOS_TRACE) writeFileSync(process.env.RANDOM_SCENARIOS_TRACE, `${i} ${json}\n`, { flag: 'a' });
      const readFile = (name: string) => {
        if (!(name in drawn.files)) throw new Error(`no file ${name}`);
        return drawn.files[name];
      };
      const shownFiles = Object.keys(drawn.files).length ? `\n  files: ${JSON.stringify(drawn.files)}` : '';
      const fail = (what: string[]) => failures.push(`scenario ${i}:\n  ${what.slice(0, 8).join('\n  ')}\n  ${json}${shownFiles}`);
      let resolved;
      try {
        resolved = loadScenario(drawn.scenario, readFile);
      } catch (e) {
        fail([`rejected: ${e instanceof ScenarioError ? e.message : String(e)}`]);
        continue;
      }
      const cal = new Calendar(resolved.config.startDate);
      const problems: string[] = [];
      const once = (what: string) => {
        if (!problems.includes(what) && problems.length < 8) problems.push(what);
      };
      const owner = new Map<Lead, AgentState>();
      const perDay = new Map<string, number>();
      const prospecting = new Map<Lead, number>();
      const callsPerDay = new Map<string, number>();
      const limits = new Map<string, number>();
      let rep = 0;
      if (drawn.limits.pipeline) for (const a of resolved.config.agents) limits.set(a.name, a.pipelineLimit);
      try {
        const { summary, runs } = runScenario(resolved, {
          // Each replication starts with empty floors: the observer's state is per replication.
          onProgress: () => {
            rep++;
            owner.clear();
          },
          observer: {
            onAssign(lead, agent, now) {
              if (owner.has(lead)) once(`lead ${lead.id} assigned to ${agent.name} while in ${owner.get(lead)!.name}'s pipeline`);
              owner.set(lead, agent);
              if (drawn.limits.pipeline && agent.pipelineSize > agent.pipelineLimit) once(`${agent.name}'s pipeline ${agent.pipelineSize} > limit ${agent.pipelineLimit}`);
              // An agent takes only the sources and products it may (agents[].sources and products, empty = all).
              const src = resolved.config.sources[lead.source].name, prod = resolved.config.products[lead.product].name;
              if ((agent.config.sources.length > 0 && !agent.config.sources.includes(src)) || (agent.config.products.length > 0 && !agent.config.products.includes(prod))) once(`${agent.name} took a ${src}/${prod} lead it may not take`);
              // Aged-lead routing: a new lead that waited longer than the agent's maxLeadWaitMinutes is not its to take.
              if (drawn.limits.pipeline && lead.status === 'new' && now - lead.waitingSince > agent.config.maxLeadWaitMinutes) once(`${agent.name} took a lead that waited ${now - lead.waitingSince} min, more than its ${agent.config.maxLeadWaitMinutes}`);
              const key = `${rep}/${agent.index}/${Math.floor(now / 1440)}`;
              perDay.set(key, (perDay.get(key) ?? 0) + 1);
              // A paced cap: a lead that waited over an hour is taken only within the day's cap spread over the day's
              // shift time, two leads ahead (agents[].paceNewLeads).
              if (drawn.limits.daily && agent.config.paceNewLeads && lead.status === 'new' && now - lead.waitingSince > 60) {
                const t = Math.floor(now), dayStart = t - (t % 1440), dayMow = cal.minuteOfWeek(dayStart);
                let elapsed = 0, total = 0;
                for (const [a, b] of agent.config.shift.intervals) {
                  const from = Math.max(a, dayMow), to = Math.min(b, dayMow + 1440);
                  if (to <= from) continue;
                  total += to - from;
                  elapsed += Math.max(0, Math.min(to, dayMow + t - dayStart) - from);
                }
                const cap = agent.newLeadsPerDay, allowed = Math.min(cap, Math.floor((cap * elapsed) / total) + Math.min(cap, 2));
                if (perDay.get(key)! > allowed) once(`${agent.name} took its ${perDay.get(key)}th lead of the day, one that waited, at minute ${t - dayStart} of the day: its paced cap allows ${allowed}`);
              }
              if (drawn.limits.daily && perDay.get(key)! > agent.newLeadsPerDay) once(`${agent.name} got ${perDay.get(key)} new leads on day ${Math.floor(now / 1440)}, limit ${agent.newLeadsPerDay}`);
            },
            onLeavePipeline(lead, agent) {
              if (owner.get(lead) !== agent) once(`lead ${lead.id} left ${agent.name}'s pipeline but was in ${owner.get(lead)?.name ?? 'none'}`);
              owner.delete(lead);
            },
            onCallStart(lead, agent, now) {
              // "single-call": one attempt to reach each lead (where no lead can come back as a new chance).
              if (drawn.singleCall && !lead.reachedApplication) {
                const n = (prospecting.get(lead) ?? 0) + 1;
                prospecting.set(lead, n);
                if (n > 1) once(`lead ${lead.id} got ${n} calls under "single-call"`);
              }
              if (!isOnShift(agent.config.shift, cal.minuteOfWeek(now))) once(`${agent.name} called at minute ${now}, off shift`);
              if (owner.get(lead) !== agent) once(`${agent.name} called lead ${lead.id} held by ${owner.get(lead)?.name ?? 'no one'}`);
              const key = `${rep}/${agent.index}/${Math.floor(now / 1440)}`;
              callsPerDay.set(key, (callsPerDay.get(key) ?? 0) + 1);
              if (callsPerDay.get(key)! > agent.config.maxCallsPerDay) once(`${agent.name} made ${callsPerDay.get(key)} calls on day ${Math.floor(now / 1440)}, limit ${agent.config.maxCallsPerDay}`);
            },
          },
        });
        runs.forEach((r, k) => {
          for (const p of runProblems(r, limits)) once(`replication ${k}: ${p}`);
          leads += r.funnel.leads;
          const f = r.funnel;
          for (const [what, yes] of [['leads', f.leads > 0], ['contacted', f.contacted > 0], ['applications', f.application > 0], ['closings', f.closing > 0], ['funded', f.funded > 0], ['aged out', r.metrics.agedOutShare > 0], ['a pipeline at its limit', r.agents.some((a) => a.maxPipeline === limits.get(a.name))], ['replay', 'replay' in (drawn.scenario.leads as object)], ['scoring', 'scoring' in drawn.scenario], ['single call checked', drawn.singleCall]] as const) {
            if (yes) reached.set(what, (reached.get(what) ?? 0) + 1);
          }
        });
        for (const p of summaryProblems(summary)) once(p);
        // Each third scenario is run a second time (to keep the file fast), with one of three changes.
        if (i % 3 === 0) {
          // Same scenario and seed: the same result, bit for bit.
          const again = runScenario(loadScenario(JSON.parse(json), readFile));
          if (JSON.stringify(again.runs) !== JSON.stringify(runs)) once('a second run of the same scenario and seed differs');
        } else if (i % 3 === 1) {
          // Another policy on the same seed: the same leads (common random numbers, docs/design.md, Statistics).
          const other = { ...JSON.parse(json), callbacks: 'single-call', distribution: 'push' };
          const b = runScenario(loadScenario(other, readFile)).runs;
          runs.forEach((r, k) => {
            if (r.metrics.leads !== b[k].metrics.leads || r.metrics.leadCost !== b[k].metrics.leadCost) once(`replication ${k}: another policy saw ${b[k].metrics.leads} leads costing ${b[k].metrics.leadCost}, not ${r.metrics.leads} costing ${r.metrics.leadCost}`);
            if (JSON.stringify(r.daily.arrivals) !== JSON.stringify(b[k].daily.arrivals)) once(`replication ${k}: another policy saw other daily arrivals`);
          });
        } else {
          // Other economics: only money moves. Agent cost doubles with the hourly cost, fulfillment adds per funded loan.
          const base = JSON.parse(json) as { economics?: { agentCostPerHour?: number; fulfillmentCostPerFunded?: number } };
          const rate = base.economics?.agentCostPerHour ?? 55, per = base.economics?.fulfillmentCostPerFunded ?? 5500;
          const b = runScenario(loadScenario({ ...base, economics: { agentCostPerHour: 2 * rate, fulfillmentCostPerFunded: per + 1000 } }, readFile)).runs;
          const money = new Set<string>(['agentCost', 'fulfillmentCost', 'costPerFunded', 'roi']);
          runs.forEach((r, k) => {
            const m2 = b[k].metrics;
            for (const [name, v] of Object.entries(r.metrics)) if (!money.has(name) && !Object.is(v, m2[name as MetricName])) once(`replication ${k}: other economics moved ${name} from ${v} to ${m2[name as MetricName]}`);
            if (JSON.stringify(r.funnel) !== JSON.stringify(b[k].funnel)) once(`replication ${k}: other economics moved the funnel`);
            if (m2.agentCost !== 2 * r.metrics.agentCost) once(`replication ${k}: agent cost ${m2.agentCost} at twice the rate is not twice ${r.metrics.agentCost}`);
            if (!close(m2.fulfillmentCost, r.metrics.fulfillmentCost + 1000 * r.funnel.funded)) once(`replication ${k}: fulfillment cost ${m2.fulfillmentCost} is not ${r.metrics.fulfillmentCost} + 1000 x ${r.funnel.funded}`);
          });
        }
        ran++;
      } catch (e) {
        once(`threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`);
      }
      if (problems.length) fail(problems);
    }
    // RANDOM_SCENARIOS_STATS=1 prints how many replications reached each stage or feature.
    if (process.env.RANDOM_SCENARIOS_STATS) console.log(`${leads} leads; replications with ${[...reached].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    // RANDOM_SCENARIOS_OUT=file.json writes every failure (problems and scenario) for reducing them by hand.
    if (process.env.RANDOM_SCENARIOS_OUT) writeFileSync(process.env.RANDOM_SCENARIOS_OUT, JSON.stringify(failures, null, 1));
    expect(failures, `${failures.length} of ${SCENARIOS} scenarios failed:\n${failures.slice(0, 6).join('\n\n')}`).toEqual([]);
    expect(ran).toBe(SCENARIOS);
    expect(leads).toBeGreaterThan(SCENARIOS * 50);
  });
});
