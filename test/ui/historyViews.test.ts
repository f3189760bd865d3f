// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { parseCallLogText } from '../../src/io/parseText';
import type { FittedModel } from '../../src/fit/fitCallLog';
import { baseName, columnsView, conversionTable, failureMessage, FIT_CHARTS, outcomeWordsView, reportView, unknownOutcomesNote } from '../../src/ui/historyViews';
import type { CallLogHistory, HistoryColumns } from '../../src/worker/historyApi';

const columns: HistoryColumns = {
  kind: 'calls',
  header: ['Lead', 'Created', 'Called', 'Result'],
  fields: [
    { field: 'leadId', required: true, column: 0, how: 'auto' },
    { field: 'leadCreated', required: true, column: 1, how: 'auto' },
    { field: 'attemptTime', required: true, column: -1, how: 'none' },
    { field: 'outcome', required: true, column: 3, how: 'auto' },
  ],
};

/** A call log read from text by the real reader: 3 rows kept, 2 rejected (a bad time, an unknown outcome). */
function callLog(): CallLogHistory {
  const text = [
    'lead,created,call time,result',
    'A,2026-03-04 09:00,2026-03-04 09:05,no answer',
    'B,2026-03-04 09:00,2026-03-04 09:07,contact',
    'C,2026-03-04 09:00,2026-03-04 09:09,no answer',
    'D,2026-03-04 09:00,not a time,no answer',
    'E,2026-03-04 09:00,2026-03-04 09:15,left a note',
  ].join('\n');
  const { report } = parseCallLogText(text, { maxExamples: 10 });
  return {
    ok: true, kind: 'calls', fileName: 'team calls.csv', bytes: text.length, gzip: false, columns, report, elapsedMs: 5,
    timeZone: 'UTC', dateOrder: null, attempts: 3, leads: 3, outcomes: { 'no-answer': 2, contact: 1 }, span: { first: '2026-03-04T09:05', last: '2026-03-04T09:09' },
    unknownOutcomes: [{ word: 'left a note', rows: 1 }],
  };
}

