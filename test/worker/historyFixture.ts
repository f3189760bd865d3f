import { simulateCallLog } from '../../src/fit/simulateCallLog';
import type { ContactModel } from '../../src/sim/contactModel';
import { stream } from '../../src/sim/random';

/*
 * A call log written from known contact probabilities, for the History tests (Node and browser). Every answer
 * probability is the lead's own contactability p ~ Beta(alpha, beta): no hour-of-week or age effect, so the plain
 * beta-geometric is the true model and the share of leads ever reached in K attempts is known in closed form:
 * 1 - E[(1 - p)^K] = 1 - B(alpha, beta + K) / B(alpha, beta).
 */
export const TRUTH = { alpha: 1.5, beta: 3.5 };
export const SCHEDULE = [0, 10, 30, 60, 180, 360, 1440, 2880];
// Exponential delays (mean 30 minutes) on each attempt, so lead age is not tied to the attempt number.
const JITTER = 30;
const MODEL: ContactModel = {
  contactability: TRUTH,
  hourOfWeek: new Array<number>(168).fill(1),
  ageDecay: { kind: 'exponential', halfLifeMinutes: Infinity, floor: 1 },
};
// Monday 2026-01-05 00:00 UTC: the simulated log's minute 0 is a Monday midnight too.
const BASE_MS = Date.UTC(2026, 0, 5);
const time = (minutes: number): string => new Date(BASE_MS + minutes * 60_000).toISOString();

/** The rows written on purpose to be rejected, with the reason the reader must give each. */
export const BAD_ROWS: { cells: string[]; reason: string }[] = [
  { cells: ['BAD-1', '2026-01-06T09:00:00Z', '2026-01-06T09:05:00Z', 'maybe later'], reason: 'unknown-outcome' },
  { cells: ['BAD-2', '2026-01-06T09:00:00Z', '2026-01-06T09:05:00Z', '<img src=x onerror=window.__xss=1>'], reason: 'unknown-outcome' },
  { cells: ['BAD-3', 'yesterday-ish', '2026-01-06T09:05:00Z', 'no answer'], reason: 'unparseable-time' },
  { cells: ['BAD-4', '2026-01-06T09:00:00Z', '2026-01-06T07:00:00Z', 'contact'], reason: 'attempt-before-created' },
  { cells: ['', '2026-01-06T09:00:00Z', '2026-01-06T09:05:00Z', 'voicemail'], reason: 'missing-field' },
  { cells: ['BAD-6', '2026-01-06T09:00:00Z', '2026-01-06T09:05:00Z'], reason: 'wrong-field-count' },
];

/** The log as CSV text (header "Lead ID,Created,Call Time,Result"), its good rows and the bad rows' lines. */
export function knownCallLog(leads: number, seed = 3): { csv: string; goodRows: number; leads: number; badLines: number[] } {
  const records = simulateCallLog(stream(seed, 'history-fixture'), { model: MODEL, leads, arrivalSpan: 4 * 10080, schedule: SCHEDULE, jitter: JITTER });
  const outcome = { contact: 'Contact', 'no-answer': 'No Answer', voicemail: 'Left Voicemail', 'bad-number': 'Bad Number', busy: 'Busy' } as const;
  const lines = ['Lead ID,Created,Call Time,Result'];
  for (const r of records) lines.push(`${r.leadId},${time(r.leadCreated)},${time(r.attemptTime)},${outcome[r.outcome]}`);
  const badLines: number[] = [];
  for (const bad of BAD_ROWS) {
    lines.push(bad.cells.join(','));
    badLines.push(lines.length);
  }
  return { csv: lines.join('\n') + '\n', goodRows: records.length, leads, badLines };
}

/** ln B(a, b). */
function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln Gamma(x) by the Lanczos approximation (g = 7, n = 9), accurate to ~1e-13. */
function lgamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Share of leads reached within `k` attempts when p ~ Beta(alpha, beta): 1 - B(alpha, beta + k) / B(alpha, beta). */
export function shareReachedWithin(k: number, { alpha, beta } = TRUTH): number {
  return 1 - Math.exp(logBeta(alpha, beta + k) - logBeta(alpha, beta));
}
