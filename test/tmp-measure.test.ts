import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { it } from 'vitest';
import { knownCallLog } from './worker/historyFixture';

it('measures', async () => {
  const root = '/work/wt-history/dist/web-history-test';
  const log = knownCallLog(57000, 9);
  writeFileSync('/tmp/hm/big-calls.csv', log.csv);
  console.log('rows', log.goodRows, 'bytes', log.csv.length);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': ({ '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' } as Record<string, string>)[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const t0 = Date.now();
  await page.getByLabel('Choose a call log or lead stream file').setInputFiles('/tmp/hm/big-calls.csv');
  await page.waitForSelector('#history-counts', { timeout: 120_000 });
  console.log('read shown after', Date.now() - t0, 'ms', await page.locator('#history-status').textContent());
  // While the worker fits: a timer on the main thread measures its lag.
  const lag = await page.evaluate(async () => {
    let worst = 0;
    let last = performance.now();
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const now = performance.now();
      worst = Math.max(worst, now - last - 50);
      last = now;
    }
    return worst;
  });
  console.log('worst timer lag over 5 s of fitting', lag.toFixed(1), 'ms');
  await page.waitForSelector('#history-chart-hours svg', { timeout: 900_000 });
  console.log('fit shown after', Date.now() - t0, 'ms', await page.locator('#history-status').textContent());
  const tasks = await page.evaluate(() => {
    const start = performance.getEntriesByName('leadlab-history-start').at(-1)!.startTime;
    const end = performance.getEntriesByName('leadlab-history-end').at(-1)!.startTime;
    const all = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks;
    return { during: all.filter((t) => t.start >= start && t.start + t.duration <= end), after: all.filter((t) => t.start > end) };
  });
  console.log('long tasks during read+fit', JSON.stringify(tasks.during), 'after (drawing)', JSON.stringify(tasks.after));
  await browser.close();
  server.close();
}, 1_000_000);
