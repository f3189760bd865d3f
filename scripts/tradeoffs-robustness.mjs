#!/usr/bin/env node
// Do the model's trade-offs keep their direction away from the default floor? Draws plausible worlds from a seeded
// generator (volume per agent, staff, competitors, fatigue, contactability, conversion, loan-process length, within
// the ranges of docs/assumptions.md and docs/tradeoffs.md), and in each checks the directional properties of
// test/sim/tradeoffs.test.ts as paired differences on common random numbers: every variant runs `leadlab run` with
// the same seed, so replication r of every variant sees the same leads (as `leadlab compare` does), and the
// differences' 95% intervals come from the project's own pairedDifference (src/compare, bundled with esbuild).
// A comparison whose interval includes zero, or ends within half a loan of it, is re-run with more replications
// (20, then 60, then 160).
// Usage:
//   node scripts/tradeoffs-robustness.mjs [--worlds 8] [--world-seed 2026] [--seed tradeoffs] [--workers 2]
//     [--max-replications 160] [--only-world K] [--corners] [--json out.json]
// --corners adds four worlds at the corners of the ranges (idle or swamped floors, each with every other figure at
// the end of its range that most favours or most opposes the properties): where a direction turns, if anywhere.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { flag, has, root } from './flags.mjs';

const nWorlds = Number(flag('worlds', 8));
const worldSeed = Number(flag('world-seed', 2026));
const runSeed = flag('seed', 'tradeoffs');
const workers = Math.max(1, Math.min(2, Number(flag('workers', 2))));
const ladder = [20, 60, 160].filter((r) => r <= Number(flag('max-replications', 160)));
const onlyWorld = flag('only-world', undefined);
const withCorners = has('corners');
const jsonOut = flag('json', undefined);

const dir = mkdtempSync(join(tmpdir(), 'leadlab-robust-'));
// The project's paired difference (mean, Student-t 95% interval over the replications' differences).
await build({ entryPoints: [join(root, 'src/compare/pairedDifference.ts')], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, 'pd.mjs'), logLevel: 'silent' });
const { pairedDifference } = await import(pathToFileURL(join(dir, 'pd.mjs')).href);

// --- worlds -------------------------------------------------------------------------------------------------
function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(worldSeed);
const uniform = (lo, hi) => lo + (hi - lo) * rnd();
const logUniform = (lo, hi) => Math.exp(uniform(Math.log(lo), Math.log(hi)));
const r2 = (x) => Math.round(x * 100) / 100;

/** World 0 is the default floor; the others are drawn. Every figure is a scenario field; the rest keep defaults. */
function drawWorld(k) {
  if (k === 0) return { k, staff: 1, volumePerAgent: 1, reach: 0.5, closePerDay: 0.02, answerFactor: 0.75, contactMean: 0.6, application: 0.15, processDays: 33 };
  return {
    k,
    staff: r2(uniform(0.5, 1.6)), // 5-16 agents (a 10-agent floor is the default)
    volumePerAgent: r2(logUniform(0.5, 2)), // 2-8 leads per agent a day (default 4)
    reach: r2(uniform(0.3, 0.8)), // each other buyer reaches the consumer (default 0.5, an assumption)
    closePerDay: Math.round(logUniform(0.01, 0.05) * 1000) / 1000, // a waiting consumer closed by each buyer a day (default 0.02)
    answerFactor: r2(uniform(0.6, 0.9)), // answer multiplier per crowded call (default 0.75)
    contactMean: r2(uniform(0.45, 0.75)), // mean contactability, alpha + beta = 4 (default 0.6)
    application: r2(uniform(0.1, 0.22)), // applications per conversation (default 0.15: about 2% of leads fund, 1-3% quoted)
    processDays: Math.round(uniform(28, 45)), // application to clear-to-close (default 33; ICE 40-53 to closing less a week)
  };
}

/** The corners: idle (16 agents, 2 leads each a day) or swamped (6 agents, 8 each), easy or hard consumers. */
const easy = { reach: 0.8, closePerDay: 0.05, answerFactor: 0.9, contactMean: 0.75, application: 0.22, processDays: 28 };
const hard = { reach: 0.3, closePerDay: 0.01, answerFactor: 0.6, contactMean: 0.45, application: 0.1, processDays: 45 };
const corners = [
  { name: 'idle, easy', staff: 1.6, volumePerAgent: 0.5, ...easy },
  { name: 'idle, hard', staff: 1.6, volumePerAgent: 0.5, ...hard },
  { name: 'swamped, easy', staff: 0.5, volumePerAgent: 2, ...easy },
  { name: 'swamped, hard', staff: 0.5, volumePerAgent: 2, ...hard },
];

