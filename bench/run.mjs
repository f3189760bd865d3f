// `npm run bench`: the engine against the bare-heap reference, a year of a 50-agent shop, and the same floor at 4x.
// Timings live here, never in tests. Each measurement runs in its own Node process (so that its peak memory is its
// own), BENCH_REPEATS times (default 5): figures are the median and range of wall time, with the CPU time the process
// used and the 1-minute load average before each run. The reference runs in the same bench run, on the same machine,
// interleaved with ours, so that the ratio compares runs under the same load.
import { build } from 'esbuild';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cores, describe, highLoad, measure, repeats, runNode, stats, warnIfLoaded } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'leadlab-bench-'));
await build({
  absWorkingDir: root,
  entryPoints: { mmc: 'bench/mmc.ts', shop: 'bench/shop.ts' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
// The bundles include their dependencies, so they run from a temporary folder.
const node = (script, args) => runNode([script, ...args], { cwd: root });
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
console.log('leadlab bench, %s UTC, node %s, %d cores, %d runs per figure (median, range); warning above load %s', date, process.version, cores, repeats, highLoad);

const customers = process.env.BENCH_CUSTOMERS ?? '1000000';
const mmcArgs = ['--customers', customers, '--c', '10', '--rho', '0.9', '--mu', '1'];
const refPath = join(root, '..', 'shared', 'bench', 'reference-mmc.mjs');
const hasRef = existsSync(refPath);

console.log('\n(a) M/M/c, c = 10, rho = 0.9, %s customers', customers);
// Reference and engine alternate, run by run, so both see the same load.
const refRuns = [], ourRuns = [];
for (let i = 0; i < repeats; i++) {
  if (hasRef) refRuns.push(node(refPath, ['--mode', 'callbacks', ...mmcArgs]));
  ourRuns.push(node(join(out, 'mmc.mjs'), mmcArgs));
}
const summarize = (runs) => ({ runs, wall: stats(runs.map((r) => r.json.wall_s)), cpu: stats(runs.map((r) => r.processCpu)), load: stats(runs.map((r) => r.load)), loaded: runs.some((r) => r.load > highLoad) });
const cps = (runs) => stats(runs.map((r) => r.json.customers_per_s));
let ref;
if (hasRef) {
  ref = summarize(refRuns);
  const c = cps(refRuns);
  console.log('  reference bare heap : %s customers/s (%s-%s); run %s; %s MiB', fmt(c.median), fmt(c.min), fmt(c.max), describe(ref, 3), refRuns[0].json.peak_rss_mib_self);
} else {
  console.log('  reference bare heap : skipped, ../shared/bench/reference-mmc.mjs is absent');
}
const ours = summarize(ourRuns);
const oc = cps(ourRuns);
const o0 = ourRuns[0].json;
console.log('  leadlab engine      : %s customers/s (%s-%s); run %s; %s MiB; mean wait %s vs Erlang C %s (%s%%)', fmt(oc.median), fmt(oc.min), fmt(oc.max), describe(ours, 3), o0.peak_rss_mib_self, o0.mean_wait_after_warmup, o0.analytic_Wq_erlang_c, o0.rel_error_pct);
let ratio;
if (hasRef) {
  // Ratio of run-by-run pairs (each pair ran back to back), so a burst of load on the machine hits both sides.
  ratio = stats(ourRuns.map((r, i) => r.json.customers_per_s / refRuns[i].json.customers_per_s));
  console.log('  ratio to reference  : median %s (%s-%s over %d pairs run back to back; target >= 0.5)', ratio.median.toFixed(2), ratio.min.toFixed(2), ratio.max.toFixed(2), ratio.min === ratio.max ? 1 : ourRuns.length);
  warnIfLoaded(ref, 'the reference');
}
warnIfLoaded(ours, 'the engine');

const scenario = join(root, 'data', 'scenarios', 'year-50-agents.json');
const shopRun = (days, scale = 1) => node(join(out, 'shop.mjs'), ['--scenario', scenario, '--days', String(days), '--scale', String(scale)]);
const inRun = (r) => r.json.wall_s;
console.log('\n(b) the 50-agent shop (data/scenarios/year-50-agents.json), one replication, wall time of the run itself');
const shop = {};
for (const days of [120, 365]) {
  const m = measure(() => shopRun(days), inRun);
  shop[days] = m;
  const r = m.runs[0].json;
  const runCpu = stats(m.runs.map((x) => x.json.cpu_s));
  console.log('  %s days: %s leads, %s events: %s; CPU of the run %s s; %s us per lead; peak RSS %s MiB', String(days).padStart(3), fmt(r.leads), fmt(r.events), describe(m), runCpu.median.toFixed(2), ((m.wall.median * 1e6) / r.leads).toFixed(1), r.peak_rss_mib);
  warnIfLoaded(m, `the ${days}-day run`);
}
const year = shop[365], y0 = year.runs[0].json, s120 = shop[120].runs[0].json;
console.log('  a year in %s s median (target < 1.0 s); peak memory 365 vs 120 days: %sx for %sx the leads', year.wall.median.toFixed(2), (y0.peak_rss_mib / s120.peak_rss_mib).toFixed(2), (y0.leads / s120.leads).toFixed(2));
if (ratio) console.log('  the year against the reference: %s events at the reference engine\'s median %s events/s would take %s s', fmt(y0.events), fmt(stats(refRuns.map((r) => r.json.events_per_s)).median), (y0.events / stats(refRuns.map((r) => r.json.events_per_s)).median).toFixed(2));

console.log('\n(c) cost per lead as the floor grows: the same shop for 120 days at 50 and at 200 agents (leads x4)');
const scaling = {};
for (const scale of [1, 4]) {
  const m = measure(() => shopRun(120, scale), inRun);
  const r = m.runs[0].json;
  // On a loaded machine wall time includes waiting for a core: the CPU time of the run is the fairer cost.
  scaling[scale] = { m, usPerLead: stats(m.runs.map((x) => x.json.us_per_lead)), cpuUsPerLead: stats(m.runs.map((x) => (x.json.cpu_s * 1e6) / x.json.leads)) };
  console.log('  %s agents: %s leads, %s; per lead %s us wall, %s us CPU (medians)', String(r.agents).padStart(3), fmt(r.leads), describe(m), scaling[scale].usPerLead.median.toFixed(1), scaling[scale].cpuUsPerLead.median.toFixed(1));
  warnIfLoaded(m, `the ${r.agents}-agent run`);
}
console.log('  200 agents cost %sx the wall microseconds per lead of 50, %sx the CPU microseconds (target <= 1.1)', (scaling[4].usPerLead.median / scaling[1].usPerLead.median).toFixed(2), (scaling[4].cpuUsPerLead.median / scaling[1].cpuUsPerLead.median).toFixed(2));

if (process.argv.includes('--json')) {
  const plain = (m) => m && { wall: m.wall, cpu: m.cpu, load: m.load, loaded: m.loaded, first: m.runs[0].json };
  console.log(JSON.stringify({ date, reference: plain(ref), engine: plain(ours), ratio, shop: { 120: plain(shop[120]), 365: plain(shop[365]) }, scaling: { 50: plain(scaling[1].m), 200: plain(scaling[4].m) } }, null, 2));
}
