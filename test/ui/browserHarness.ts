import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Plot from '@observablehq/plot';
import { expect } from 'vitest';
import { svgDocument } from '../../src/cli/svgDocument';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import type { MetricName } from '../../src/sim/runResult';
import { formatCell } from '../../src/ui/format';
import { TABLE_METRICS, tableValue } from '../../src/ui/renderResults';

/*
 * What the browser tests share: Debian's Chromium (never a downloaded browser), a Vite build of the page into a
 * folder of the test's own (two test files building dist/web at once would race), and a tiny static server.
 */

/** Debian's Chromium; LEADLAB_CHROMIUM points elsewhere (e.g. to check the skip on a machine that has it). */
export const CHROMIUM = process.env.LEADLAB_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** How the browser tests start Chromium: headless, and quiet (no first-run page, no background fetches or updates). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Says on the console that `file`'s browser tests are skipped, when Chromium is missing. */
export function warnIfSkipped(file: string): void {
  if (!hasChromium) console.warn(`${file}: skipped, ${CHROMIUM} is missing (apt-get install chromium to run the browser tests)`);
}

export const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** A tiny static file server for the built site. */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export interface Site {
  base: string;
  browser: import('playwright-core').Browser;
  page: import('playwright-core').Page;
  close(): Promise<void>;
}

/** Builds the page into `outDir` (relative to the repository), serves it, and opens it in a headless Chromium. */
export async function openSite(outDir: string): Promise<Site> {
  const webRoot = join(repo, outDir);
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });
  const server = await serve(webRoot);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return {
    base,
    browser,
    page,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * The cell texts (mean, interval) the page's results tables show for a scenario, from runScenario in Node with the
 * same seed and replications: what every browser test checks the workers' numbers against.
 */
export function nodeCells(json: Record<string, unknown>, seed: string | number, replications: number): (m: MetricName) => [string, string] {
  const resolved = loadScenario(json);
  const { summary } = runScenario(resolved, { seed, replications });
  const windowDays = resolved.config.days - resolved.config.warmupDays;
  return (m) => formatCell(m, tableValue(m, summary.metrics[m], windowDays)) as [string, string];
}

/** Checks that the page's results table shows, for each scenario (in tab order), what Node gives for it (nodeCells). */
export async function expectTableAsInNode(page: import('playwright-core').Page, scenarios: readonly Record<string, unknown>[], seed: string | number, replications: number): Promise<void> {
  for (const [i, json] of scenarios.entries()) {
    const cells = nodeCells(json, seed, replications);
    for (const m of TABLE_METRICS) {
      const cell = page.locator(`td[data-scenario="${i}"][data-metric="${m}"]`);
      const [mean, interval] = cells(m);
      expect(await cell.locator('strong').textContent(), `${String(json.name)} ${m}`).toBe(mean);
      expect(await cell.locator('.ci').textContent(), `${String(json.name)} ${m} interval`).toBe(interval);
    }
  }
}

/** Where the browser tests leave their screenshots, to be looked at. */
export const SHOTS = '/tmp/leadlab-shots';

/**
 * Opens a page in Debian's Chromium (a fresh profile) at `width` px on a screen of two device pixels to a CSS pixel, screenshots it to `shot`, and lists every text of
 * an svg whose box (as Chromium lays it out, ascent to descent) is not inside its svg's: an svg clips what lies outside.
 * `labels` are the axis labels seen, so that a test knows they were looked at.
 */
export async function textsOutsideSvgs(url: string, width: number, shot: string): Promise<{ labels: string[]; cut: string[] }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'leadlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width, height: 1000 },
    // A laptop's screen (two device pixels to a CSS pixel), where text is laid out to the half pixel.
    deviceScaleFactor: 2,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    return await page.evaluate(() => {
      const labels: string[] = [];
      const cut: string[] = [];
      for (const svg of document.querySelectorAll('svg')) {
        const s = svg.getBoundingClientRect();
        for (const label of svg.querySelectorAll('[aria-label$="axis label"] text')) labels.push(label.textContent ?? '');
        for (const text of svg.querySelectorAll('text')) {
          const t = text.getBoundingClientRect();
          if (t.left < s.left || t.right > s.right || t.top < s.top || t.bottom > s.bottom)
            cut.push(`"${text.textContent}": text ${[t.left, t.top, t.right, t.bottom].map((v) => v.toFixed(1)).join(', ')}, svg ${[s.left, s.top, s.right, s.bottom].map((v) => v.toFixed(1)).join(', ')}`);
        }
      }
      return { labels, cut };
    });
  } finally {
    await context.close();
  }
}

/**
 * textsOutsideSvgs for charts that no report draws: each spec drawn as `compare --report` draws its charts (into
 * src/cli/svgDocument.ts's document, at the spec's own width), in a figure under a caption, in a page styled as that
 * report's, opened at `width` px on a 2x screen. A chart wider than the page is shown smaller (Plot's svg has
 * max-width: 100%), as the report's are.
 */
export async function chartTextsOutsideSvgs(charts: readonly Plot.PlotOptions[], width: number, shot: string): Promise<{ labels: string[]; cut: string[] }> {
  const document = svgDocument();
  const figures = charts.map((c, i) => `<figure><figcaption>Chart ${i + 1}</figcaption>${(Plot.plot({ ...c, document }) as unknown as Element).outerHTML}</figure>`);
  const style = 'body { font: 14px system-ui, sans-serif; margin: 2em auto; max-width: 980px; } body > figure { margin: 2em 0; } body > figure > figcaption { font-weight: bold; font-size: 16px; margin-bottom: 0.5em; }';
  const file = join(mkdtempSync(join(tmpdir(), 'leadlab-charts-')), 'charts.html');
  writeFileSync(file, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><style>${style}</style></head><body>\n${figures.join('\n')}\n</body></html>\n`);
  return textsOutsideSvgs(`file://${file}`, width, shot);
}
