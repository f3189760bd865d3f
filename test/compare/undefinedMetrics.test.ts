import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { compareScenarios, pairedDifference } from '../../src/compare';
import { differenceSentence, verdictInWords } from '../../src/ui/format';
import { METRIC_NAMES, METRICS } from '../../src/sim/runResult';
import { JSDOM } from 'jsdom';
import { formatComparison } from '../../src/cli/compareFormat';
import { renderReport } from '../../src/cli/report';
import { svgDocument } from '../../src/cli/svgDocument';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { summarize } from '../../src/sim/summary';

async function cli(args: string[], cwd: string) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTTY: false });
  return { code, out, err };
}

// Without lead scoring no lead is routed to the marketing drip: the scoring-only shares ("Routed to marketing", "Opted
// out", "Drip emails per lead", as METRICS in src/sim/runResult.ts describes them) measure nothing in any replication.
const SCORING_ONLY = ['routedToMarketingShare', 'returnedFromMarketingShare', 'optedOutShare', 'dripEmailsPerLead'] as const;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-undefined-'));
  writeFileSync(join(dir, 'radar.json'), JSON.stringify({ name: 'Radar', days: 21, warmupDays: 7 }));
  writeFileSync(join(dir, 'single.json'), JSON.stringify({ name: 'Single call', days: 21, warmupDays: 7, callbacks: 'single-call' }));
  writeFileSync(join(dir, 'scored.json'), JSON.stringify({ name: 'Scored', days: 21, warmupDays: 7, scoring: {} }));
  return dir;
}

type Difference = { verdict: string | null; n: number; mean: number | null };

describe('leadlab compare: a metric no replication defines has no verdict', () => {
  const dir = folder();
  const args = ['--replications', '3', '--seed', '7', '--workers', '0'];

  it('in JSON: verdict null with n = 0 where neither scenario defines it, while a defined metric keeps its verdict; no row in the table', async () => {
    const json = await cli(['compare', 'radar.json', 'single.json', ...args, '--json'], dir);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.out);
    const [a, b] = out.scenarios as { metrics: Record<string, unknown>; vsBaseline: Record<string, Difference> | null }[];
    for (const m of SCORING_ONLY) {
      expect(a.metrics[m], m).toBeUndefined();
      expect(b.metrics[m], m).toBeUndefined();
      expect(b.vsBaseline![m], m).toEqual({ mean: null, ci95: null, sd: null, n: 0, verdict: null, agreeExactly: false });
    }
    // Single call reaches fewer leads than the radar cadence on the same leads (the existing compare test's truth).
    expect(b.vsBaseline!.contactRate).toMatchObject({ n: 3, verdict: 'worse' });
    // Every verdict given is a word, and only metrics with pairs have one.
    for (const [m, d] of Object.entries(b.vsBaseline!)) expect(d.verdict === null, m).toBe(d.n === 0);

    const text = await cli(['compare', 'radar.json', 'single.json', ...args], dir);
    expect(text.code).toBe(0);
    for (const m of SCORING_ONLY) expect(text.out).not.toContain(METRICS[m].label);
    expect(text.out).toMatch(/Contact rate .* worse/);
  });

  it('a metric only the other scenario defines: a row without a verdict in the table and the HTML report, never "null"', async () => {
    const json = await cli(['compare', 'radar.json', 'scored.json', ...args, '--json'], dir);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.out);
    const [a, b] = out.scenarios as { metrics: Record<string, { n: number }>; vsBaseline: Record<string, Difference> }[];
    expect(a.metrics.routedToMarketingShare).toBeUndefined();
    expect(b.metrics.routedToMarketingShare.n).toBe(3);
    expect(b.vsBaseline.routedToMarketingShare).toMatchObject({ n: 0, verdict: null, mean: null });

    const text = await cli(['compare', 'radar.json', 'scored.json', ...args, '--report', 'r.html'], dir);
    expect(text.code).toBe(0);
    const row = text.out.split('\n').find((l) => l.startsWith(METRICS.routedToMarketingShare.label))!;
    expect(row).toMatch(/n\/a$/);
    expect(text.out).not.toMatch(/null/);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const cell = html.slice(html.indexOf(`<th>${METRICS.routedToMarketingShare.label}</th>`)).split('</tr>')[0];
    expect(cell).toContain('n/a');
    expect(cell).not.toMatch(/null/);
  });
});