describe('the History views, alone', () => {
  it('lists a select per field with the column found, marks a missing required one, and reports the whole mapping on a change', () => {
    const onChange = vi.fn();
    const nodes = columnsView(columns, true, onChange);
    const box = document.createElement('fieldset');
    box.append(...nodes);
    const selects = [...box.querySelectorAll('select')];
    expect(selects.map((s) => s.value)).toEqual(['0', '1', '', '3']);
    expect(box.querySelector('#history-col-attemptTime')!.getAttribute('aria-invalid')).toBe('true');
    selects[2].value = '2';
    selects[2].dispatchEvent(new Event('change'));
    expect(onChange).toHaveBeenCalledWith({ '#1': 'leadId', '#2': 'leadCreated', '#3': 'attemptTime', '#4': 'outcome' });
  });

  it('disables the column selects when the file is not at hand', () => {
    const box = document.createElement('fieldset');
    box.append(...columnsView(columns, false, () => {}));
    expect([...box.querySelectorAll('select')].every((s) => s.disabled)).toBe(true);
  });

  it('asks what each unknown outcome word means and passes the answer on', () => {
    const onChange = vi.fn();
    const view = outcomeWordsView([{ word: 'left a note', rows: 7 }], {}, true, onChange)!;
    expect(view.textContent).toContain('"left a note" (7 rows) means');
    const select = view.querySelector('select')!;
    select.value = 'voicemail';
    select.dispatchEvent(new Event('change'));
    expect(onChange).toHaveBeenLastCalledWith('left a note', 'voicemail');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(onChange).toHaveBeenLastCalledWith('left a note', undefined);
    expect(outcomeWordsView([], {}, true, onChange)).toBeUndefined();
  });

  it('reports the rows kept and rejected as the reader counted them, with the rejected lines', () => {
    const read = callLog();
    const box = document.createElement('div');
    box.append(...reportView(read));
    const counted = (what: string) => box.querySelector(`[data-count="${what}"]`)!.textContent;
    expect([counted('rows'), counted('kept'), counted('rejected')]).toEqual(['5', '3', '2']);
    expect([...box.querySelectorAll('#history-examples li')].map((li) => li.getAttribute('data-line'))).toEqual(['5', '6']);
    expect(box.textContent).toContain('3 call attempts on 3 leads, 2026-03-04 to 2026-03-04');
  });

  it('says one row, one rejected row, one attempt on one lead in the singular', () => {
    const text = ['lead,created,call time,result', 'A,2026-03-04 09:00,2026-03-04 09:05,no answer', '', 'D,2026-03-04 09:00,not a time,no answer'].join('\n');
    const { report } = parseCallLogText(text, { maxExamples: 10 });
    const read = { ...callLog(), report, attempts: 1, leads: 1 } as CallLogHistory;
    const box = document.createElement('div');
    box.append(...reportView(read));
    const words = box.textContent!;
    expect(report.rows).toBe(2);
    expect(report.blankLines).toBe(1);
    expect(words).toContain('1 blank line skipped.');
    expect(words).toContain('The rejected row, by its line in the file');
    expect(words).toContain('1 call attempt on 1 lead,');
    expect(words).not.toMatch(/\b1 (rows|leads|blank lines|call attempts)\b/);
  });

  it('says which columns are missing when a file does not look like a call log', () => {
    const { message, where } = failureMessage({ ok: false, fileName: 'x.csv', error: { name: 'Error', message: 'no columns', where: 'columns' }, columns });
    expect(where).toBe('Columns');
    expect(message).toMatch(/^x\.csv does not look like a call log: no column was found for .*\. Its columns are "Lead", "Created", "Called", "Result"\./);
    expect(failureMessage({ ok: false, fileName: 'x.csv', error: { name: 'Error', message: 'unknown zone', where: 'timeZone' } })).toEqual({ message: 'unknown zone', where: 'Time zone' });
  });

  it('says a bad time zone once: the page writes "Time zone: ", the reader\'s own "time zone: " is left out', () => {
    const message = 'time zone: expected "UTC", an offset like "+02:00" or an IANA name like "America/Chicago", got "Mars/Phobos"';
    expect(failureMessage({ ok: false, fileName: 'x.csv', error: { name: 'RangeError', message, where: 'timeZone' } })).toEqual({
      message: 'expected "UTC", an offset like "+02:00" or an IANA name like "America/Chicago", got "Mars/Phobos"',
      where: 'Time zone',
    });
  });

  it('says beside the fit how many calls it leaves out for outcomes it does not know, and nothing when none', () => {
    const read = { ...callLog(), attempts: 273, unknownOutcomes: [{ word: 'LM', rows: 186 }, { word: 'Line engaged', rows: 141 }] };
    expect(unknownOutcomesNote(read)).toBe('This fit leaves out 327 of 600 calls, whose outcomes this page does not know ("LM", "Line engaged"): if they were not answered, its contact rates are too high. Say what each word means under "Call outcomes this page does not know" before using it.');
    expect(unknownOutcomesNote({ ...read, unknownOutcomes: [] })).toBe('');
  });

  it('makes a download name from a file name', () => {
    expect(baseName('Team Calls.csv.gz')).toBe('Team-Calls');
    expect(baseName('.csv')).toBe('call-log');
  });

  it('draws no empty hour-of-week grid when no hour has 30 calls, and says why in the figure', () => {
    const hours = (attempts: number[]) => ({ contactByHourOfWeek: { hours: attempts.map((n, hour) => ({ hour, day: 'Mon', hourOfDay: hour, attempts: n, contacts: Math.floor(n / 3), rate: 1 / 3 })), notes: [] } }) as unknown as FittedModel;
    const empty = FIT_CHARTS.find(([id]) => id === 'history-chart-hours')![3]!;
    expect(empty(hours([29, 12, 0]))).toBe('Contact rate by hour of week: too few calls per hour to show (fewer than 30 in every hour of the week).');
    // One hour with enough calls is a chart worth drawing.
    expect(empty(hours([29, 30, 0]))).toBeUndefined();
  });

  it('shows the commands of a per-lead summary as code, with no backticks', () => {
    const summary = { ...callLog(), kind: 'summary', leads: 3, calls: 5 } as unknown as Parameters<typeof reportView>[0];
    const text = reportView(summary).map((n) => n.textContent).join(' ');
    expect(text).toContain('so the page cannot fit contact curves to it; leadlab fit reports calls to contact for it.');
    expect(text).not.toContain('`');
    const code = reportView(summary).flatMap((n) => [...(n as HTMLElement).querySelectorAll?.('code') ?? []]).map((c) => c.textContent);
    expect(code).toContain('leadlab fit');
  });
});

describe('conversion tables', () => {
  const row = (label: string, leads: number, contactRate: number, converted: number) => ({ label, leads, contacted: Math.round(leads * contactRate), contactRate, converted, conversionRate: converted / leads, lower: 0, upper: 1, thin: false });
  const heads = (t: HTMLElement) => [...t.querySelectorAll('thead th')].map((h) => h.textContent);

  it('show the share reached by speed to lead, and leave it out by the attempt that first reached the lead, where each row says it', () => {
    const speed = conversionTable('s', 'by speed', 'First call within', [row('5 min', 100, 0.4, 4), row('1 h', 80, 0.3, 2)]);
    expect(heads(speed)).toEqual(['First call within', 'Leads', 'Reached', 'Converted', 'Conversion rate (95% interval)']);
    expect([...speed.querySelectorAll('tbody tr')][0].children).toHaveLength(5);
    const attempt = conversionTable('a', 'by attempt', 'First reached on', [row('1', 50, 1, 5), row('never reached', 20, 0, 0)], false);
    expect(heads(attempt)).toEqual(['First reached on', 'Leads', 'Converted', 'Conversion rate (95% interval)']);
    expect([...attempt.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual([
      ['1', '50', '5', '10.0% (0.0% to 100.0%)'],
      ['never reached', '20', '0', '0.0% (0.0% to 100.0%)'],
    ]);
  });
});
