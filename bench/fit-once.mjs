// One `leadlab fit` in this process (the bundled CLI of dist/, as bin/leadlab.mjs runs it), for bench/fit-bench.mjs:
// prints one JSON line with the wall and CPU seconds of the command and the process's peak resident memory.
//   node bench/fit-once.mjs calls.csv --tz UTC --out model.json
import { fileURLToPath, pathToFileURL } from 'node:url';

const started = performance.now();
const cpu0 = process.cpuUsage();
const { main } = await import(pathToFileURL(fileURLToPath(new URL('../dist/cli.mjs', import.meta.url))).href);
let err = '';
const code = await main(['fit', ...process.argv.slice(2)], { out: () => {}, err: (t) => { err += t; }, cwd: process.cwd(), isTTY: false });
const cpu = process.cpuUsage(cpu0);
if (code !== 0) {
  process.stderr.write(err);
  process.exit(code);
}
console.log(JSON.stringify({ wall_s: (performance.now() - started) / 1000, cpu_s: (cpu.user + cpu.system) / 1e6, peak_rss_mib: process.resourceUsage().maxRSS / 1024 }));
