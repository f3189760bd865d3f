import { plural } from '../format/plural';
import { tQuantile975 } from '../stats/tQuantile975';

/**
 * Is the warm-up long enough? A run discards its first `warmupDays` of arrivals because pipelines start empty
 * (docs/design.md, Statistics); the warm-up should last until they are steady. The check asks one question of the
 * measured days, with a size that matters and an interval that knows how many replications were run, and uses MSER-5
 * only to say how long a warm-up would do when the answer is no.
 *
 * 1. The verdict: does the open pipeline still move over the measured days by a size that matters? Each replication's
 *    pipeline (`daily.pipeline`, src/sim/runResult.ts: index d is the start of day d of the run) is averaged over the
 *    first whole weeks of the measured window and over as many last whole weeks (each half of the window in whole
 *    weeks, so that weekends weigh the same in both); its change from the first to the last, as a share of the
 *    window's mean pipeline over all replications, is that replication's drift. The replications are independent
 *    (docs/design.md, Statistics), so the drifts' mean has a Student t 95% interval over them, which narrows as
 *    replications are added: the replication/deletion approach of Law (Simulation Modeling and Analysis, 5th ed.,
 *    sections 9.4-9.5), where the replications' spread, not one averaged path, measures the noise. The verdict is
 *    "still moving" only when the whole interval lies beyond {@link STEADY_DRIFT} (5%) in one direction: a drift
 *    shown to be larger than the size that matters, an equivalence-style bound rather than a test against zero. A test
 *    against zero gains power with every replication and flags, at enough of them, any slow drift however small; a
 *    point estimate held against 5% without its interval flips with the noise of the replications drawn. Judged
 *    against 5% with its interval, a pipeline that holds within 5% is flagged in at most 2.5% of runs at any
 *    replication count, and one that moves by more is flagged more surely the more replications there are.
 *    `shownSteady` says whether the interval also lies within 5% both ways (the drift is shown small, not only not
 *    shown large); the sentence says which.
 * 2. The advice, when the pipeline still moves: MSER-5 (below) on the mean pipeline over replications finds where it
 *    settles; that point is offered as the warm-up only when the days after it pass the test of step 1, and otherwise
 *    the run is too short to tell (simulate more days).
 *
 * The series are the arrival days 0..days-1 only: in the cool-down after them no lead arrives and pipelines drain,
 * which is not the steady state the measured window should come from. The pipeline is taken as the slowest state of
 * the floor to fill (assumption: a lead stays in it for the weeks of the loan process, src/sim/loanProcess.ts).
 *
 * MSER-5 (White 1997, "An effective truncation heuristic for bias reduction in simulation output", Simulation
 * 69(6); Franklin and White 2008, "Stationarity tests and MSER-5: exploring the intuition behind mean-squared-error
 * reduction in detecting and correcting initialization bias", Proceedings of the 2008 Winter Simulation Conference):
 * the series is cut into k batches of 5 consecutive observations (a leftover of fewer than 5 at the end is dropped),
 * with means b_1..b_k. For each candidate truncation d = 0, 1, ..., floor(k / 2) (the search covers the first half of the
 * batches only: further out, the statistic rests on few batches and drifts to the end by chance), with the kept
 * batches b_{d+1}..b_k and their mean m_d,
 *
 *     MSER(d) = sum_{i > d} (b_i - m_d)^2 / (k - d)^2,
 *
 * an estimate of the squared standard error of the mean of what is kept: dropping a biased start lowers it until
 * the lost observations cost more precision than the bias removed. The truncation is the d with the least MSER(d)
 * (the first one on a tie), 5 d observations. A minimum at the end of the search (d = floor(k / 2)) is read as a
 * series that has not settled within its first half (the reason the search stops there): no truncation is trusted.
 * Where that minimum falls on a nearly settled series moves from one set of replications to the next (the curve is
 * flat there), which is why it gives the advice and not the verdict: read as the verdict, it called the one-call firm
 * (data/scenarios/slow-single-call.json) adequate at 10 and 30 replications and not settled at 20.
 */

/** Observations per batch: the 5 of MSER-5 (White 1997, see the module's comment). */
export const MSER_BATCH_SIZE = 5;

/**
 * Fewest whole batches of 5 days after the warm-up for a verdict (assumption: with fewer, the measured window is under
 * 20 days, and its two halves of whole weeks are a week each at most).
 */
