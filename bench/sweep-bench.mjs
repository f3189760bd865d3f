// Sweep benchmark (issue 5): 200 runs of the default scenario (its default days of leads, read from `leadlab schema`) through `leadlab sweep`,
// on 1 and on 2 worker threads, BENCH_REPEATS times each (default 5, alternating), with the CPU time of each sweep
// and the load average before it. Prints the median and range of wall times, the speed-up (median of the ratios of
// back-to-back pairs), and checks that every run wrote identical results.
// Then the same runs on a warm pool of 1 and of 2 workers (bench/warm-pool.ts).
// Run: npm run build:cli && node bench/sweep-bench.mjs [runs] [maxWorkers]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { cores, highLoad, repeats, runNode, runNodesTogether, stats } from './measure.mjs';

const runs = Number(process.argv[2] ?? 200);
const maxWorkers = Number(process.argv[3] ?? 2);
const cli = fileURLToPath(new URL('../bin/leadlab.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'leadlab-sweep-bench-'));
// One combination (the default scenario at its default days: 90 until 2026-11-26, 120 since, with a warm-up of 60)
// times `runs` replications.
const days = JSON.parse(execFileSync(process.execPath, [cli, 'schema'], { encoding: 'utf8' })).properties.days.default;
const sweepOf = (replications) => JSON.stringify({ name: 'Default scenario', base: { name: 'Default' }, parameters: { days: [days] }, replications, seed: 1 });
writeFileSync(join(dir, 'bench.json'), sweepOf(runs));

console.log(`\nleadlab sweep benchmark: ${runs} runs of the default scenario (${days} days), ${cores} cores available, node ${process.version}, ${repeats} sweeps per worker count`);
const counts = [];
for (let w = 1; w <= maxWorkers; w *= 2) counts.push(w);
const results = Object.fromEntries(counts.map((w) => [w, []]));
// A reference for splitting the sweep in two without the pool: its two halves (--shard 1/2 and 2/2) as two separate
// processes of one worker each, started together, each starting Node and compiling its own code on the shared cores
// (docs/performance.md, seventh round).
const sideBySide = [];
let same = true;
for (let i = 0; i < repeats; i++) {
  for (const w of counts) {
    const r = runNode([cli, 'sweep', 'bench.json', '--workers', String(w), '--out', `w${w}`], { cwd: dir });
    results[w].push(r);
    same &&= readFileSync(join(dir, `w${w}.runs.csv`), 'utf8') === readFileSync(join(dir, 'w1.runs.csv'), 'utf8');
  }
  if (counts.includes(2)) sideBySide.push(await runNodesTogether([1, 2].map((k) => [cli, 'sweep', 'bench.json', '--workers', '1', '--shard', `${k}/2`, '--out', `half${k}`]), { cwd: dir }));
}
for (const w of counts) {
  const rs = results[w];
  const wall = stats(rs.map((r) => r.processWall)), cpu = stats(rs.map((r) => r.processCpu)), load = stats(rs.map((r) => r.load));
  console.log(`  ${w} worker${w === 1 ? ' ' : 's'}: median ${wall.median.toFixed(2)} s wall (${wall.min.toFixed(2)}-${wall.max.toFixed(2)}), ${(runs / wall.median).toFixed(1)} runs/s, CPU ${cpu.median.toFixed(2)} s, load before ${load.min.toFixed(1)}-${load.max.toFixed(1)}`);
  if (load.max > highLoad) console.log(`  WARNING: load average up to ${load.max.toFixed(1)} on ${cores} cores: the ${w}-worker figures are from a loaded machine`);
}
for (const w of counts.filter((w) => w !== 1)) {
  const speedUp = stats(results[1].map((r, i) => r.processWall / results[w][i].processWall));
  console.log(`  speed-up 1 -> ${w} workers: median ${speedUp.median.toFixed(2)}x (${speedUp.min.toFixed(2)}-${speedUp.max.toFixed(2)}; target >= 1.85x on 2 workers, meaningful only when the load is well under ${cores})`);
  // The 1-worker sweep already keeps more than one core busy (V8 compiles and collects on background threads beside
  // the worker): with all of its CPU time spread over w cores and nothing added, w workers could at best divide its
  // wall time by w / (cores it used).
  const used = stats(results[1].map((r) => r.processCpu / r.processWall)).median;
  console.log(`  the 1-worker sweep used ${used.toFixed(2)} cores (CPU over wall): were the ${w}-worker sweep to spend no more CPU than it and keep ${Math.min(w, cores)} cores busy throughout, the speed-up would be ${(Math.min(w, cores) / used).toFixed(2)}x`);
}
if (counts.includes(2)) {
  const wall = stats(sideBySide.map((r) => r.processWall)), cpu = stats(sideBySide.map((r) => r.processCpu)), load = stats(sideBySide.map((r) => r.load));
  const halves = stats(results[1].map((r, i) => r.processWall / sideBySide[i].processWall));
  const ofHalves = stats(results[2].map((r, i) => sideBySide[i].processWall / r.processWall));
  console.log(
    `  the two halves as two separate 1-worker processes side by side: median ${wall.median.toFixed(2)} s wall (${wall.min.toFixed(2)}-${wall.max.toFixed(2)}), CPU ${cpu.median.toFixed(2)} s, load before ${load.min.toFixed(1)}-${load.max.toFixed(1)}; ` +
      `speed-up over 1 worker ${halves.median.toFixed(2)}x (${halves.min.toFixed(2)}-${halves.max.toFixed(2)}); the 2-worker pool is ${(100 * ofHalves.median).toFixed(0)}% as fast as the two processes`,
  );
}
// Where the speed-up goes: a short sweep on 1 worker gives the cost of one run once warm (the slope) and the fixed cost
// of a sweep (start-up and the JIT's warm-up, the intercept). The rest of the 2-worker sweep's time, beyond its half of
// the runs at that pace, is its own fixed cost: start-up, and each worker compiling the simulator on its own core.
if (counts.includes(2)) {
  const short = Math.max(2, Math.round(runs / 10));
  writeFileSync(join(dir, 'short.json'), sweepOf(short));
  const shortRuns = Array.from({ length: repeats }, () => runNode([cli, 'sweep', 'short.json', '--workers', '1', '--out', 'short-results'], { cwd: dir }));
  const shortWall = stats(shortRuns.map((r) => r.processWall)).median;
  const w1 = stats(results[1].map((r) => r.processWall)).median, w2 = stats(results[2].map((r) => r.processWall)).median;
  const perRun = (w1 - shortWall) / (runs - short);
  const fixed1 = w1 - runs * perRun, fixed2 = w2 - (runs / 2) * perRun;
  console.log(
    `  decomposition (a ${short}-run sweep on 1 worker: ${shortWall.toFixed(2)} s median): a warm run costs ${(perRun * 1000).toFixed(1)} ms; fixed cost ${fixed1.toFixed(2)} s on 1 worker, ${fixed2.toFixed(2)} s on 2 (start-up and JIT warm-up; on 1 worker V8 compiles on the idle core); ` +
      `were the 2-worker fixed cost the 1-worker one, the speed-up would be ${(w1 / (fixed1 + (runs / 2) * perRun)).toFixed(2)}x`,
  );
  // The same in CPU time. A second worker is a second V8 isolate: it starts, loads the simulator and compiles it again
  // (V8 shares no compiled code between isolates), CPU the 1-worker sweep never spends. That fixed CPU of a worker is
  // the short sweep's CPU beyond its runs, less the process's own start-up (`leadlab --version`). With both cores busy
  // throughout, the 2-worker sweep can take no less than half of (the 1-worker sweep's CPU + one more worker's fixed
  // CPU): the speed-up that bound allows, beside the one measured.
  const cpu1 = stats(results[1].map((r) => r.processCpu)).median, cpu2 = stats(results[2].map((r) => r.processCpu)).median;
  const shortCpu = stats(shortRuns.map((r) => r.processCpu)).median;
  const startCpu = stats(Array.from({ length: repeats }, () => runNode([cli, '--version'], { cwd: dir }).processCpu)).median;
  const cpuPerRun = (cpu1 - shortCpu) / (runs - short);
  const workerFixedCpu = shortCpu - short * cpuPerRun - startCpu;
  const floor2 = (cpu1 + workerFixedCpu) / 2;
  console.log(
    `  in CPU: a warm run ${(cpuPerRun * 1000).toFixed(1)} ms; a worker's fixed CPU (start, load, compile) ${workerFixedCpu.toFixed(2)} s beside the process's start-up ${startCpu.toFixed(2)} s; ` +
      `the 2-worker sweep used ${cpu2.toFixed(2)} s against ${(cpu1 + workerFixedCpu).toFixed(2)} s expected (the 1-worker sweep's ${cpu1.toFixed(2)} s + one worker's fixed CPU), ` +
      `so on 2 cores it can take no less than ${floor2.toFixed(2)} s: a speed-up of at most ${(w1 / floor2).toFixed(2)}x (measured ${(w1 / w2).toFixed(2)}x, medians)`,
  );
}
// A warm pool: `leadlab optimize` runs its rounds, and the page its batches, on a pool whose threads started and compiled
// the simulator at the first batch. The same runs timed on such a pool of 1 and of 2 workers (bench/warm-pool.ts, each
// count in its own process, since the pool's V8 flags are the process's), alternating: the speed-up of the pool itself
// once the second isolate's compile (above) is paid.
if (counts.includes(2)) {
  const outdir = mkdtempSync(join(tmpdir(), 'leadlab-warm-pool-'));
  await build({ entryPoints: [fileURLToPath(new URL('./warm-pool.ts', import.meta.url))], outfile: join(outdir, 'warm-pool.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const workerUrl = new URL('../dist/worker.mjs', import.meta.url).href;
  const warmUp = 20;
  const warm = { 1: [], 2: [] };
  for (let i = 0; i < repeats; i++) for (const w of [1, 2]) warm[w].push(runNode([join(outdir, 'warm-pool.mjs'), String(w), String(runs), String(warmUp), workerUrl]));
  const wall = (w) => stats(warm[w].map((r) => r.json.warmWall)), cpu = (w) => stats(warm[w].map((r) => r.json.warmCpu));
  const speedUp = stats(warm[1].map((r, i) => r.json.warmWall / warm[2][i].json.warmWall));
  const load = stats([...warm[1], ...warm[2]].map((r) => r.load));
  console.log(
    `  on a warm pool (${warmUp} runs a worker first, as optimize's later rounds and the page's later batches run): 1 worker ${wall(1).median.toFixed(2)} s (${wall(1).min.toFixed(2)}-${wall(1).max.toFixed(2)}), CPU ${cpu(1).median.toFixed(2)} s; ` +
      `2 workers ${wall(2).median.toFixed(2)} s (${wall(2).min.toFixed(2)}-${wall(2).max.toFixed(2)}), CPU ${cpu(2).median.toFixed(2)} s; speed-up ${speedUp.median.toFixed(2)}x (${speedUp.min.toFixed(2)}-${speedUp.max.toFixed(2)}), load before ${load.min.toFixed(1)}-${load.max.toFixed(1)}`,
  );
  if (load.max > highLoad) console.log(`  WARNING: load average up to ${load.max.toFixed(1)} on ${cores} cores: the warm-pool figures are from a loaded machine`);
  const digests = new Set([...warm[1], ...warm[2]].map((r) => r.json.digest));
  same &&= digests.size === 1;
}
console.log(`  results identical for every worker count and run: ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;
