// `npm run bench`: the engine against the bare-heap reference, and a year of a 50-agent shop.
// Timings live here, never in tests. Each measurement runs in its own Node process so that its peak
// memory is its own; the reference runs in the same bench run, on the same machine, just before ours.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const env = process.env;
const node = (script, args) => {
  const text = execFileSync(process.execPath, [script, ...args], { cwd: root, env, encoding: 'utf8' });
  return JSON.parse(text.slice(text.indexOf('{')));
};
const best = (runs) => runs.reduce((a, b) => (b.customers_per_s > a.customers_per_s ? b : a));

const customers = process.env.BENCH_CUSTOMERS ?? '1000000';
const mmcArgs = ['--customers', customers, '--c', '10', '--rho', '0.9', '--mu', '1'];
const refPath = join(root, '..', 'shared', 'bench', 'reference-mmc.mjs');

console.log('(a) M/M/c, c = 10, rho = 0.9, %s customers (best of 3 each)', customers);
let ref;
if (existsSync(refPath)) {
  ref = best([1, 2, 3].map(() => node(refPath, ['--mode', 'callbacks', ...mmcArgs])));
  console.log('  reference bare heap : %s customers/s, %s events/s, %s MiB', ref.customers_per_s.toLocaleString('en-US'), ref.events_per_s.toLocaleString('en-US'), ref.peak_rss_mib_self);
} else {
  console.log('  reference bare heap : skipped, ../shared/bench/reference-mmc.mjs is absent');
}
const ours = best([1, 2, 3].map(() => node(join(out, 'mmc.mjs'), mmcArgs)));
console.log('  leadlab engine      : %s customers/s, %s events/s, %s MiB, mean wait %s vs Erlang C %s (%s%%)', ours.customers_per_s.toLocaleString('en-US'), ours.events_per_s.toLocaleString('en-US'), ours.peak_rss_mib_self, ours.mean_wait_after_warmup, ours.analytic_Wq_erlang_c, ours.rel_error_pct);
if (ref) console.log('  ratio to reference  : %s (target >= 0.5)', (ours.customers_per_s / ref.customers_per_s).toFixed(2));

const scenario = join(root, 'data', 'scenarios', 'year-50-agents.json');
console.log('\n(b) the 50-agent shop (data/scenarios/year-50-agents.json), one replication');
const shop = {};
for (const days of [120, 365]) {
  shop[days] = node(join(out, 'shop.mjs'), ['--scenario', scenario, '--days', String(days)]);
  const r = shop[days];
  console.log('  %s days: %s leads in %s s (%s leads/s, %s events/s), peak RSS %s MiB, heap after %s MiB', String(days).padStart(3), r.leads.toLocaleString('en-US'), r.wall_s, r.leads_per_s.toLocaleString('en-US'), r.events_per_s.toLocaleString('en-US'), r.peak_rss_mib, r.heap_used_mib_after);
}
console.log('  a year in %s s (target < 2 s); peak memory 365 vs 120 days: %sx for %sx the leads', shop[365].wall_s, (shop[365].peak_rss_mib / shop[120].peak_rss_mib).toFixed(2), (shop[365].leads / shop[120].leads).toFixed(2));

if (process.argv.includes('--json')) console.log(JSON.stringify({ reference: ref, engine: ours, shop }, null, 2));
