// Import benchmark: writes a call log of N rows (default 1,000,000) into a temp folder, streams it through
// the call-log reader and prints rows per second and the peak resident memory, so it can be compared with
// the file's size (the text is never held whole). One run; the fit of the same log is bench/fit-bench.mjs.
//   node bench/import-bench.mjs [rows] [--gzip]
import { build } from 'esbuild';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModelCallLog } from './callLogFile.mjs';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const gzip = args.includes('--gzip');
const root = fileURLToPath(new URL('..', import.meta.url));

const bundle = await build({
  stdin: {
    contents: "export { readLogFile } from './src/io/node/readLogFile.ts';",
    resolveDir: root, loader: 'ts',
  },
  bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
});
const { readLogFile } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

// The log is drawn from a known contact model (bench/callLogFile.mjs), the same as the fit benchmark's.
const dir = mkdtempSync(join(tmpdir(), 'leadlab-import-bench-'));
const file = join(dir, gzip ? 'calls.csv.gz' : 'calls.csv');
const t0 = performance.now();
const { leads: lead } = await writeModelCallLog(file, rows, { gzip });
const bytes = statSync(file).size;
console.log(`generated ${rows} rows (${lead} leads), ${(bytes / 1e6).toFixed(1)} MB${gzip ? ' gzip' : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`);

const load = loadavg()[0];
const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const t1 = performance.now();
const log = await readLogFile(file, { timeZone: 'UTC' });
const seconds = (performance.now() - t1) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
console.log(`imported ${log.report.kept} rows (${log.report.rejected} rejected) in ${seconds.toFixed(1)} s = ${Math.round(log.report.rows / seconds).toLocaleString('en-US')} rows/s, load average before ${load.toFixed(1)}`);
console.log(`peak RSS ${(peak / 1e6).toFixed(0)} MB (before import ${(before / 1e6).toFixed(0)} MB); file ${(bytes / 1e6).toFixed(0)} MB; table ${((log.table.length * 30) / 1e6).toFixed(0)} MB in typed arrays`);
rmSync(dir, { recursive: true, force: true });
