// History page benchmark: builds the workbench, writes a call log of about N rows (default 200,000) from the
// test fixture's known model, drops it on the page in Debian's Chromium and reports how long reading and fitting
// take in the worker, and whether the main thread stayed free meanwhile (long tasks over 50 ms; the worst lag
// of a 50 ms timer while the worker fits). Skipped with a message when Chromium is missing.
//   node bench/history-page-bench.mjs [rows]
import { build as esbuild } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = process.env.LEADLAB_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`history page bench: skipped, ${CHROMIUM} is missing`);
  process.exit(0);
}
const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 200_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'leadlab-history-bench-'));
const web = join(dir, 'web');

const bundle = await esbuild({
  stdin: { contents: "export { knownCallLog } from './test/worker/historyFixture.ts';", resolveDir: root, loader: 'ts' },
  bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
});
const { knownCallLog } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
// The fixture's log has about 3.5 rows per lead.
const log = knownCallLog(Math.round(rows / 3.5), 9);
const file = join(dir, 'calls.csv');
writeFileSync(file, log.csv);

const { build } = await import('vite');
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: web, emptyOutDir: true } });
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = normalize(join(web, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
  if (!path.startsWith(web) || !existsSync(path)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const t0 = Date.now();
  await page.getByLabel('Choose a call log or lead stream file').setInputFiles(file);
  await page.waitForSelector('#history-counts', { timeout: 300_000 });
  const readShown = Date.now() - t0;
  const lag = await page.evaluate(async () => {
    let worst = 0;
    let last = performance.now();
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const now = performance.now();
      worst = Math.max(worst, now - last - 50);
      last = now;
    }
    return worst;
  });
  await page.waitForSelector('#history-chart-hours svg', { timeout: 1_800_000 });
  const fitShown = Date.now() - t0;
  const during = await page.evaluate(() => {
    const start = performance.getEntriesByName('leadlab-history-start').at(-1).startTime;
    const end = performance.getEntriesByName('leadlab-history-end').at(-1).startTime;
    return window.longTasks.filter((t) => t.start >= start && t.start + t.duration <= end);
  });
  console.log(`call log: ${log.goodRows.toLocaleString('en-US')} rows, ${(log.csv.length / 1e6).toFixed(1)} MB`);
  console.log(`report on the page after ${(readShown / 1000).toFixed(1)} s; fit and charts after ${(fitShown / 1000).toFixed(1)} s (${await page.locator('#history-status').textContent()})`);
  console.log(`main thread while the worker read and fitted: ${during.length} tasks over 50 ms${during.length ? ` (longest ${Math.max(...during.map((t) => t.duration)).toFixed(0)} ms)` : ''}; worst lag of a 50 ms timer during the fit ${lag.toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
