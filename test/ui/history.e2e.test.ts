import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitCallLog, type FittedModel } from '../../src/fit/fitCallLog';
import { readLogFile } from '../../src/io/node/readLogFile';
import { loadScenario } from '../../src/scenario/load';
import { conversionCells, fitKeyNumbers } from '../../src/ui/historyFormat';
import { BAD_ROWS, knownCallLog, SCHEDULE, shareReachedWithin, TRUTH } from '../worker/historyFixture';
import { hasChromium, openSite, repo, warnIfSkipped, type Site } from './browserHarness';

warnIfSkipped('test/ui/history.e2e.test.ts');

describe.skipIf(!hasChromium)('the History section in Chromium', () => {
  let site: Site | undefined;
  let base: string;
  let page: import('playwright-core').Page;
  const errors: string[] = [];
  let dir: string;
  let log: ReturnType<typeof knownCallLog>;
  let callsPath: string;
  let nodeFit: FittedModel;

  beforeAll(async () => {
    // Made here, not in the describe body, which runs even when the suite is skipped or filtered out.
    dir = mkdtempSync(join(tmpdir(), 'leadlab-history-e2e-'));
    log = knownCallLog(1000, 5);
    callsPath = join(dir, 'team-calls.csv');
    writeFileSync(callsPath, log.csv);
    site = await openSite('dist/web-history-test');
    ({ base, page } = site);
    page.on('pageerror', (e) => errors.push(e.message));
    // The same file read by the command line's Node reader and fitted in Node: what the page must show.
    const node = await readLogFile(callsPath);
    if (node.kind !== 'calls') throw new Error('expected a call log');
    nodeFit = fitCallLog(node.table);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('reads an uploaded call log, counting the rows kept and rejected as written', async () => {
    await page.goto(base);
    // Before a file: no empty column box, nothing to use yet.
    expect(await page.locator('#history-columns').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Use this fit in the selected scenario' }).isDisabled()).toBe(true);
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(callsPath);
    await page.waitForSelector('#history-counts', { timeout: 30_000 });
    expect(await page.locator('[data-count="kept"]').textContent()).toBe(log.goodRows.toLocaleString('en-US'));
    expect(await page.locator('[data-count="rejected"]').textContent()).toBe(String(BAD_ROWS.length));
    const lines = await page.locator('#history-examples li').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.line)));
    expect(lines).toEqual(log.badLines);
    const byReason: Record<string, number> = {};
    for (const b of BAD_ROWS) byReason[b.reason] = (byReason[b.reason] ?? 0) + 1;
    for (const [reason, n] of Object.entries(byReason)) expect(await page.locator(`#history-reasons tr[data-reason="${reason}"] td`).textContent()).toBe(String(n));
    // The auto-detected mapping, as labeled selects.
    expect(await page.getByLabel(/Call placed \(date and time\)/).inputValue()).toBe('2');
    expect(await page.getByLabel(/Call outcome/).inputValue()).toBe('3');
  });

  it('shows a cell holding markup as text, never as markup', async () => {
    const example = page.locator('#history-examples li', { hasText: 'onerror' });
    expect(await example.textContent()).toContain('<img src=x onerror=window.__xss=1>');
    expect(await page.locator('#history img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('fits the log in the worker and shows the numbers fitCallLog gives in Node, near the known contactability', async () => {
    await page.waitForSelector('#history-chart-hours svg', { timeout: 90_000 });
    for (const n of fitKeyNumbers(nodeFit)) {
      const shown = await page.locator(`#history-key-numbers dd[data-key="${n.key}"] strong`).textContent();
      if (n.key === 'age-decay') {
        // The age decay is read off the same joint model's table, so it moves along that ridge too: seen "floor 0.84"
        // in Chromium against 0.85 in Node (after the Beta draws behind test/worker/historyFixture.ts's log changed). The words and
        // units equal, the half-life within 3% and the floor within one in its last digit.
        const numbers = (t: string) => t.match(/[\d.]+/g)!.map(Number);
        expect(shown!.replace(/[\d.]+/g, '#'), n.label).toBe(n.value.replace(/[\d.]+/g, '#'));
        const [h1, f1] = numbers(shown!), [h0, f0] = numbers(n.value);
        expect(Math.abs(h1 / h0 - 1), shown!).toBeLessThan(0.03);
        expect(Math.abs(f1 - f0), shown!).toBeLessThan(0.0101);
      } else if (n.key !== 'contactability') expect(shown, n.label).toBe(n.value);
      else {
        // The joint model's EM stops on a flat ridge of the likelihood, and Chromium's V8 and Node's V8 round a few
        // Math functions differently in the last bit: seen 118 against 113 iterations, log-likelihoods 0.001 apart,
        // alpha and beta 0.1-0.3% apart. Where on the ridge each stops moves with any rounding (the order of the
        // E-step's sums too): with the E-step over the trie of histories, 0.4-2.5% apart (beta 4.17 to 4.27 on these
        // 1,000 leads, where its standard error is far larger). Everything else above is equal to the digit.
        const [a, b] = shown!.match(/[\d.]+/g)!.map(Number);
        const c = nodeFit.contactModel.contactability;
        expect(Math.abs(a / c.alpha - 1), shown!).toBeLessThan(0.03);
        expect(Math.abs(b / c.beta - 1), shown!).toBeLessThan(0.03);
      }
    }
    // Against the truth the log was written from (1,000 leads): mean contactability within 0.05 of 0.3, share
    // reached within 0.05 of the closed form (binomial sd about 0.014).
    const bg = nodeFit.attemptsToContact;
    expect(Math.abs(bg.meanProbability - TRUTH.alpha / (TRUTH.alpha + TRUTH.beta))).toBeLessThan(0.05);
    expect(Math.abs(nodeFit.data.contactedLeads / nodeFit.data.leads - shareReachedWithin(SCHEDULE.length))).toBeLessThan(0.05);
    for (const id of ['history-chart-reached', 'history-chart-attempts', 'history-chart-age']) expect(await page.locator(`#${id} svg`).count()).toBeGreaterThan(0);
    await page.locator('#history').screenshot({ path: '/tmp/history-fit.png' });
    await page.locator('#history-chart-hours').screenshot({ path: '/tmp/history-hours.png' });
    await page.locator('#history-chart-reached').screenshot({ path: '/tmp/history-reached.png' });
    await page.locator('#history-chart-reached-attempts').screenshot({ path: '/tmp/history-reached-attempts.png' });
  });

  it('writes the fit into the selected scenario, valid, and keeps it after a reload', async () => {
    await page.getByRole('button', { name: 'Use this fit in the selected scenario' }).click();
    await expect.poll(() => page.locator('#history-use-status').textContent()).toMatch(/now uses this fit/);
    const json = JSON.parse(await page.getByLabel(/^Scenario JSON/).inputValue());
    const pageFit = await page.evaluate(() => JSON.parse(localStorage.getItem('leadlab.history.v1')!).fit.fit);
    expect(json.contactModel).toEqual(pageFit.contactModel);
    expect(Math.abs(json.contactModel.contactability.alpha / nodeFit.contactModel.contactability.alpha - 1)).toBeLessThan(0.01);
    expect(json.contactModel.hourOfWeek).toHaveLength(168);
    expect(() => loadScenario(json)).not.toThrow();
    expect(await page.locator('#issues').textContent()).toContain('The scenario is valid.');
    await page.reload();
    const kept = JSON.parse(await page.getByLabel(/^Scenario JSON/).inputValue());
    expect(kept.contactModel).toEqual(json.contactModel);
    // The fit itself is kept too (not the file).
    await page.waitForSelector('#history-chart-reached svg');
    expect(await page.locator('#history-key-numbers dd[data-key="leads"] strong').textContent()).toBe(fitKeyNumbers(nodeFit)[0].value);
  });

  it('runs the comparison with the fitted model in the scenario', async () => {
    await page.getByLabel('Replications per scenario').fill('2');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 90_000 }).toMatch(/^Done: 2 replications per scenario/);
    expect(await page.locator('#chart-contact svg').count()).toBeGreaterThan(0);
  });

  it('downloads the fitted model as a file that a scenario names', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fitted model (JSON)' }).click()]);
    const model = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(download.suggestedFilename()).toBe('team-calls-model.json');
    const resolved = loadScenario({ contactModel: 'model.json' }, () => JSON.stringify(model));
    const pageFit = await page.evaluate(() => JSON.parse(localStorage.getItem('leadlab.history.v1')!).fit.fit);
    expect(resolved.config.contact).toEqual(pageFit.contactModel);
    expect(model.attemptsToContact.alpha).toBeCloseTo(nodeFit.attemptsToContact.alpha, 4);
  });

  it('reads the same log gzip-compressed to the same counts', async () => {
    const path = join(dir, 'team-calls.csv.gz');
    writeFileSync(path, gzipSync(log.csv));
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(path);
    await expect.poll(() => page.locator('#history-counts').textContent(), { timeout: 30_000 }).toContain('(gzip)');
    expect(await page.locator('[data-count="kept"]').textContent()).toBe(log.goodRows.toLocaleString('en-US'));
    expect(await page.locator('[data-count="rejected"]').textContent()).toBe(String(BAD_ROWS.length));
  });

  it('asks what an unknown outcome word means, and keeps its rows once told', async () => {
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(callsPath);
    const select = page.getByLabel('"maybe later" (1 row) means');
    // Until it is told, the fit says it leaves that row out (found in review: unanswered calls left out this way made
    // the fit's contact rates far too high, without a word beside its buttons).
    await expect.poll(() => page.locator('#history-fit-quality').textContent(), { timeout: 60_000 }).toMatch(/^This fit leaves out 2 of [\d,]+ calls, whose outcomes this page does not know \(.*"maybe later".*\): if they were not answered, its contact rates are too high\./);
    await select.selectOption('no-answer');
    await expect.poll(() => page.locator('[data-count="kept"]').textContent(), { timeout: 20_000 }).toBe((log.goodRows + 1).toLocaleString('en-US'));
    await expect.poll(() => page.locator('#history-fit-quality').textContent(), { timeout: 60_000 }).toMatch(/^This fit leaves out 1 of /);
    expect(await page.locator('#history-fit-quality').textContent()).not.toContain('maybe later');
    expect(await page.locator('[data-count="rejected"]').textContent()).toBe(String(BAD_ROWS.length - 1));
    expect(await page.getByLabel('"maybe later" means').inputValue()).toBe('no-answer');
    await page.locator('#history-outcomes').screenshot({ path: '/tmp/history-outcomes.png' });
  });

  it('reads a lead stream and writes its arrivals by hour of week into the selected scenario', async () => {
    // 14 days of leads: 3 each weekday at 09:30 and 1 each weekday at 15:10, New York time.
    const rows = ['Lead ID,Created On,Source'];
    let id = 0;
    for (let day = 0; day < 14; day++) {
      const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
      if (new Date(date).getUTCDay() % 6 === 0) continue;
      for (let k = 0; k < 3; k++) rows.push(`L${++id},${date} 09:30,web`);
      rows.push(`L${++id},${date} 15:10,aggregator`);
    }
    const path = join(dir, 'leads.csv');
    writeFileSync(path, rows.join('\n') + '\n');
    await page.getByLabel('Time zone of times written without one').fill('America/New_York');
    await page.getByLabel('Time zone of times written without one').press('Tab');
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(path);
    await expect.poll(() => page.locator('#history-counts').textContent(), { timeout: 20_000 }).toContain('lead stream');
    expect(await page.locator('[data-count="kept"]').textContent()).toBe(String(id));
    await page.getByRole('button', { name: 'Use these arrivals in the selected scenario' }).click();
    const json = JSON.parse(await page.getByLabel(/^Scenario JSON/).inputValue());
    const profile: number[] = json.leads.arrivalProfile;
    // Monday 09:00 and 15:00 on the New York clock: two Mondays, 3 and 1 leads each.
    expect(profile[9]).toBe(6);
    expect(profile[15]).toBe(2);
    expect(profile.reduce((a, b) => a + b, 0)).toBe(id);
    expect(() => loadScenario(json)).not.toThrow();
    await page.getByLabel('Time zone of times written without one').fill('');
    await page.getByLabel('Time zone of times written without one').press('Tab');
  });

  it('says clearly when a file is not a call log, showing its header as text', async () => {
    const path = join(dir, 'contacts.csv');
    writeFileSync(path, 'name,<img src=x onerror=window.__xss=2>,city\nAnn,a,Oslo\n');
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(path);
    await expect.poll(() => page.locator('#history-error').textContent(), { timeout: 20_000 }).toMatch(/does not look like a call log: no column was found for Lead ID/);
    expect(await page.locator('#history-error').textContent()).toContain('"<img src=x onerror=window.__xss=2>"');
    expect(await page.locator('#history img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The columns can be picked by hand; a required one left out is marked; there is no fit to use.
    expect(await page.getByLabel(/Lead ID \(required\)/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Use this fit in the selected scenario' }).isDisabled()).toBe(true);
    await page.locator('#history').screenshot({ path: '/tmp/history-error.png' });
    // After a reload the page still says what was wrong with the last file, and that the file must be dropped again.
    await page.reload();
    expect(await page.locator('#history-error').textContent()).toMatch(/contacts\.csv does not look like a call log/);
    expect(await page.locator('#history-status').textContent()).toMatch(/from your last visit/);
    expect(errors).toEqual([]);
  });

  it('takes a file dropped on the drop zone', async () => {
    const csv = 'lead,created,call time,result\nA,2026-01-05T10:00Z,2026-01-05T10:02Z,no answer\nA,2026-01-05T10:00Z,2026-01-05T12:00Z,contact\nB,2026-01-05T11:00Z,2026-01-05T11:01Z,busy\n';
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    await page.dispatchEvent('#history-drop', 'drop', { dataTransfer });
    await expect.poll(() => page.locator('#history-report h3').textContent(), { timeout: 20_000 }).toBe('Rows of dropped.csv');
    expect(await page.locator('[data-count="kept"]').textContent()).toBe('3');
  });

  it('stops a read or fit on request, and starts over when the file is chosen again', async () => {
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(callsPath);
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await page.locator('#history-status').textContent()).toMatch(/^Stopped\./);
    expect(await page.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(callsPath);
    await expect.poll(() => page.locator('#history-status').textContent(), { timeout: 60_000 }).toMatch(/^Fitted team-calls\.csv/);
  });

  it("fits the project's sample call log (gzip, US dates, Chicago time, a funded column) as leadlab fit does", async () => {
    const sample = join(repo, 'data/calllogs/sample-calls.csv.gz');
    const node = await readLogFile(sample, { timeZone: 'America/Chicago' });
    if (node.kind !== 'calls') throw new Error('expected a call log');
    const expected = fitCallLog(node.table);
    const tz = page.getByLabel('Time zone of times written without one');
    // The sample ships with the site: one click loads it and sets its time zone.
    await page.getByRole('button', { name: 'No file at hand? Try the sample call log' }).click();
    await expect.poll(() => tz.inputValue()).toBe('America/Chicago');
    await expect.poll(() => page.locator('#history-status').textContent(), { timeout: 120_000 }).toMatch(/^Fitted sample-calls\.csv\.gz/);
    for (const n of fitKeyNumbers(expected).filter((k) => k.key !== 'contactability')) {
      expect(await page.locator(`#history-key-numbers dd[data-key="${n.key}"] strong`).textContent(), n.label).toBe(n.value);
    }
    // A call log has no arrivals to use, and the disabled button says so.
    const arrivals = page.getByRole('button', { name: 'Use these arrivals in the selected scenario' });
    expect(await arrivals.isDisabled()).toBe(true);
    expect(await arrivals.getAttribute('title')).toMatch(/^A call log is for the fit above; arrivals come from a lead stream/);
    const rows = await page.locator('#history-conversion-speed tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
    expect(rows).toEqual(expected.conversion!.bySpeedToLead.map((r) => conversionCells(r)));
    await page.locator('#history-conversion').screenshot({ path: '/tmp/history-conversion.png' });
    await tz.fill('');
    await tz.press('Tab');
  });

  it('says a zone that is not one leaves the results of the zone before, dimmed, until a valid zone reads again', async () => {
    const tz = page.getByLabel('Time zone of times written without one');
    await expect.poll(() => page.locator('#history-status').textContent(), { timeout: 120_000 }).toMatch(/^Fitted sample-calls\.csv\.gz/);
    await tz.fill('Mars/Olympus');
    await tz.press('Tab');
    await expect.poll(() => page.locator('#history-status').textContent()).toBe('Not read again: "Mars/Olympus" is not a time zone. The results below are still those read in UTC.');
    // Said once: the error line's "Time zone: " is not followed by the reader's own "time zone: ".
    expect(await page.locator('#history-error').textContent()).toBe('Time zone: expected "UTC", an offset like "+02:00" or an IANA name like "America/Chicago", got "Mars/Olympus"');
    expect(await page.locator('#history-fit').getAttribute('class')).toContain('out-of-date');
    expect(await page.locator('#history-report').getAttribute('class')).toContain('out-of-date');
    await tz.fill('');
    await tz.press('Tab');
    await expect.poll(() => page.locator('#history-status').textContent(), { timeout: 120_000 }).toMatch(/^Fitted sample-calls\.csv\.gz/);
    expect(await page.locator('#history-fit').getAttribute('class') ?? '').not.toContain('out-of-date');
  });

  it('fits a phone screen without sideways scrolling of the section', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Choose a call log or lead stream file').setInputFiles(callsPath);
    await page.waitForSelector('#history-chart-hours svg', { timeout: 90_000 });
    const overflow = await page.locator('#history').evaluate((s) => s.scrollWidth - s.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('#history-columns').screenshot({ path: '/tmp/history-phone-columns.png' });
    await page.locator('#history-key-numbers').screenshot({ path: '/tmp/history-phone-numbers.png' });
    await page.locator('#history-report').screenshot({ path: '/tmp/history-phone-report.png' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