export const MIN_BATCHES_AFTER_WARMUP = 4;

/**
 * The change of the open pipeline over the measured days that matters: from the first to the last weeks of the
 * measured window, as a share of its mean (assumption: 5%. On the default floor a 30-day warm-up left the measured
 * pipeline 4% below its settled level, which moved utilization by 0.8 points and first calls by 44 minutes while the
 * contact, application and funded rates stayed within their intervals, docs/design.md, Statistics; a change of 5% from
 * the first half to the second leaves the window's mean 2.5% below the level at its end when the rise ends in the
 * first half, 5% when it is a straight line over the whole window: about that size).
 */
export const STEADY_DRIFT = 0.05;

/** The MSER-5 truncation of a series. */
export interface MserTruncation {
  /** Whole batches in the series (a leftover shorter than a batch at the end is not used). */
  batches: number;
  /** Truncation in batches: the d with the least MSER(d). */
  truncatedBatches: number;
  /** Truncation in observations: batchSize * truncatedBatches. */
  truncation: number;
  /** The largest d searched, floor(batches / 2). */
  searchLimit: number;
  /** Whether the least MSER is at the end of the search: the series has not settled in its first half. */
  atSearchLimit: boolean;
  /** MSER(d) for d = 0..searchLimit. */
  mser: number[];
  /** The batch means b_1..b_k. */
  batchMeans: number[];
}

/**
 * MSER truncation (MSER-5 with the default batch size) of `series`; see the module's comment for the method. Needs
 * at least two whole batches.
 */
export function mserTruncation(series: readonly number[], batchSize = MSER_BATCH_SIZE): MserTruncation {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`mserTruncation: expected a batch size that is a whole number >= 1, got ${batchSize}`);
  const bad = series.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (bad >= 0) throw new RangeError(`mserTruncation: expected finite numbers, got ${String(series[bad])} at index ${bad}`);
  const k = Math.floor(series.length / batchSize);
  if (k < 2) throw new RangeError(`mserTruncation: expected at least 2 batches of ${batchSize} observations (${2 * batchSize}), got ${series.length} observations`);
  const b: number[] = [];
  for (let i = 0; i < k; i++) {
    let sum = 0;
    for (let j = 0; j < batchSize; j++) sum += series[i * batchSize + j];
    b.push(sum / batchSize);
  }
  const searchLimit = Math.floor(k / 2);
  const mser: number[] = [];
  let best = 0;
  for (let d = 0; d <= searchLimit; d++) {
    const kept = k - d;
    let mean = 0;
    for (let i = d; i < k; i++) mean += b[i];
    mean /= kept;
    // Two passes (mean, then squares) rather than running sums: no cancellation on a series with a large level.
    let ss = 0;
    for (let i = d; i < k; i++) ss += (b[i] - mean) ** 2;
    mser.push(ss / (kept * kept));
    if (mser[d] < mser[best]) best = d;
  }
  return { batches: k, truncatedBatches: best, truncation: best * batchSize, searchLimit, atSearchLimit: best === searchLimit, mser, batchMeans: b };
}

/** What the check concludes. */
export type WarmupVerdict =
  /** The measured days' pipeline is not shown to move by more than {@link STEADY_DRIFT}. */
  | 'adequate'
  /** It moves by more, and MSER-5 finds a later day after which it holds: the warm-up should end there. */
  | 'too-short'
  /** It moves by more, and no day is found after which it holds: the run is too short to tell where it settles. */
  | 'not-settled'
  /** Too few measured days, or a single replication (no interval). */
  | 'cannot-judge';

/** The drift of the open pipeline over the measured days (step 1 of the module's comment). */
export interface WindowDrift {
  /** Mean over replications of the change from the first weeks to the last weeks, as a share of the window's mean pipeline. */
  drift: number;
  /** Its 95% Student t interval over the replications; null with a single replication. */
  interval: [number, number] | null;
  /** Whole weeks in each of the two halves compared. */
  weeks: number;
  /** The window's mean open pipeline over replications. */
  level: number;
}

