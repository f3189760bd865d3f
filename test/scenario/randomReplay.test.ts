import { describe, expect, it } from 'vitest';
import { parseLeadStreamText } from '../../src/io/parseText';
import { replayArrivals } from '../../src/scenario/replay';
import { int, mulberry32, pick } from '../helpers/random';

/**
 * Random lead streams (one row per lead) replayed as arrivals: every valid row arrives once, at its local
 * wall-clock minute counted from local midnight of the first lead's day (the truth computed here with Intl), and
 * every broken row is counted with its reason.
 */

const p2 = (n: number): string => String(n).padStart(2, '0');

const ZONES = ['UTC', 'America/Chicago', 'Europe/Berlin', 'Australia/Adelaide', 'Pacific/Auckland'];
const fmts = new Map<string, Intl.DateTimeFormat>();
function localMinutes(zone: string, ms: number): number {
  let f = fmts.get(zone);
  if (!f) fmts.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })));
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute) / 60_000;
}
const steady = (zone: string, ms: number): boolean =>
  localMinutes(zone, ms - 7_200_000) - (ms - 7_200_000) / 60_000 === localMinutes(zone, ms) - ms / 60_000 &&
  localMinutes(zone, ms + 7_200_000) - (ms + 7_200_000) / 60_000 === localMinutes(zone, ms) - ms / 60_000;

interface Stream { text: string; zone: string; dateOrder?: 'mdy' | 'dmy'; kept: { id: string; ms: number; source?: string }[]; rejected: Record<string, number> }

function generate(seed: number, n: number): Stream {
  const r = mulberry32(seed);
  const zone = pick(r, ZONES);
  const style = pick(r, ['iso', 'us', 'eu', 'utc'] as const);
  const eol = pick(r, ['\n', '\r\n']);
  const start = Date.UTC(2024, int(r, 0, 11), 1);
  const kept: Stream['kept'] = [];
  const rejected: Record<string, number> = {};
  const lines = [pick(r, ['Lead ID,Created,Lead Source,Funded Date', 'lead_id,created_at,source,converted_at'])];
  const write = (ms: number): string => {
    const w = new Date(localMinutes(zone, ms) * 60_000);
    const [y, mo, d, h, mi] = [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes()];
    if (style === 'us') return `${mo}/${d}/${y} ${h}:${p2(mi)}`;
    if (style === 'eu') return `${p2(d)}/${p2(mo)}/${y} ${p2(h)}:${p2(mi)}`;
    if (style === 'utc') return new Date(ms).toISOString();
    return `${y}-${p2(mo)}-${p2(d)} ${p2(h)}:${p2(mi)}`;
  };
  for (let k = 0; k < n; k++) {
    let ms: number;
    do ms = start + int(r, 0, 40 * 1440) * 60_000;
    while (style !== 'utc' && !steady(zone, ms));
    const id = `L${k}`;
    const source = pick(r, ['', 'web', 'aggregator']);
    const converted = pick(r, ['', '', 'NULL', 'n/a', '2024-06-01']);
    const x = r();
    if (x < 0.05) {
      lines.push(`,${write(ms)},${source},${converted}`);
      rejected['missing-field'] = (rejected['missing-field'] ?? 0) + 1;
    } else if (x < 0.1) {
      lines.push(`${id},${pick(r, ['', 'soon', '2024-02-30 10:00'])},${source},${converted}`);
      const reason = lines[lines.length - 1].split(',')[1] === '' ? 'missing-field' : 'unparseable-time';
      rejected[reason] = (rejected[reason] ?? 0) + 1;
    } else {
      lines.push(`${id},${write(ms)},${source},${converted}`);
      kept.push({ id, ms, source: source || undefined });
    }
  }
  const ambiguousOnly = (style === 'us' || style === 'eu') && !kept.some((l) => new Date(localMinutes(zone, l.ms) * 60_000).getUTCDate() > 12);
  const dateOrder = style === 'us' ? 'mdy' : style === 'eu' ? 'dmy' : undefined;
  return { text: lines.join(eol) + eol, zone, dateOrder: ambiguousOnly || r() < 0.5 ? dateOrder : undefined, kept, rejected };
}

