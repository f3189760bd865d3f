import { plural } from '../format/plural';
import { tQuantile975 } from '../stats/tQuantile975';

/**
 * Is the warm-up long enough? A run discards its first `warmupDays` of arrivals because pipelines start empty
 * (docs/design.md, Statistics); the warm-up should last until they are steady. This module finds where the open
 * pipeline settles with MSER-5, the Marginal Standard Error Rule on batch means of 5 observations, and compares
 * that point with the warm-up.
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
 *
 * Applied here to the open pipeline of the whole floor (`daily.pipeline`, src/sim/runResult.ts: index d is the start
 * of day d of the run, warm-up days included, from day 0) averaged over the replications (src/sim/summary.ts), over
 * the arrival days 0..days-1 only: in the cool-down after them no lead arrives and pipelines drain, which is not the
 * steady state the measured window should come from. The replications share one warm-up, so the rule reads their
 * mean, where the noise is smaller (as Welch's graphical method does; Law, Simulation Modeling and Analysis, ch. 9).
 * The pipeline is taken as the slowest state of the floor to fill (assumption: a lead stays in it for the weeks of the
 * loan process, src/sim/loanProcess.ts); its weekly rhythm (weekends), which 5-day batches do not average out, counts
 * as noise.
 */

/** Observations per batch: the 5 of MSER-5 (White 1997, see the module's comment). */
export const MSER_BATCH_SIZE = 5;

/**
 * Fewest whole batches after the warm-up for a verdict (assumption: with fewer, the measured window is under 20 days
 * and MSER's variance of the kept batch means rests on three numbers or fewer).
 */
export const MIN_BATCHES_AFTER_WARMUP = 4;

/**
 * How far the kept part may still move for the pipeline to count as settled: a straight line fitted to the batch
 * means after MSER's cut that rises or falls by more than this share of their mean over them, with a slope 95% sure
 * to be non-zero, means the series is still moving (assumption: 5%, within the spread of a settled floor's pipeline
 * from one replication to the next). MSER alone picks a cut inside a series that rises from start to end (a run much
 * shorter than the time its pipeline takes to fill): this check keeps such a run from being called settled.
 */
export const MAX_DRIFT_AFTER_CUT = 0.05;

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
  /** The pipeline settles within the warm-up. */
  | 'adequate'
  /** The pipeline settles after the warm-up ends: the first measured days are still filling. */
  | 'too-short'
  /** MSER-5 finds no settling point in the first half of the arrival days. */
  | 'not-settled'
  /** Too few measured days for the method. */
  | 'cannot-judge';

/** Where the open pipeline settles, against the warm-up. */
export interface WarmupCheck {
  verdict: WarmupVerdict;
  /** Days after which the open pipeline is steady (MSER-5's truncation); null when the verdict is not-settled or cannot-judge. */
  settledAfterDays: number | null;
  warmupDays: number;
  /** Days of lead arrivals. */
  days: number;
  replications: number;
  /** Observations per batch (MSER-5: 5 days). */
  batchDays: number;
  /** Whether the warm-up is shorter than the settling point (false when there is none). */
  warmupTooShort: boolean;
  /** Measured days before the settling point (0 when adequate or unknown). */
  shortByDays: number;
  /**
   * (mean pipeline over the measured window - mean pipeline from the settling point on) / the latter: how far the
   * window's pipeline is from its steady level (-0.08: 8% below). Null without a settling point or a pipeline.
   */
  windowBias: number | null;
  /** The farthest day MSER-5 searched (half the arrival days in whole batches). */
  searchedDays: number;
  /**
   * When the pipeline still moves after MSER's cut: the change of a straight line fitted to the kept batch means over
   * them, as a share of their mean (0.18: it rises 18% more); null otherwise (see {@link MAX_DRIFT_AFTER_CUT}).
   */
  drift: number | null;
  /** The day of MSER's cut when the pipeline still moves after it (verdict not-settled); null otherwise. */
  cutDay: number | null;
  /** Whether the arrivals are a replayed lead stream (whose days cannot be raised). */
  replay: boolean;
  /** Where the warm-up comes from, for the advice: the scenario's `warmupDays`, or a command's `--warmup-days`. */
  warmupFrom: 'scenario' | 'flag';
  /** The series judged: mean open pipeline over replications at the start of each arrival day. */
  series: number[];
}

