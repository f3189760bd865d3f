import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/cli/report';
import { svgDocument } from '../../src/cli/svgDocument';
import { compareScenarios } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { METRIC_NAMES, SCORING_METRICS } from '../../src/sim/runResult';
import { summarize } from '../../src/sim/summary';
import { hasChromium, SHOTS, textsOutsideSvgs } from '../ui/browserHarness';

function summaryOf(json: Record<string, unknown>) {
  const s = loadScenario({ days: 14, warmupDays: 3, ...json });
  return summarize(s.scenario.name, 'report', [0, 1, 2].map((r) => runReplication(s.config, s.policies, r, { seed: 'report' })));
}

describe('compare --report', () => {
  let summaries: ReturnType<typeof summaryOf>[];
  let html: string;
  let page: Document;
  let agents: number;
  // Run and rendered before the tests, not while the suite is collected, so `-t` on another test skips it.
  beforeAll(() => {
    summaries = [summaryOf({ name: 'Radar' }), summaryOf({ name: 'Single call', callbacks: 'single-call' })];
    // The command draws into its own small SVG document; jsdom (a development dependency) reads the page back.
    html = renderReport(compareScenarios(summaries), summaries, svgDocument());
    page = new JSDOM(html).window.document;
    agents = summaries[0].agents.length;
  });
  const figure = (title: string) => [...page.querySelectorAll('figure')].find((f) => f.querySelector('figcaption')?.textContent === title)!;

  it('is one self-contained page: no scripts, no external resources', () => {
    expect(page.querySelectorAll('script, link, img')).toHaveLength(0);
    expect(page.querySelectorAll('figure svg')).toHaveLength(8);
  });

  it('draws a dot per scenario and an interval bar per scenario for each rate', () => {
    for (const title of ['Contact rate', 'Application rate', 'Funded rate']) {
      const svg = figure(title).querySelector('svg')!;
      expect(svg.querySelectorAll('circle')).toHaveLength(2);
      expect(svg.querySelectorAll('line').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('draws the funnel, the time distributions, the pipelines and the leads per agent for every scenario', () => {
    // Six stages per scenario; twelve delay bins per scenario; a line per agent per scenario; a bar per agent per scenario.
    expect(figure('Funnel').querySelectorAll('rect').length).toBeGreaterThanOrEqual(12);
    expect(figure('Time to first attempt').querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(24);
    expect(figure('Time to contact').querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(24);
    expect(figure('Pipeline size over time').querySelectorAll('g[aria-label="line"] path')).toHaveLength(2 * agents);
    expect(figure('Leads per agent').querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2 * agents);
  });

  it('tables every metric with the paired difference and its verdict', () => {
    const rows = page.querySelectorAll('table tr');
    // Scenarios without scoring do not report the scoring metrics.
    expect(rows).toHaveLength(METRIC_NAMES.length - SCORING_METRICS.length + 1);
    const contact = [...rows].find((r) => r.querySelector('th')?.textContent === 'Contact rate')!;
    expect(contact.querySelector('td.worse')?.textContent).toMatch(/pp.*worse/);
  });

  it('writes negative differences and values in its table with the minus sign, as its charts of the same differences do', () => {
    // Found in review: the table wrote "-30.5 pp" under a chart that wrote "\u221230.5", and an ROI of "-0.08".
    const row = (name: string) => [...page.querySelectorAll('table tr')].find((r) => r.querySelector('th')?.textContent === name)!;
    expect(row('Contact rate').querySelector('td.worse')!.textContent).toMatch(/^\u2212\d+\.\d pp/);
    const cells = [...page.querySelectorAll('table td')].map((td) => td.innerHTML.replace(/<br>/g, ' '));
    for (const cell of cells) expect(cell).not.toMatch(/(^|[\s(])-[\d$]/);
    // An ROI below zero is written with the minus sign too.
    const roi = summaries[0].metrics.roi;
    expect(roi.mean).toBeLessThan(0);
    expect(row('ROI').querySelector('td')!.textContent).toMatch(/^\u2212/);
  });

  it.skipIf(!hasChromium)('keeps every text of every chart inside its svg at 700 px on a 2x screen, as Chromium lays it out', async () => {
    // Found in review: at 700 px (an A4 page's width inside its margins, where the 760 px charts are drawn smaller)
    // the x axis labels reached 0.24 px past the bottom of their svg, which clips them, as the diagnosis report's had.
    const file = join(mkdtempSync(join(tmpdir(), 'leadlab-report-')), 'r.html');
    writeFileSync(file, html);
    const outside = await textsOutsideSvgs(`file://${file}`, 700, join(SHOTS, 'compare-report-700.png'));
    // Every chart's axis labels were looked at: the rates', the funnel's, both times' (each with its share axis), the pipeline's and the agents'.
    expect(outside.labels).toEqual([
      ...['Contact', 'Application', 'Funded'].map((rate) => `${rate} rate (%): mean and 95% interval →`),
      'Leads that arrived after the warm-up (mean per run) →',
      ...['call', 'conversation'].flatMap((first) => ['↑ Share of leads (%)', `Time from arrival to first ${first}`]),
      '↑ Open leads per agent',
      'New leads per agent after the warm-up (mean per run) →',
    ]);
    expect(outside.cut).toEqual([]);
  }, 60_000);

  it('is byte for byte the page jsdom draws, for two comparisons (with and without lead scoring)', () => {
    expect(html).toBe(renderReport(compareScenarios(summaries), summaries, new JSDOM('').window.document));
    const three = [summaryOf({ name: 'Scored', scoring: {} }), summaryOf({ name: 'Fixed', callbacks: { preset: 'fixed-retries', tries: 3, everyHours: 2 } }), summaries[1]];
    expect(renderReport(compareScenarios(three), three, svgDocument())).toBe(renderReport(compareScenarios(three), three, new JSDOM('').window.document));
  });
});

describe('compare --report: a chart\'s own caption', () => {
  it('reads as a note under its chart, not as a title like the chart\'s name', () => {
    // More than 20 agents: the leads-per-agent chart says in its caption why it draws ticks.
    const many = [summaryOf({ name: 'Wide floor', agents: [{ name: 'Closer', count: 24 }] }), summaryOf({ name: 'Wide floor, single call', agents: [{ name: 'Closer', count: 24 }], callbacks: 'single-call' })];
    const dom = new JSDOM(renderReport(compareScenarios(many), many, svgDocument()));
    const figure = [...dom.window.document.querySelectorAll('body > figure')].find((f) => f.querySelector('figcaption')?.textContent === 'Leads per agent')!;
    const [title, caption] = [...figure.querySelectorAll('figcaption')];
    expect(caption.textContent).toMatch(/24 agents/);
    const style = (e: Element) => dom.window.getComputedStyle(e);
    expect(style(title).fontWeight).toBe('bold');
    expect(style(caption).fontWeight).not.toBe('bold');
    expect(parseFloat(style(caption).fontSize)).toBeLessThan(parseFloat(style(title).fontSize));
  });
});

describe('compare --report with measured windows of different lengths', () => {
  it('says under the charts of totals (funnel, leads per agent) that each is over its own window, and only then', () => {
    const short = summaryOf({ name: 'Short' });
    const long = summaryOf({ name: 'Long', days: 21 });
    const figureText = (html: string, title: string) =>
      [...new JSDOM(html).window.document.querySelectorAll('body > figure')].find((f) => f.querySelector('figcaption')?.textContent === title)!.textContent!;
    // 14 and 21 days of leads, 3 of warm-up each: 11 and 18 measured days.
    const differ = renderReport(compareScenarios([short, long], { windowDays: [11, 18] }), [short, long], svgDocument());
    for (const title of ['Funnel', 'Leads per agent']) expect(figureText(differ, title)).toMatch(/own measured window \(Short: 11 days, Long: 18 days\)/);
    // Shares and times are not totals: no note there.
    expect(figureText(differ, 'Time to first attempt')).not.toMatch(/measured window/);
    const same = renderReport(compareScenarios([short, short]), [short, short], svgDocument());
    expect(figureText(same, 'Funnel')).not.toMatch(/measured window/);
  });
});
