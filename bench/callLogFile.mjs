// A call log for the import and fit benchmarks, drawn from a known contact model (src/fit/simulateCallLog.ts),
// so that the fit has something to converge to and the bench can print how close it came to the truth.
// The model is test/fit/knownModel.ts (the one test/fit/recovery.test.ts recovers): calls on weekdays 8:00-20:00 and
// Saturdays 9:00-14:00, answer rates higher in the morning, contactability Beta(0.9, 2.2), decay with age (half-life 60 min, floor
// 0.3), a fixed callback schedule of ten attempts, stopping at the first contact.
import { build } from 'esbuild';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

const schedule = [1, 10, 30, 120, 360, 1440, 2880, 4320, 7200, 10080];
const OUTCOME = { contact: 'Contacted', voicemail: 'Left Voicemail', 'no-answer': 'No Answer' };
// Minute 0 of the simulation is Monday 00:00; 2024-04-01 was a Monday. Times are written in UTC (read with --tz UTC).
const EPOCH = Date.UTC(2024, 3, 1);
const stamp = (minutes) => new Date(EPOCH + Math.round(minutes * 60_000)).toISOString();

let lib;
/** The simulator and the known model (test/fit/knownModel.ts), bundled from TypeScript. */
export async function load() {
  if (lib) return lib;
  const bundle = await build({
    stdin: {
      contents:
        "export { simulateCallLog } from './src/fit/simulateCallLog.ts'; export { stream } from './src/sim/random.ts'; export { callHours, hourOfWeek, truth } from './test/fit/knownModel.ts';",
      resolveDir: root, loader: 'ts',
    },
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
  });
  lib = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
  return lib;
}

/**
 * Writes `rows` call attempts (the last lead cut short if need be) drawn from {@link truth} to `file` as CSV
 * (gzip when `gzip`), 20,000 leads at a time. Returns { rows, leads, bytes, hourScale }, where hourScale is the
 * mean of the true hour multipliers over the attempts written (the fit's hour multipliers average 1 over them).
 */
export async function writeModelCallLog(file, rows, { gzip = false, seed = 7 } = {}) {
  const { simulateCallLog, stream, callHours, hourOfWeek, truth } = await load();
  const rng = stream(seed, 'bench-call-log');
  const sink = createWriteStream(file);
  const out = gzip ? createGzip({ level: 1 }) : sink;
  if (gzip) out.pipe(sink);
  out.write('Lead ID,Lead Created,Call Time,Disposition,Agent,Funded\n');
  let written = 0, leads = 0, chunk = 0, hourSum = 0, buffer = '';
  while (written < rows) {
    const records = simulateCallLog(rng, {
      model: truth, leads: 20_000, arrivalSpan: 26 * 10080, schedule, jitter: 4, callHours,
      conversion: (p, contactAttempt) => (contactAttempt > 0 ? 0.05 + 0.2 * p : 0.002),
    });
    let last = '';
    for (const r of records) {
      if (written >= rows) break;
      const id = `C${chunk}-${r.leadId}`;
      if (id !== last) leads++;
      last = id;
      buffer += `${id},${stamp(r.leadCreated)},${stamp(r.attemptTime)},${OUTCOME[r.outcome]},"Agent ${leads % 40}",${r.converted ? 'yes' : 'no'}\n`;
      hourSum += hourOfWeek[r.hourOfWeek];
      written++;
      if (buffer.length > 1 << 16) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    chunk++;
  }
  out.end(buffer);
  await once(sink, 'finish');
  return { rows: written, leads, hourScale: hourSum / written };
}
