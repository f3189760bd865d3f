// Fit benchmark (issue 16): `leadlab fit` of a 1,000,000-row call log drawn from a known contact model
// (bench/callLogFile.mjs), BENCH_REPEATS times (default 5), each in its own Node process: median and range of the
// wall time, the CPU time, the peak resident memory and the load average before each run. Then a sanity print of
// the fitted parameters against the true ones (the test of recovery is test/fit/recovery.test.ts, on a small log).
// Run after `npm run build:cli`:  node bench/fit-bench.mjs [rows] [--gzip]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, writeModelCallLog } from './callLogFile.mjs';
import { cores, describe, measure, repeats, runNode, stats, warnIfLoaded } from './measure.mjs';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const gzip = args.includes('--gzip');
const once = fileURLToPath(new URL('./fit-once.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-bench-'));
const file = join(dir, gzip ? 'calls.csv.gz' : 'calls.csv');

const t0 = performance.now();
const log = await writeModelCallLog(file, rows, { gzip });
const { truth } = await load();
console.log(`\nleadlab fit benchmark: ${log.rows.toLocaleString('en-US')} rows (${log.leads.toLocaleString('en-US')} leads), ${(statSync(file).size / 1e6).toFixed(0)} MB${gzip ? ' gzip' : ''}, drawn from a known contact model in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${cores} cores, node ${process.version}, ${repeats} runs`);

const m = measure(() => runNode([once, file, '--tz', 'UTC', '--out', 'model.json'], { cwd: dir }));
const rss = stats(m.runs.map((r) => r.json.peak_rss_mib));
console.log(`  leadlab fit: ${describe(m)}; peak RSS ${rss.median.toFixed(0)} MiB (${rss.min.toFixed(0)}-${rss.max.toFixed(0)}) (targets: < 5 s, < 250 MiB)`);
warnIfLoaded(m, 'the fit');

// Sanity print: fitted against true parameters, in the fit's scale conventions (hour multipliers average 1 over the
// attempts made; age multipliers relative to the anchor bucket, so only the decay's shape is compared).
const fit = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
const { alpha, beta } = fit.contactModel.contactability;
const j = fit.contactModelFit;
console.log(`  EM: ${j.iterations} iterations, converged ${j.converged}, log-likelihood ${j.logLik.toFixed(1)}`);
console.log(`  contactability Beta(${alpha.toFixed(3)}, ${beta.toFixed(3)}), true Beta(${truth.contactability.alpha}, ${truth.contactability.beta})`);
const errors = fit.contactByHourOfWeek.hours.filter((h) => h.estimated).map((h) => Math.abs(h.multiplier / (truth.hourOfWeek[h.hour] / log.hourScale) - 1));
console.log(`  hour-of-week multipliers: ${errors.length} estimated, mean error ${(100 * errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(1)}%, largest ${(100 * Math.max(...errors)).toFixed(1)}% against the truth`);
const e = fit.contactByLeadAge.exponential;
console.log(`  age decay: half-life ${e.halfLifeMinutes.toFixed(1)} min (true ${truth.ageDecay.halfLifeMinutes}), floor ${e.floor.toFixed(3)} relative to the anchor bucket (true ${truth.ageDecay.floor} relative to age 0)`);
rmSync(dir, { recursive: true, force: true });
