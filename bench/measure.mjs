// Honest timing for `npm run bench`: each measurement runs in its own Node process, several times, and reports the
// median and range of wall time beside the CPU time the process used and the machine's load average just before
// each run. On a shared machine a figure means little without the load it was taken under.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

export const cores = availableParallelism();
/** Runs per measurement (BENCH_REPEATS, at least 5 unless set lower on purpose). */
export const repeats = Number(process.env.BENCH_REPEATS ?? 5);
/** Above this 1-minute load average other processes compete for the cores and the figures are not a quiet run's. */
export const highLoad = cores / 2;

/**
 * CPU seconds (user + system) used so far by this process's finished children, from /proc (Linux). Node has no
 * API for a child's CPU time; the kernel adds it to the parent's counters when the child is waited on.
 */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted after the command name: indices 13 and 14 here.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Runs `node args...` once; returns its JSON output (the text from the first "{"), wall seconds, CPU seconds and the load before. */
export function runNode(args, options = {}) {
  const load = loadavg()[0];
  const cpu0 = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const p = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = childrenCpuSeconds() - cpu0;
  if (p.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${p.status}):\n${p.stderr}`);
  const brace = p.stdout.indexOf('{');
  return { json: brace >= 0 ? JSON.parse(p.stdout.slice(brace)) : undefined, stdout: p.stdout, processWall: wall, processCpu: cpu, load };
}

/**
 * Starts `node args...` for each entry of `argsList` at once and waits for all of them: wall seconds until the last one
 * ends, their CPU seconds together, and the load before. For the machine's own ceiling on running work side by side.
 */
export async function runNodesTogether(argsList, options = {}) {
  const load = loadavg()[0];
  const cpu0 = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  await Promise.all(
    argsList.map(
      (args) =>
        new Promise((resolve, reject) => {
          const p = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
          let stderr = '';
          p.stderr.on('data', (d) => (stderr += d));
          p.on('error', reject);
          p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} failed (exit ${code}):\n${stderr}`))));
        }),
    ),
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return { processWall: wall, processCpu: childrenCpuSeconds() - cpu0, load };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median, smallest and largest of a list of numbers. */
export function stats(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/**
 * Runs `once()` `repeats` times (each a fresh process) and summarizes the field `pick(run)` (seconds) with the CPU
 * time and load of each run. Returns { runs, wall, cpu, load, loaded } where wall, cpu and load are stats.
 */
export function measure(once, pick = (r) => r.processWall, n = repeats) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(once(i));
  const wall = stats(runs.map(pick));
  const cpu = stats(runs.map((r) => r.processCpu));
  const load = stats(runs.map((r) => r.load));
  return { runs, wall, cpu, load, loaded: load.max > highLoad };
}

const f = (x, digits) => x.toFixed(digits);
/** "1.23 s (1.20-1.31), CPU 1.25 s, load 0.4-0.9" */
export function describe(m, digits = 2) {
  return `median ${f(m.wall.median, digits)} s (${f(m.wall.min, digits)}-${f(m.wall.max, digits)} over ${m.runs.length} runs), CPU ${f(m.cpu.median, digits)} s, load ${f(m.load.min, 1)}-${f(m.load.max, 1)}`;
}

/** Prints a warning when the load average was high during a measurement. */
export function warnIfLoaded(m, what) {
  if (m.loaded) console.log(`  WARNING: load average up to ${m.load.max.toFixed(1)} on ${cores} cores during ${what}: figures are from a loaded machine, not a quiet one`);
}