/**
 * Checks the warm-up of a run: `pipeline` is the mean over `replications` of the open pipeline at the start of each
 * day of the run (`ScenarioSummary.daily.pipeline`, src/sim/summary.ts), of which the first `days` are the arrival
 * days and the first `warmupDays` of them the warm-up.
 */
export function checkWarmup(
  pipeline: readonly number[],
  run: { days: number; warmupDays: number; replications: number; replay?: boolean; warmupFrom?: 'scenario' | 'flag' },
): WarmupCheck {
  const { days, warmupDays, replications } = run;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`checkWarmup: expected days, a whole number >= 1, got ${days}`);
  if (!Number.isInteger(warmupDays) || warmupDays < 0 || warmupDays >= days) throw new RangeError(`checkWarmup: expected warmupDays, a whole number >= 0 and below days (${days}), got ${warmupDays}`);
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`checkWarmup: expected replications, a whole number >= 1, got ${replications}`);
  if (pipeline.length < days) throw new RangeError(`checkWarmup: expected a pipeline value for each of the ${days} arrival days, got ${pipeline.length}`);
  const series = pipeline.slice(0, days);
  const base = { warmupDays, days, replications, batchDays: MSER_BATCH_SIZE, series, replay: run.replay ?? false, warmupFrom: run.warmupFrom ?? 'scenario' };
  const none = { settledAfterDays: null, warmupTooShort: false, shortByDays: 0, windowBias: null, drift: null, cutDay: null };
  if (Math.floor((days - warmupDays) / MSER_BATCH_SIZE) < MIN_BATCHES_AFTER_WARMUP) return { verdict: 'cannot-judge', ...none, searchedDays: 0, ...base };
  const m = mserTruncation(series);
  const searchedDays = m.searchLimit * MSER_BATCH_SIZE;
  if (m.atSearchLimit) return { verdict: 'not-settled', ...none, searchedDays, ...base };
  const settled = m.truncation;
  const drift = driftOf(m.batchMeans.slice(m.truncatedBatches));
  if (drift !== null) return { verdict: 'not-settled', ...none, drift, cutDay: settled, searchedDays, ...base };
  const mean = (from: number) => series.slice(from).reduce((a, x) => a + x, 0) / (days - from);
  const steady = mean(settled);
  const windowBias = steady > 0 ? (mean(warmupDays) - steady) / steady : null;
  const tooShort = warmupDays < settled;
  return { verdict: tooShort ? 'too-short' : 'adequate', settledAfterDays: settled, warmupTooShort: tooShort, shortByDays: tooShort ? settled - warmupDays : 0, windowBias, drift: null, cutDay: null, searchedDays, ...base };
}

/**
 * The drift of the batch means `b` kept after MSER's cut: the change of their least-squares line over them as a share
 * of their mean, when it exceeds {@link MAX_DRIFT_AFTER_CUT} and its slope's 95% interval (Student t on the kept
 * batches less 2) excludes 0; null when the kept part holds still by that test.
 */
function driftOf(b: readonly number[]): number | null {
  const n = b.length;
  if (n < 3) return null;
  const xMean = (n - 1) / 2, yMean = b.reduce((a, y) => a + y, 0) / n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i - xMean) ** 2;
    sxy += (i - xMean) * (b[i] - yMean);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (b[i] - yMean - slope * (i - xMean)) ** 2;
  const se = Math.sqrt(sse / (n - 2) / sxx);
  const change = (slope * (n - 1)) / yMean;
  if (!(yMean > 0) || Math.abs(change) <= MAX_DRIFT_AFTER_CUT) return null;
  return Math.abs(slope) > tQuantile975(n - 2) * se ? change : null;
}

/** What to raise to measure more days: the scenario's field or the command's flag. */
const warmupName = (c: WarmupCheck) => (c.warmupFrom === 'flag' ? '--warmup-days' : 'warmupDays');

