import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitLeadSummary } from '../../src/fit/fitLeadSummary';
import { readLogFile } from '../../src/io/node/readLogFile';

// Real data: UCI Bank Marketing (Moro, Laureano & Cortez 2011), 45,211 clients of a Portuguese bank's
// telemarketing campaigns; `campaign` = calls made to the client, `y` = subscribed. Kept outside the repo.
const dir = fileURLToPath(new URL('../../../shared/data/uci-bank-marketing/', import.meta.url));
const present = existsSync(`${dir}bank-full.csv`);
if (!present) console.warn(`Skipping the UCI Bank Marketing tests: ${dir}bank-full.csv is absent (it lives in ../shared beside the repo).`);

describe.skipIf(!present)('UCI Bank Marketing (real telemarketing data)', () => {
  it('imports bank-full.csv through the column mapping and gives the published conversion by number of calls', async () => {
    const log = await readLogFile(`${dir}bank-full.csv`, { map: { campaign: 'attempts', y: 'converted' } });
    expect(log.kind).toBe('summary');
    if (log.kind !== 'summary') return;
    expect(log.report).toMatchObject({ rows: 45_211, kept: 45_211, rejected: 0 });
    const fit = fitLeadSummary(log.table);
    expect(fit.data.events).toBe(5_289);
    // The data's README: P(y = yes) for campaign = 1..9, and .042 for 10 or more.
    const published = [0.146, 0.112, 0.112, 0.09, 0.079, 0.071, 0.064, 0.059, 0.064, 0.042];
    expect(fit.byAttempts.map((r) => +r.rate.toFixed(3))).toEqual(published);
    expect(fit.byAttempts[9]).toMatchObject({ label: '10+', orMore: true });
  });

  it('fits calls to conversion with a beta-geometric that tracks the observed hazard', async () => {
    const log = await readLogFile(`${dir}bank-full.csv`, { map: { campaign: 'attempts', y: 'converted' } });
    if (log.kind !== 'summary') throw new Error('expected a summary');
    const fit = fitLeadSummary(log.table);
    const bg = fit.attemptsToEvent;
    // Every client got a first call; those converted on it are the campaign = 1 subscribers (the README's
    // .146 of the 17,544 clients called once).
    expect(bg.perAttempt[0].atRisk).toBe(45_211);
    expect(bg.perAttempt[0].observed).toBe(fit.byAttempts[0].events);
    expect(bg.perAttempt[0].observed / 17_544).toBeCloseTo(0.146, 3);
    // The fitted hazard alpha / (alpha + beta + k - 1) within 0.01 of the observed one for calls 1-5.
    for (const row of bg.perAttempt.slice(0, 5)) expect(Math.abs(row.fittedRate - row.observedRate)).toBeLessThan(0.01);
    // Heterogeneity: the hazard falls with calls, so the fit is a proper mixture, not a geometric
    // (alpha 0.185, beta 2.92 at the time of writing: a golden figure, so a change shows in review).
    expect(bg.alpha).toBeCloseTo(0.185, 2);
    expect(bg.beta).toBeCloseTo(2.92, 1);
    // With 45,000 clients the chi-squared test sees that the tail falls faster than a beta-geometric
    // allows (campaigns stop calling for reasons tied to the client), and the report says so.
    expect(bg.goodnessOfFit.pValue).toBeLessThan(0.001);
    expect(bg.notes[0]).toMatch(/departs clearly/);
  });

  it('reads the gzip, CRLF file of the additional data set the same way', async () => {
    const log = await readLogFile(`${dir}bank-additional-full.csv.gz`, { map: { campaign: 'attempts', y: 'converted' } });
    expect(log.report).toMatchObject({ rows: 41_188, kept: 41_188, rejected: 0 });
    if (log.kind !== 'summary') throw new Error('expected a summary');
    expect(fitLeadSummary(log.table).data.events).toBe(4_640);
  });
});