function worldPatch(w) {
  const day = Math.max(2, Math.round(7 * w.staff)), late = Math.max(1, Math.round(3 * w.staff));
  return {
    leads: { perDay: Math.round(4 * w.volumePerAgent * (day + late)) },
    agents: [
      { name: 'Day closer', count: day, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5 },
      { name: 'Late closer', count: late, shift: '12:00-21:00', days: 'Mon-Sat', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5 },
    ],
    contact: { contactability: { alpha: 4 * w.contactMean, beta: 4 * (1 - w.contactMean) } },
    competitor: { reachProbability: w.reach },
    fatigue: { answerFactorPerCall: w.answerFactor },
    followUp: { competitorClosePerDay: w.closePerDay },
    funnel: { applicationPerConversation: w.application },
    loanProcess: { processDays: { mean: w.processDays, sd: r2(w.processDays * 0.3) } },
  };
}

const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);
function merge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObj(v) && isObj(a[k]) ? merge(a[k], v) : v;
  return out;
}

// --- the properties (test/sim/tradeoffs.test.ts), each as a paired difference that should be > 0 ---------------
const attempted = (h) => ({ callbacks: { preset: 'radar', statuses: { attempted: { intervalHours: [h, h] } } } });
const contacted = (iv) => ({ callbacks: { preset: 'radar', statuses: { contacted: { intervalHours: iv } } } });
const applicationsOn = (fromDay, toDay) => ({ status: 'application', fromDay, toDay, intervalFactor: 0.5 });
const contactedOn = (fromDay, toDay) => ({ status: 'contacted', fromDay, toDay, intervalFactor: 0.75 });
const monthBinds = { loanProcess: { monthEndShare: 1, closingLeadDays: 3, touchWindowHours: 24 } };
const cycle = (productionCycle) => ({ callbacks: { preset: 'radar', productionCycle } });
const shared = (closePerDay) => ({ competitor: { reachProbability: 1 }, leads: { sources: [{ name: 'shared', share: 1, cost: 40, soldTo: [0, 0, 0, 1] }] }, followUp: { competitorClosePerDay: closePerDay } });
const closeAt = (closePerDay) => ({ followUp: { competitorClosePerDay: closePerDay } });
const closerFloor = (w, weakCap, strongFollowThrough = 120) => ({
  leads: { perDay: Math.round(12 * w.volumePerAgent) },
  agents: [
    { name: 'Strong', shift: '08:00-18:00', days: 'Mon-Sat', skill: 1.6, newLeadsPerDay: 40, followThroughPipeline: strongFollowThrough },
    { name: 'Weak', shift: '08:00-18:00', days: 'Mon-Sat', skill: 0.5, newLeadsPerDay: weakCap },
  ],
});

/**
 * Each property: a name, its terms (variant patch over the world, weight) whose weighted sum, replication by
 * replication, should be > 0 (a difference, or a difference of differences), and whether it claims a direction
 * ("more leads never fund fewer" claims only "not lower").
 */
function properties(w) {
  const harsh = { fatigue: { answerFactorPerCall: 0.4, doNotCallPerCrowdedCall: 0.15 } };
  const few = shared(w.closePerDay), many = shared(10 * w.closePerDay);
  const base = worldPatch(w);
  return [
    { name: 'attempted: hourly - every 15 min', terms: [[attempted(1), 1], [attempted(0.25), -1]] },
    { name: 'attempted: hourly - daily', terms: [[attempted(1), 1], [attempted(24), -1]] },
    { name: 'fatigue x0.4: gain of 2h over 0.5h grows', terms: [[merge(attempted(2), harsh), 1], [merge(attempted(0.5), harsh), -1], [attempted(2), -1], [attempted(0.5), 1]] },
    { name: 'contacted: daily - every 1-2 h', terms: [[contacted([18, 24]), 1], [contacted([1, 2]), -1]] },
    { name: 'contacted: daily - weekly', terms: [[contacted([18, 24]), 1], [contacted([120, 168]), -1]] },
    { name: 'competitors x10: gain of 4-6h over daily grows', terms: [[merge(many, contacted([4, 6])), 1], [merge(many, contacted([18, 24])), -1], [merge(few, contacted([4, 6])), -1], [merge(few, contacted([18, 24])), 1]] },
    // The same on the world's own lead mix (40% exclusive, aggregator leads resold to 1-4 buyers at the drawn reach).
    { name: 'competitors x10, own mix: gain of 4-6h over daily grows', terms: [[merge(closeAt(10 * w.closePerDay), contacted([4, 6])), 1], [merge(closeAt(10 * w.closePerDay), contacted([18, 24])), -1], [contacted([4, 6]), -1], [contacted([18, 24]), 1]] },
    { name: 'volume x1.5 - x1 (not fewer)', terms: [[{ leads: { perDay: Math.round(1.5 * base.leads.perDay) } }, 1], [{}, -1]], notLower: true },
    { name: 'volume x2 - x1 (not fewer)', terms: [[{ leads: { perDay: 2 * base.leads.perDay } }, 1], [{}, -1]], notLower: true },
    { name: 'month binds: field cycle - none', terms: [[monthBinds, 1], [merge(monthBinds, cycle([])), -1]] },
    { name: 'month binds: field cycle - reversed', terms: [[monthBinds, 1], [merge(monthBinds, cycle([contactedOn(21, 31), applicationsOn(1, 10)])), -1]] },
    { name: 'overloaded closer: follow-through 120 - 15', terms: [[closerFloor(w, 3), 1], [closerFloor(w, 3, 15), -1]] },
  ];
}

