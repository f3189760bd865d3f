import type { CallOutcome } from '../sim/callLog';
import { cellText, ColumnMappingError, resolveColumns, type ColumnMapping } from './columnMapping';
import { FIELD_ALIASES, normalizeHeader, type ImportField, type ImportKind } from './fields';
import { normalizeOutcome } from './outcome';
import { parseTimestamp } from './timestamp';
import { UTC } from './timeZone';

/** The chosen kind of a file, its columns, and why. */
export interface KindChoice {
  kind: ImportKind;
  mapping: ColumnMapping;
  /** Plain sentences: the score of each candidate and what counted for or against it. */
  explanation: string[];
}

const quote = (values: readonly string[]): string => values.slice(0, 3).map((v) => `"${v}"`).join(', ');

/** Share of `values` (non-empty) for which `test` holds, and the first that fail. */
function share(values: readonly string[], test: (v: string) => boolean): { ok: number; failing: string[] } {
  const failing: string[] = [];
  let ok = 0;
  for (const v of values) {
    if (test(v)) ok++;
    else if (failing.length < 3 && !failing.includes(v)) failing.push(v);
  }
  return { ok: values.length ? ok / values.length : 1, failing };
}

function isDatedTime(text: string): boolean {
  return !Number.isNaN(parseTimestamp(text, { zone: UTC, dateOrder: 'mdy' })) || !Number.isNaN(parseTimestamp(text, { zone: UTC, dateOrder: 'dmy' }));
}

/**
 * Scores a call-log reading: each required column counts +2 when its first values fit (times with a date,
 * known outcome words) and against it when they do not (-2 for a time, -1 for outcomes, which may be custom
 * words named with --outcome).
 */
function scoreCalls(m: ColumnMapping, header: readonly string[], samples: readonly string[][], outcomes?: ReadonlyMap<string, CallOutcome>): { score: number; why: string[] } {
  let score = 0;
  const why: string[] = [];
  const values = (f: ImportField): string[] => samples.map((r) => cellText(r, m, f)).filter((v) => v !== '');
  for (const f of ['leadCreated', 'attemptTime'] as const) {
    const s = share(values(f), isDatedTime);
    if (s.ok >= 0.5) score += 2;
    else {
      score -= 2;
      why.push(`"${header[m.index[f]]}" (${f}) holds no dated times in the first rows (${quote(s.failing)})`);
    }
  }
  score += 2;
  const o = share(values('outcome'), (v) => normalizeOutcome(v, outcomes) !== undefined);
  if (o.ok >= 0.5) score += 2;
  else {
    score -= 1;
    why.push(`"${header[m.index.outcome]}" values (${quote(o.failing)}) are mostly not call outcomes (a previous campaign's result?)`);
  }
  return { score, why };
}

/** Scores a per-lead summary reading: +4 for an attempt count of whole numbers (-2 otherwise), +1 per yes/no column. */
function scoreSummary(m: ColumnMapping, header: readonly string[], samples: readonly string[][]): { score: number; why: string[] } {
  const why: string[] = [];
  const s = share(samples.map((r) => cellText(r, m, 'attempts')).filter((v) => v !== ''), (v) => /^\d+$/.test(v));
  let score = s.ok >= 0.9 ? 4 : -2;
  why.push(s.ok >= 0.9 ? `"${header[m.index.attempts]}" holds whole numbers: the calls made per lead` : `not a per-lead summary's attempt count: "${header[m.index.attempts]}" is not whole numbers (${quote(s.failing)})`);
  for (const f of ['converted', 'contacted'] as const) if (m.index[f] !== -1) score += 1;
  return { score, why };
}

/**
 * The lead-stream reading of a file that is neither a call log nor a summary: a lead id and a created time, and no
 * column that could be a call's time or outcome (a call log missing one of those is a call log to --map, not leads).
 */
function leadStreamReading(header: readonly string[], map: Readonly<Record<string, ImportField>>): KindChoice | undefined {
  const names = header.map(normalizeHeader);
  const callColumn = (f: ImportField) => Object.values(map).includes(f) || names.some((h) => FIELD_ALIASES[f].includes(h));
  if (callColumn('attemptTime') || callColumn('outcome')) return undefined;
  let mapping: ColumnMapping;
  try {
    mapping = resolveColumns(header, 'leads', map);
  } catch (e) {
    if (e instanceof ColumnMappingError) return undefined;
    throw e;
  }
  const columns = `"${header[mapping.index.leadId]}" and "${header[mapping.index.leadCreated]}"`;
  return { kind: 'leads', mapping, explanation: [`read as a lead stream: a lead id and a created time (${columns}), and no column of a call's time or outcome`] };
}

/**
 * Decides whether a file is a call log, a per-lead summary or a lead stream from its header and first data rows, by scoring
 * both readings (see the score functions above) and taking the higher (a call log on a tie). When neither reading
 * finds its required columns, a file with a lead id and a created time and no call time or outcome column is a lead
 * stream; anything else throws the call-log mapping error. `--map` entries to summary-only
 * fields ("attempts", "contacted") decide for a summary.
 *
 * @example
 * chooseKind(['Id', 'NoOfContacts', 'CallStart'], [['1', '3', '13:45:20']]).kind // "summary"
 */
export function chooseKind(
  header: readonly string[],
  samples: readonly string[][],
  map: Readonly<Record<string, ImportField>> = {},
  outcomes?: ReadonlyMap<string, CallOutcome>,
): KindChoice {
  if (Object.values(map).some((f) => f === 'attempts' || f === 'contacted')) {
    return { kind: 'summary', mapping: resolveColumns(header, 'summary', map), explanation: ['read as a per-lead summary: --map names an attempt count or "contacted"'] };
  }
  let callsError: unknown;
  let calls: { mapping: ColumnMapping; score: number; why: string[] } | undefined;
  let summary: { mapping: ColumnMapping; score: number; why: string[] } | undefined;
  try {
    const mapping = resolveColumns(header, 'calls', map);
    calls = { mapping, ...scoreCalls(mapping, header, samples, outcomes) };
  } catch (e) {
    if (!(e instanceof ColumnMappingError)) throw e;
    callsError = e;
  }
  try {
    const mapping = resolveColumns(header, 'summary', map);
    summary = { mapping, ...scoreSummary(mapping, header, samples) };
  } catch (e) {
    if (!(e instanceof ColumnMappingError)) throw e;
  }
  if (!calls && !summary) {
    const leads = leadStreamReading(header, map);
    if (leads) return leads;
    throw callsError;
  }
  const pickCalls = calls !== undefined && (summary === undefined || calls.score >= summary.score);
  const chosen = pickCalls ? calls! : summary!;
  const scores = [
    `call log ${calls ? calls.score : 'not possible (required columns missing)'}`,
    `per-lead summary ${summary ? summary.score : 'not possible (no attempt-count column)'}`,
  ].join(', ');
  const explanation = [`read as a ${pickCalls ? 'call log' : 'per-lead summary'} (scores: ${scores})`, ...(calls?.why ?? []), ...(summary?.why ?? [])];
  return { kind: pickCalls ? 'calls' : 'summary', mapping: chosen.mapping, explanation };
}