describe('pairedDifference without a pair', () => {
  it('has no verdict when no replication defines the metric on both sides, and the page\'s words do not say "null"', () => {
    // Pull-through (funded per application) of runs with no application is undefined (NaN) on that side.
    const none = pairedDifference('pullThrough', [NaN, NaN, NaN], [0.5, 0.4, 0.6]);
    expect(none).toMatchObject({ n: 0, verdict: null, ci95: null });
    expect(Number.isNaN(none.mean)).toBe(true);
    expect(verdictInWords(none)).not.toMatch(/null/);
    expect(differenceSentence('pullThrough', none, 30)).not.toMatch(/null/);
    // One pair: a difference, no interval, and the verdict of an interval not known.
    expect(pairedDifference('pullThrough', [NaN, 0.5, NaN], [0.5, 0.4, 0.6])).toMatchObject({ n: 1, verdict: 'no clear difference' });
    // Defined pairs keep their verdict: +0.1 in each of three pairs with a spread.
    expect(pairedDifference('pullThrough', [0.5, 0.4, 0.6], [0.6, 0.52, 0.69]).verdict).toBe('better');
  });
});

describe('a difference only some replication pairs define says on how many, in the table and the report alike', () => {
  it('marks each such row "(k of R pairs)", k counted from the runs themselves', () => {
    // A floor of two leads a day: some replications have no application, so pull-through (funded per application) and
    // other rates of few leads are undefined there.
    const replications = 8;
    const runsOf = (json: Record<string, unknown>) => {
      const s = loadScenario({ days: 6, warmupDays: 1, cooldownDays: 2, leads: { perDay: 2 }, ...json });
      return Array.from({ length: replications }, (_, r) => runReplication(s.config, s.policies, r, { seed: 'pairs' }));
    };
    const a = runsOf({ name: 'Radar' });
    const b = runsOf({ name: 'Single call', callbacks: 'single-call' });
    const comparison = compareScenarios([summarize('Radar', 'pairs', a), summarize('Single call', 'pairs', b)]);
    const table = formatComparison(comparison, { color: false });
    const page = new JSDOM(renderReport(comparison, [summarize('Radar', 'pairs', a), summarize('Single call', 'pairs', b)], svgDocument())).window.document;
    const partial = METRIC_NAMES.map((m) => ({ m, k: a.filter((run, r) => Number.isFinite(run.metrics[m]) && Number.isFinite(b[r].metrics[m])).length })).filter(({ k }) => k > 0 && k < replications);
    // The floor is small enough that some metric is partial (else this test shows nothing).
    expect(partial.length).toBeGreaterThan(0);
    for (const { m, k } of partial) {
      const note = `(${k} of ${replications} pairs)`;
      expect(table.split('\n').find((l) => l.startsWith(METRICS[m].label)), m).toContain(note);
      const row = [...page.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === METRICS[m].label)!;
      expect(row.lastElementChild!.textContent, m).toContain(note);
    }
    // A metric every pair defines has no such note.
    const whole = METRIC_NAMES.find((m) => a.every((run, r) => Number.isFinite(run.metrics[m]) && Number.isFinite(b[r].metrics[m])))!;
    const row = [...page.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === METRICS[whole].label)!;
    expect(row.lastElementChild!.textContent).not.toMatch(/pairs\)/);
  });
});

describe('a difference every pair gives alike, with too few pairs for an interval', () => {
  it('says "all n alike" with its footnote in the table and the report alike, and has no verdict', () => {
    const s = loadScenario({ name: 'Floor', days: 6, warmupDays: 1, cooldownDays: 2, leads: { perDay: 5 } });
    const runs = [0, 1, 2].map((r) => runReplication(s.config, s.policies, r, { seed: 'alike' }));
    // Funded loans that differ from one replication to the next, and the same floor with exactly 2 more in each: the
    // pairs agree on +2, and 3 pairs are fewer than MIN_PAIRS_AGREEING, so the spread is unknown rather than zero.
    const summary = summarize('Floor', 'alike', runs);
    const base = { ...summary, runs: summary.runs.map((r, k) => ({ ...r, funded: [1, 3, 4][k] })) };
    const other = { ...summary, name: 'Floor, two more', runs: base.runs.map((r) => ({ ...r, funded: r.funded + 2 })) };
    const comparison = compareScenarios([base, other]);
    expect(comparison.scenarios[1].vsBaseline!.funded).toMatchObject({ mean: 2, ci95: null, agreeExactly: true, verdict: 'no clear difference' });
    const table = formatComparison(comparison, { color: false });
    expect(table.split('\n').find((l) => /^Funded  /.test(l))).toContain('[all 3 alike]');
    expect(table).toMatch(/"all n alike": every replication gave the same difference/);
    const page = new JSDOM(renderReport(comparison, [base, other], svgDocument())).window.document;
    const row = [...page.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === 'Funded')!;
    expect(row.lastElementChild!.textContent).toContain('all 3 alike');
    expect(page.body.textContent).toMatch(/"all n alike": every replication gave the same difference/);
  });
});