describe('random lead streams', () => {
  it('replays every valid lead once at its local minute and counts every rejected row', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const s = generate(seed, int(mulberry32(seed), 1, 60));
      const label = `seed ${seed} (${s.zone}, order ${s.dateOrder ?? 'detected'})`;
      const imported = parseLeadStreamText(s.text, { timeZone: s.zone, dateOrder: s.dateOrder, maxExamples: 1e6, now: Date.UTC(2030, 0, 1) / 60_000 });
      expect({ kept: imported.report.kept, byReason: imported.report.byReason }, label).toEqual({ kept: s.kept.length, byReason: s.rejected });
      // A conversion time of "NULL" or "n/a" is no conversion time.
      if (s.kept.length === 0) continue;
      const replay = replayArrivals(s.text, { file: 'leads.csv', timeZone: s.zone, map: {}, dateOrder: s.dateOrder }, [{ name: 'default', share: 1, cost: 0, soldTo: [1], contactabilityFactor: 1, conversionFactor: 1 }], [{ name: 'p', share: 1, revenuePerFunded: 1 }]);
      if (!replay.ok) throw new Error(`${label}: ${JSON.stringify(replay.issues)}`);
      const local = s.kept.map((l) => localMinutes(s.zone, l.ms));
      const firstDay = Math.floor(Math.min(...local) / 1440);
      const want = local.map((m) => m - firstDay * 1440).sort((a, b) => a - b);
      expect(replay.arrivals.kind === 'replay' && replay.arrivals.leads.map((a) => a.t), label).toEqual(want);
      expect(replay.startDate, label).toBe(new Date(firstDay * 86_400_000).toISOString().slice(0, 10));
      expect(replay.days, label).toBe(Math.floor(want[want.length - 1] / 1440) + 1);
    }
  });

  it('reads a converted time of "NULL" or "n/a" as not converted, as the call log does', () => {
    const imported = parseLeadStreamText('lead,created,converted_at\nA,2024-03-04 09:00,NULL\nB,2024-03-04 09:00,n/a\nC,2024-03-04 09:00,2024-04-01\nD,2024-03-04 09:00,\n');
    expect(imported.leads.map((l) => [l.leadId, l.converted])).toEqual([['A', false], ['B', false], ['C', true], ['D', false]]);
  });

  it('rejects an empty creation time as missing, an ambiguous one with the order to state, and mixed orders by the first', () => {
    const imported = parseLeadStreamText('lead,created\nA,\nB,NULL\nC,03/04/2024 09:00\n');
    expect(imported.report.examples.map((e) => [e.line, e.reason, e.message])).toEqual([
      [2, 'missing-field', 'leadCreated (column "created") is empty'],
      [3, 'missing-field', 'leadCreated (column "created") is empty'],
      [4, 'unparseable-time', 'leadCreated (column "created"): "03/04/2024 09:00" could be month-first or day-first; state the order with dateOrder (--date-order) mdy or dmy'],
    ]);
    const mixed = parseLeadStreamText('lead,created\nA,03/25/2024 09:00\nB,13/03/2024 09:00\n');
    expect(mixed.leads.map((l) => l.leadId)).toEqual(['A']);
    expect(mixed.report.byReason).toEqual({ 'unparseable-time': 1 });
    expect(mixed.report.warnings[0].message).toMatch(/read month-first/);
  });

  it('replays a stream of 300,000 leads (more than a spread of arguments can hold)', () => {
    const rows = ['lead,created'];
    for (let k = 0; k < 300_000; k++) rows.push(`L${k},${new Date(Date.UTC(2024, 0, 1) + k * 20_000).toISOString()}`);
    const replay = replayArrivals(rows.join('\n'), { file: 'big.csv', timeZone: 'UTC', map: {} }, [], []);
    expect(replay.ok && replay.arrivals.kind === 'replay' && replay.arrivals.leads.length).toBe(300_000);
    expect(replay.ok && replay.startDate).toBe('2024-01-01');
  });
});