/** Where the open pipeline settles, against the warm-up. */
export interface WarmupCheck {
  verdict: WarmupVerdict;
  /**
   * MSER-5's estimate of the day after which the mean pipeline holds (the warm-up advised when the verdict is
   * too-short); null when MSER-5 finds none in the first half of the arrival days, or the verdict is cannot-judge.
   */
  settledAfterDays: number | null;
  warmupDays: number;
  /** Days of lead arrivals. */
  days: number;
  replications: number;
  /** Observations per batch (MSER-5: 5 days). */
  batchDays: number;
  /** Whether the verdict is too-short. */
  warmupTooShort: boolean;
  /** Measured days before the settling point (0 unless the verdict is too-short). */
  shortByDays: number;
  /**
   * (mean pipeline over the measured window - mean pipeline from the settling point on) / the latter: how far the
   * window's pipeline is from its steady level (-0.08: 8% below). Null unless the verdict is too-short.
   */
  windowBias: number | null;
  /** The farthest day MSER-5 searched (half the arrival days in whole batches; 0 when it did not run). */
  searchedDays: number;
  /**
   * The measured days' drift: the mean over replications of the pipeline's change from the first weeks of the
   * measured window to its last weeks, as a share of its mean (0.18: 18% higher at the end); null when too few days.
   */
  drift: number | null;
  /** Its 95% interval over the replications; null with one replication or too few days. */
  driftInterval: [number, number] | null;
  /** Whole weeks in each half compared (0 when too few days). */
  driftWeeks: number;
  /** The change taken as steady, {@link STEADY_DRIFT}: the verdict is not adequate only when the interval lies beyond it. */
  steadyDrift: number;
  /** Whether the interval lies within the steady band both ways: the drift is shown small, not only not shown large. */
  shownSteady: boolean;
  /** Whether the arrivals are a replayed lead stream (whose days cannot be raised). */
  replay: boolean;
  /** Where the warm-up comes from, for the advice: the scenario's `warmupDays`, or a command's `--warmup-days`. */
  warmupFrom: 'scenario' | 'flag';
  /** The mean open pipeline over replications at the start of each arrival day (what MSER-5 reads). */
  series: number[];
}

/**
 * The drift of the open pipeline over days `from`..`to`-1 (step 1 of the module's comment): each replication's mean
 * over the first whole weeks against its mean over as many last whole weeks, as a share of the window's mean over all
 * replications, and the 95% t interval of the mean over replications. The window must hold at least two weeks.
 */
export function windowDrift(pipelines: readonly (readonly number[])[], from: number, to: number): WindowDrift {
  const weeks = Math.floor((to - from) / 14);
  if (weeks < 1) throw new RangeError(`windowDrift: expected a window of at least 14 days, got days ${from} to ${to}`);
  const half = 7 * weeks;
  const sum = (p: readonly number[], a: number, b: number) => {
    let s = 0;
    for (let d = a; d < b; d++) s += p[d];
    return s;
  };
  const r = pipelines.length;
  let level = 0;
  for (const p of pipelines) level += sum(p, from, to) / (to - from) / r;
  // An empty pipeline throughout holds steady: no change, nothing to divide by.
  const changes = pipelines.map((p) => (level > 0 ? (sum(p, to - half, to) - sum(p, from, from + half)) / half / level : 0));
  const drift = changes.reduce((a, x) => a + x, 0) / r;
  if (r < 2) return { drift, interval: null, weeks, level };
  const sd = Math.sqrt(changes.reduce((a, x) => a + (x - drift) ** 2, 0) / (r - 1));
  const half95 = (tQuantile975(r - 1) * sd) / Math.sqrt(r);
  return { drift, interval: [drift - half95, drift + half95], weeks, level };
}

/** Whether a drift's interval lies wholly beyond the steady band: the pipeline is shown to move by more than {@link STEADY_DRIFT}. */
const shownMoving = (d: WindowDrift) => d.interval !== null && (d.interval[0] > STEADY_DRIFT || d.interval[1] < -STEADY_DRIFT);

/**
 * Checks the warm-up of a run: `pipelines` holds each replication's open pipeline at the start of each day of the run
 * (`RunResult.daily.pipeline`, src/sim/runResult.ts), of which the first `days` are the arrival days and the first
 * `warmupDays` of them the warm-up.
 */
