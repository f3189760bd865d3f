// Sweep benchmark (issue 5): 200 runs of the default scenario (90 days of leads) through `leadlab sweep`,
// on 1 and on 2 worker threads. Prints wall times, runs per second and the speed-up, and checks that both
// runs wrote identical results. Run: npm run build:cli && node bench/sweep-bench.mjs [runs] [maxWorkers]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 200);
const maxWorkers = Number(process.argv[3] ?? 2);
const cli = fileURLToPath(new URL('../bin/leadlab.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'leadlab-sweep-bench-'));
// One combination (the default scenario, 90 days) times `runs` replications.
writeFileSync(join(dir, 'bench.json'), JSON.stringify({ name: 'Default scenario', base: { name: 'Default', days: 90 }, parameters: { days: [90] }, replications: runs, seed: 1 }));

console.log(`leadlab sweep benchmark: ${runs} runs of the default scenario (90 days), ${availableParallelism()} cores available, node ${process.version}`);
// Other processes on the machine skew a speed-up measured on 2 cores: say how busy it was.
const load = () => loadavg()[0].toFixed(2);
console.log(`  load average before: ${load()} (the speed-up is only meaningful when this is well under the core count)`);
const times = {};
for (let workers = 1; workers <= maxWorkers; workers *= 2) {
  const started = process.hrtime.bigint();
  const p = spawnSync(process.execPath, [cli, 'sweep', 'bench.json', '--workers', String(workers), '--out', `w${workers}`], { cwd: dir, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (p.status !== 0) throw new Error(`leadlab sweep failed (exit ${p.status}):\n${p.stderr}`);
  times[workers] = seconds;
  console.log(`  ${workers} worker${workers === 1 ? ' ' : 's'}: ${seconds.toFixed(2)} s wall, ${(runs / seconds).toFixed(1)} runs/s`);
}
const same = Object.keys(times).every((w) => readFileSync(join(dir, `w${w}.runs.csv`), 'utf8') === readFileSync(join(dir, 'w1.runs.csv'), 'utf8'));
for (const w of Object.keys(times).filter((w) => w !== '1')) console.log(`  speed-up 1 -> ${w} workers: ${(times[1] / times[w]).toFixed(2)}x`);
console.log(`  results identical for every worker count: ${same ? 'yes' : 'NO'}`);
console.log(`  load average after: ${load()}`);
if (!same) process.exitCode = 1;