// --- running ------------------------------------------------------------------------------------------------
const cache = new Map();
let fileNo = 0, cpuRuns = 0;
let running = 0;
const queue = [];
const slot = () => (running < workers ? Promise.resolve(running++) : new Promise((res) => queue.push(res)).then(() => running++));
const release = () => { running--; const next = queue.shift(); if (next) next(); };

/** funded per replication of one scenario, replications 0..R-1 on the run seed (common random numbers). */
function funded(scenario, R) {
  const key = `${R}|${JSON.stringify(scenario)}`;
  if (!cache.has(key)) {
    cache.set(key, (async () => {
      const file = join(dir, `s${fileNo++}.json`);
      writeFileSync(file, JSON.stringify({ name: 'v', ...scenario }));
      await slot();
      try {
        const out = await new Promise((res, rej) => execFile(process.execPath, [join(root, 'bin/leadlab.mjs'), 'run', file, '--replications', String(R), '--seed', runSeed, '--json'], { maxBuffer: 1 << 28 }, (e, so) => (e ? rej(e) : res(so))));
        cpuRuns += R;
        return JSON.parse(out).runs.map((r) => r.funded);
      } finally {
        release();
      }
    })());
  }
  return cache.get(key);
}

async function judge(w, p) {
  const base = worldPatch(w);
  let res;
  for (const R of ladder) {
    const series = await Promise.all(p.terms.map(([patch]) => funded(merge(base, patch), R)));
    const combined = series[0].map((_, r) => p.terms.reduce((s, [, wt], i) => s + wt * series[i][r], 0));
    // pairedDifference(metric, a, b) is the interval of b - a.
    const d = pairedDifference('funded', combined.map(() => 0), combined);
    const [lo, hi] = d.ci95;
    let verdict;
    if (p.notLower) verdict = hi < 0 ? 'violated' : lo > 0 ? 'holds' : 'holds (n.s.)';
    else verdict = lo > 0 ? 'holds' : hi < 0 ? 'violated' : 'inconclusive';
    res = { world: w.k, property: p.name, R, mean: d.mean, ci95: [lo, hi], verdict };
    // A verdict whose interval ends within half a loan of zero is confirmed with the next number of replications.
    const margin = Math.min(Math.abs(lo), Math.abs(hi));
    if (verdict !== 'inconclusive' && !(margin < 0.5 && verdict !== 'holds (n.s.)')) break;
  }
  return res;
}

const t0 = Date.now();
const worlds = [...Array.from({ length: nWorlds }, (_, k) => drawWorld(k)), ...(withCorners ? corners.map((c, i) => ({ k: `K${i + 1}`, ...c })) : [])].filter((w) => onlyWorld === undefined || String(w.k) === onlyWorld);
const label = (k) => (typeof k === 'number' ? `W${k}` : k);
const fmt = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
try {
  console.log('worlds (staff x10 agents, leads per agent a day x4, competitor reach, close/day, answer factor per crowded call, mean contactability, applications per conversation, process days):');
  for (const w of worlds) {
    const p = worldPatch(w);
    const agents = p.agents.reduce((s, a) => s + a.count, 0);
    console.log(`  ${label(w.k)}: ${agents} agents, ${p.leads.perDay} leads/day (x${w.volumePerAgent} per agent), reach ${w.reach}, close ${w.closePerDay}/day, fatigue ${w.answerFactor}, contactability ${w.contactMean}, application ${w.application}, process ${w.processDays} d`);
  }
  const jobs = worlds.flatMap((w) => properties(w).map((p) => judge(w, p)));
  const rows = await Promise.all(jobs);
  console.log(`\n| world | property | R | paired difference [95% CI] | verdict |\n|---|---|---|---|---|`);
  for (const r of rows) console.log(`| ${label(r.world)} | ${r.property} | ${r.R} | ${fmt(r.mean)} [${fmt(r.ci95[0])}, ${fmt(r.ci95[1])}] | ${r.verdict} |`);
  console.log(`\n${cpuRuns} replications run, ${((Date.now() - t0) / 1000).toFixed(0)} s wall on ${workers} workers`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ worldSeed, runSeed, worlds: worlds.map((w) => ({ ...w, scenario: worldPatch(w) })), rows }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