export function checkWarmup(
  pipelines: readonly (readonly number[])[],
  run: { days: number; warmupDays: number; replay?: boolean; warmupFrom?: 'scenario' | 'flag' },
): WarmupCheck {
  const { days, warmupDays } = run;
  const replications = pipelines.length;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`checkWarmup: expected days, a whole number >= 1, got ${days}`);
  if (!Number.isInteger(warmupDays) || warmupDays < 0 || warmupDays >= days) throw new RangeError(`checkWarmup: expected warmupDays, a whole number >= 0 and below days (${days}), got ${warmupDays}`);
  if (replications < 1) throw new RangeError('checkWarmup: expected the pipelines of at least 1 replication, got none');
  pipelines.forEach((p, i) => {
    if (p.length < days) throw new RangeError(`checkWarmup: expected a pipeline value for each of the ${days} arrival days, got ${p.length} in replication ${i + 1}`);
    const bad = p.slice(0, days).findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) throw new RangeError(`checkWarmup: expected finite numbers, got ${String(p[bad])} on day ${bad} of replication ${i + 1}`);
  });
  const series = Array.from({ length: days }, (_, d) => pipelines.reduce((a, p) => a + p[d], 0) / replications);
  const base = { warmupDays, days, replications, batchDays: MSER_BATCH_SIZE, steadyDrift: STEADY_DRIFT, series, replay: run.replay ?? false, warmupFrom: run.warmupFrom ?? 'scenario' };
  const none = { settledAfterDays: null, warmupTooShort: false, shortByDays: 0, windowBias: null };
  if (Math.floor((days - warmupDays) / MSER_BATCH_SIZE) < MIN_BATCHES_AFTER_WARMUP) {
    return { verdict: 'cannot-judge', ...none, searchedDays: 0, drift: null, driftInterval: null, driftWeeks: 0, shownSteady: false, ...base };
  }
  const w = windowDrift(pipelines, warmupDays, days);
  const shownSteady = w.interval !== null && w.interval[0] >= -STEADY_DRIFT && w.interval[1] <= STEADY_DRIFT;
  const drift = { drift: w.drift, driftInterval: w.interval, driftWeeks: w.weeks, shownSteady };
  const m = mserTruncation(series);
  const searchedDays = m.searchLimit * MSER_BATCH_SIZE;
  const settled = m.atSearchLimit ? null : m.truncation;
  if (replications < 2) return { verdict: 'cannot-judge', ...none, settledAfterDays: settled, searchedDays, ...drift, ...base };
  if (!shownMoving(w)) return { verdict: 'adequate', ...none, settledAfterDays: settled, searchedDays, ...drift, ...base };
  // Still moving: MSER-5's settling point is the advice only when the days after it hold by the same test.
  const advised = settled !== null && settled > warmupDays && Math.floor((days - settled) / MSER_BATCH_SIZE) >= MIN_BATCHES_AFTER_WARMUP && !shownMoving(windowDrift(pipelines, settled, days));
  if (!advised) return { verdict: 'not-settled', ...none, settledAfterDays: settled, searchedDays, ...drift, ...base };
  const mean = (from: number) => series.slice(from).reduce((a, x) => a + x, 0) / (days - from);
  const steady = mean(settled);
  const windowBias = steady > 0 ? (mean(warmupDays) - steady) / steady : null;
  return { verdict: 'too-short', settledAfterDays: settled, warmupTooShort: true, shortByDays: settled - warmupDays, windowBias, searchedDays, ...drift, ...base };
}

/** What to raise to measure more days: the scenario's field or the command's flag. */
const warmupName = (c: WarmupCheck) => (c.warmupFrom === 'flag' ? '--warmup-days' : 'warmupDays');

/** The advice when the run is too short to tell: more days (not for a replayed stream). */
function simulateMore(c: WarmupCheck): string {
  return c.replay ? 'replay a longer lead stream (a replay runs the days of its stream)' : `simulate more days (and raise ${warmupName(c)} to match)`;
}

/**
 * The check as `--json` gives it (`leadlab run`, `leadlab compare`): every field but the series (the first `days` of
 * `daily.pipeline`, printed beside it), and the sentence as `message`.
 */
export function warmupJson(c: WarmupCheck): Omit<WarmupCheck, 'series'> & { message: string } {
  const { series: _series, ...check } = c;
  return { ...check, message: warmupSentence(c) };
}

/** A signed share in percent: "+3%", "-0.4%", "+18%" (with `minus` for the sign of a negative one). */
function signedPercent(x: number, minus: string): string {
  const p = x * 100;
  const digits = Math.abs(p) < 9.95 ? 1 : 0;
  const text = Math.abs(p).toFixed(digits);
  return `${Number(text) === 0 ? '' : p < 0 ? minus : '+'}${text}%`;
}

