// One process, one pool of `workers` worker threads (src/worker/pool.ts, as `leadlab optimize` and the page keep theirs
// between batches): a first batch of `warmUp` runs per worker starts the threads and lets V8 compile the simulator in
// each, then `runs` runs of the default scenario are timed, wall and CPU of the whole process. Prints JSON with a
// digest of the timed runs' metrics, so that the bench can check 1 and 2 workers computed the same thing.
// Bundled and run by bench/sweep-bench.mjs: node warm-pool.mjs <workers> <runs> <warmUp> <workerUrl>
import { createHash } from 'node:crypto';
import { cpuUsage } from 'node:process';
import { SimPool } from '../src/worker/pool';

const [workers, runs, warmUp] = process.argv.slice(2, 5).map(Number);
const workerUrl = new URL(process.argv[5]);
// The default scenario at its default days, as the sweep bench's `leadlab sweep` runs it.
const source = { json: { name: 'Default' }, files: {} };
const tasks = (n: number, first: number) => Array.from({ length: n }, (_, i) => ({ source, replication: first + i, seed: 1 }));
const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;

const pool = new SimPool(workers, workerUrl);
const t0 = performance.now(), c0 = cpuUsage();
// Replications the timed batch never uses, so the warm-up computes nothing the timed runs reuse.
await pool.run(tasks(warmUp * workers, runs));
const t1 = performance.now(), c1 = cpuUsage();
const { results } = await pool.run(tasks(runs, 0));
const t2 = performance.now(), c2 = cpuUsage();
await pool.close();
const digest = createHash('sha256').update(JSON.stringify(results.map((r) => r?.metrics))).digest('hex').slice(0, 16);
console.log(JSON.stringify({ workers, coldWall: (t1 - t0) / 1000, coldCpu: cpu(c0, c1), warmWall: (t2 - t1) / 1000, warmCpu: cpu(c1, c2), digest }));