/** The advice when the run is too short to tell: more days (not for a replayed stream), and more replications when few. */
function simulateMore(c: WarmupCheck): string {
  const days = c.replay ? 'replay a longer lead stream (a replay runs the days of its stream)' : `simulate more days (and raise ${warmupName(c)} to match)`;
  return c.replications < 5 ? `${days}, or more replications: the mean of ${plural(c.replications, 'replication')} is noisy` : days;
}

/**
 * The check as `--json` gives it (`leadlab run`, `leadlab compare`): every field but the series (the first `days` of
 * `daily.pipeline`, printed beside it), and the sentence as `message`.
 */
export function warmupJson(c: WarmupCheck): Omit<WarmupCheck, 'series'> & { message: string } {
  const { series: _series, ...check } = c;
  return { ...check, message: warmupSentence(c) };
}

/** One sentence for the user, as `leadlab run` prints it and the page shows it. */
export function warmupSentence(c: WarmupCheck): string {
  const over = `over the mean daily pipeline of ${plural(c.replications, 'replication')}`;
  const how = `MSER-5 ${over}`;
  switch (c.verdict) {
    case 'cannot-judge': {
      const measured = c.days - c.warmupDays;
      return (
        `Warm-up: cannot judge whether the ${c.warmupDays}-day warm-up is long enough: the ${plural(measured, 'measured day')} ` +
        `${measured === 1 ? 'makes' : 'make'} fewer than ${MIN_BATCHES_AFTER_WARMUP} batches of ${c.batchDays} days, too few for MSER-5; ${c.replay ? 'replay a longer lead stream' : 'simulate more days'} to find out.`
      );
    }
    case 'not-settled':
      if (c.drift !== null) {
        return (
          `Warm-up: the open pipeline still ${c.drift > 0 ? 'rises' : 'falls'} after day ${c.cutDay} (by ${Math.round(Math.abs(c.drift) * 100)}% over the rest of the ${c.days} arrival days, ${over}), ` +
          `so this run cannot tell where it settles nor whether the ${c.warmupDays}-day warm-up is long enough; ${simulateMore(c)}.`
        );
      }
      return (
        `Warm-up: the open pipeline is still changing at day ${c.searchedDays}, half of the ${c.days} arrival days and the farthest MSER-5 looks (${over}), ` +
        `so it cannot tell where the pipeline settles nor whether the ${c.warmupDays}-day warm-up is long enough; ${simulateMore(c)}.`
      );
    case 'adequate':
      if (c.settledAfterDays === 0) return `Warm-up: adequate: the open pipeline holds steady from the first days (${how}).`;
      return `Warm-up: adequate: the open pipeline settles after about ${plural(c.settledAfterDays!, 'day')} (${how}), within the ${c.warmupDays}-day warm-up.`;
    case 'too-short': {
      const settled = c.settledAfterDays!;
      const bias = c.windowBias;
      const level =
        bias === null ? '' : Math.round(Math.abs(bias) * 100) === 0 ? ' (mean pipeline within 1% of its settled level)' : ` (mean pipeline ${Math.round(Math.abs(bias) * 100)}% ${bias < 0 ? 'below' : 'above'} its settled level)`;
      const filling = bias !== null && bias < 0 ? 'still filling' : 'still settling';
      const first = c.shortByDays === 1 ? 'the first measured day is' : `the first ${c.shortByDays} measured days are`;
      return (
        `Warm-up: the open pipeline settles after about ${settled} days (${how}); the warm-up is ${plural(c.warmupDays, 'day')}, so ${first} ${filling}${level}: ` +
        (c.replay
          ? `raise ${warmupName(c)} to ${settled} (${plural(c.days - settled, 'measured day')} of the replayed stream would remain).`
          : `raise ${warmupName(c)} to ${settled} (and days by ${c.shortByDays}, to ${c.days + c.shortByDays}, to keep ${plural(c.days - c.warmupDays, 'measured day')}).`)
      );
    }
  }
}