/** "by +3.0% from the first 4 measured weeks to the last 4 (95% interval -1.0% to +7.0%, 10 replications)". */
function driftClause(c: WarmupCheck, minus: string): string {
  const weeks = c.driftWeeks === 1 ? 'first measured week to the last' : `first ${c.driftWeeks} measured weeks to the last ${c.driftWeeks}`;
  const interval = c.driftInterval ? ` (95% interval ${signedPercent(c.driftInterval[0], minus)} to ${signedPercent(c.driftInterval[1], minus)}, ${plural(c.replications, 'replication')})` : '';
  return `by ${signedPercent(c.drift!, minus)} from the ${weeks}${interval}`;
}

/**
 * One sentence for the user, as `leadlab run` prints it and the page shows it: negative changes are written with
 * `minus`, "-" in a terminal and "\u2212" on the page (as the page writes every other negative number).
 */
export function warmupSentence(c: WarmupCheck, minus = '-'): string {
  const measured = c.days - c.warmupDays;
  const steady = `${Math.round(STEADY_DRIFT * 100)}%`;
  switch (c.verdict) {
    case 'cannot-judge':
      if (c.drift === null) {
        return (
          `Warm-up: cannot judge whether the ${c.warmupDays}-day warm-up is long enough: the ${plural(measured, 'measured day')} ` +
          `${measured === 1 ? 'makes' : 'make'} fewer than ${MIN_BATCHES_AFTER_WARMUP} batches of ${c.batchDays} days, too few to compare their first weeks with their last; ${c.replay ? 'replay a longer lead stream' : 'simulate more days'} to find out.`
        );
      }
      return (
        `Warm-up: cannot judge whether the ${c.warmupDays}-day warm-up is long enough from 1 replication: the open pipeline changes ${driftClause(c, minus)}, ` +
        `and telling that from chance takes the spread of at least 2 replications; run more.`
      );
    case 'adequate':
      // "Adequate" only when the interval shows the drift small; a wide one shows only that it is not shown large.
      return c.shownSteady
        ? `Warm-up: adequate: the open pipeline changes ${driftClause(c, minus)}, within the ${steady} taken as steady.`
        : `Warm-up: not shown to be too short: the open pipeline changes ${driftClause(c, minus)}: no change beyond the ${steady} taken as steady is shown, nor ruled out (more replications narrow the interval).`;
    case 'not-settled': {
      const where = c.settledAfterDays === null ? `MSER-5 finds no settling point in the first ${c.searchedDays} arrival days` : `the days after MSER-5's settling point (day ${c.settledAfterDays}) still move`;
      return `Warm-up: the open pipeline still ${c.drift! > 0 ? 'rises' : 'falls'} ${driftClause(c, minus)}, over the ${steady} taken as steady, and ${where}; ${simulateMore(c)}.`;
    }
    case 'too-short': {
      const settled = c.settledAfterDays!;
      const bias = c.windowBias;
      const level =
        bias === null ? '' : Math.round(Math.abs(bias) * 100) === 0 ? ' (mean pipeline within 1% of its settled level)' : ` (mean pipeline ${Math.round(Math.abs(bias) * 100)}% ${bias < 0 ? 'below' : 'above'} its settled level)`;
      const filling = bias !== null && bias < 0 ? 'still filling' : 'still settling';
      const first = c.shortByDays === 1 ? 'the first measured day is' : `the first ${c.shortByDays} measured days are`;
      return (
        `Warm-up: too short: the open pipeline still ${c.drift! > 0 ? 'rises' : 'falls'} ${driftClause(c, minus)}, over the ${steady} taken as steady. ` +
        `It settles after about ${settled} days (MSER-5 over the mean daily pipeline); the warm-up is ${plural(c.warmupDays, 'day')}, so ${first} ${filling}${level}: ` +
        (c.replay
          ? `raise ${warmupName(c)} to ${settled} (${plural(c.days - settled, 'measured day')} of the replayed stream would remain).`
          : `raise ${warmupName(c)} to ${settled} (and days by ${c.shortByDays}, to ${c.days + c.shortByDays}, to keep ${plural(measured, 'measured day')}).`)
      );
    }
  }
}
