// Import benchmark: writes a call log of N rows (default 1,000,000) into a temp folder, streams it through
// the call-log reader and prints rows per second and the peak resident memory, so it can be compared with
// the file's size (the text is never held whole). Run after `npm run build:cli` or on its own:
//   node bench/import-bench.mjs [rows] [--gzip] [--fit]
import { build } from 'esbuild';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const gzip = args.includes('--gzip');
const fit = args.includes('--fit');
const root = fileURLToPath(new URL('..', import.meta.url));

const bundle = await build({
  stdin: {
    contents: "export { readLogFile } from './src/io/node/readLogFile.ts'; export { fitCallLog } from './src/fit/fitCallLog.ts';",
    resolveDir: root, loader: 'ts',
  },
  bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
});
const { readLogFile, fitCallLog } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

// A plain generator (no model needed to measure reading): leads of 1-10 attempts, US times, quoted agents.
const dir = mkdtempSync(join(tmpdir(), 'leadlab-import-bench-'));
const file = join(dir, gzip ? 'calls.csv.gz' : 'calls.csv');
const sink = createWriteStream(file);
const out = gzip ? createGzip({ level: 1 }) : sink;
if (gzip) out.pipe(sink);
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
const start = Date.UTC(2024, 3, 1);
const fmt = (m) => {
  const d = new Date(start + m * 60_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};
const outcomes = ['No Answer', 'Left Voicemail', 'Busy', 'Contacted'];
out.write('Lead ID,Lead Created,Call Time,Disposition,Agent,Funded\n');
let written = 0, lead = 0, buffer = '';
const t0 = performance.now();
while (written < rows) {
  const created = Math.floor(rand() * 40 * 1440);
  const n = 1 + Math.floor(rand() * 10);
  let t = created;
  for (let k = 0; k < n && written < rows; k++, written++) {
    t += Math.floor(1 + rand() * 300 * (k + 1));
    const o = outcomes[Math.floor(rand() * (k === n - 1 ? 4 : 3))];
    buffer += `L${lead},${fmt(created)},${fmt(t)},${o},"Agent ${lead % 40}",${rand() < 0.05 ? 'yes' : 'no'}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  lead++;
}
out.end(buffer);
await once(sink, 'finish');
const bytes = statSync(file).size;
console.log(`generated ${rows} rows (${lead} leads), ${(bytes / 1e6).toFixed(1)} MB${gzip ? ' gzip' : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`);

const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const t1 = performance.now();
const log = await readLogFile(file, { timeZone: 'America/Chicago', dateOrder: 'mdy' });
const seconds = (performance.now() - t1) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(`imported ${log.report.kept} rows (${log.report.rejected} rejected) in ${seconds.toFixed(1)} s = ${Math.round(log.report.rows / seconds).toLocaleString('en-US')} rows/s`);
console.log(`peak RSS ${(peak / 1e6).toFixed(0)} MB (before import ${(before / 1e6).toFixed(0)} MB); file ${(bytes / 1e6).toFixed(0)} MB; table ${((log.table.length * 30) / 1e6).toFixed(0)} MB in typed arrays`);
if (fit) {
  const t2 = performance.now();
  const model = fitCallLog(log.table);
  console.log(`fit in ${((performance.now() - t2) / 1000).toFixed(1)} s (${model.contactModelFit.iterations} EM iterations); peak RSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`);
}
rmSync(dir, { recursive: true, force: true });
