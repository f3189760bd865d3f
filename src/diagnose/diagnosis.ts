import { pairedDifference, type PairedDifference } from '../compare/pairedDifference';
import { LOSS_BUCKETS, type LossBucket } from '../sim/lossAttribution';
import type { RunResult } from '../sim/runResult';
import { meanInterval } from '../sim/statistics';
import { summarizeLosses, type LossSummary, type MetricSummary } from '../sim/summary';
import type { ReplayRejects } from '../scenario/replay';
import { LADDER, type FloorReach, type Rung } from './ladder';
import { signedFixed } from '../stats/signedFixed';

/** Days in an average month (365.25 / 12): results are scaled from the measured window to a month. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** How one rung of the ladder fared against the floor before it, on common random numbers. */
export interface DiagnosisStep {
  id: Rung['id'];
  label: string;
  change: string;
  /**
   * "won": the paired 95% interval of funded loans a month lies above zero, and the fix is kept for the next rung;
   * "no clear difference": the interval includes zero (not a win); "worse": it lies below zero; "in place": the
   * floor already works this way (nothing to run).
   */
  status: 'won' | 'no clear difference' | 'worse' | 'in place';
  /** Mean funded loans a month before and after the fix, and the paired difference (after minus before). */
  fundedPerMonth: { before: number; after: number; win: PairedDifference };
  revenuePerMonth: { before: number; after: number; win: PairedDifference };
  /** True when the floor keeps this fix for the rungs after it. */
  adopted: boolean;
  /** One plain sentence for the report. */
  sentence: string;
  /**
   * Why the step could not be judged at all, when so: no lead arrived in the measured window, or no loan funded, with
   * the fix or without it (its status is then "no clear difference", but there was nothing to measure).
   */
  nothingToJudge?: NothingToJudge;
}

/** The current floor or the best one found: funded loans and revenue a month, and where production is lost. */
export interface FloorResult {
  fundedPerMonth: MetricSummary;
  revenuePerMonth: MetricSummary;
  /** Loss buckets (leads, lead cost, lost revenue) and the lost leads per agent and unassigned, scaled to a month. */
  losses: LossSummary;
}

export interface Diagnosis {
  scenario: string;
  seed: string | number;
  replications: number;
  /** Measured days of each run, which a month's figures are scaled from. */
  measuredDays: number;
  current: FloorResult;
  steps: DiagnosisStep[];
  best: FloorResult & { scenario: Record<string, unknown> };
  /** True when Ctrl-C stopped the ladder; the steps listed are those that finished. */
  interrupted: boolean;
  /** Rows of the replayed lead stream that were rejected (the floor runs on the rest), when there were any. */
  replayRejects?: ReplayRejects;
  /** Rows of the call log of --log that were rejected (the contact curves are fitted to the rest), when there were any; `kept` counts call attempts. */
  logRejects?: ReplayRejects;
  /**
   * What the floor's scenario warned of, beside the rejected rows (e.g. sources of the lead stream it does not declare,
   * added with no lead cost): the numbers rest on it, so the report says it too. Absent when there was nothing.
   */
  warnings?: string[];
}

/** A per-month scale for runs whose measured window is `measuredDays` long. */
export function monthScale(measuredDays: number): number {
  return DAYS_PER_MONTH / measuredDays;
}

const scaled = (runs: readonly RunResult[], key: 'funded' | 'revenue', k: number) => runs.map((r) => r.metrics[key] * k);

/** Funded loans and revenue a month, and the loss buckets, of one floor's replications. */
export function floorResult(runs: readonly RunResult[], k: number): FloorResult {
  const losses = summarizeLosses(runs);
  const scale = (s: MetricSummary): MetricSummary => ({ ...s, mean: s.mean * k, sd: s.sd * k, ci95: s.ci95 && [s.ci95[0] * k, s.ci95[1] * k] });
  const scaleRow = (row: Record<LossBucket, number>) => Object.fromEntries(LOSS_BUCKETS.map((b) => [b, row[b] * k])) as Record<LossBucket, number>;
  for (const b of LOSS_BUCKETS as LossBucket[]) {
    const x = losses.buckets[b];
    losses.buckets[b] = { leads: scale(x.leads), leadCost: scale(x.leadCost), lostRevenue: scale(x.lostRevenue) };
  }
  // The leads each agent lost, and those no agent held, are a month's too: they split the buckets' leads.
  losses.byAgent = losses.byAgent.map((a) => ({ ...a, buckets: scaleRow(a.buckets) }));
  losses.unassigned = scaleRow(losses.unassigned);
  return { fundedPerMonth: meanInterval(scaled(runs, 'funded', k)), revenuePerMonth: meanInterval(scaled(runs, 'revenue', k)), losses };
}

const loans = (x: number) => `${Math.abs(x).toFixed(1)} funded loan${Math.abs(x).toFixed(1) === '1.0' ? '' : 's'} a month`;
const money = (x: number) => `$${Math.round(Math.abs(x)).toLocaleString('en-US')}`;

/**
 * Why a step has nothing to judge it on: no lead arrived in the measured window, or no loan funded, before or after the
 * fix, in any replication (a paired difference of zeros says nothing about the fix).
 */
export type NothingToJudge = 'no leads' | 'nothing funded';

/**
 * The plain sentence a report prints for a step. `minus` is the sign of negative numbers, as the medium writes its
 * others: "-" in a terminal and in the JSON (the step's `sentence`), "\u2212" on the page and in the printed report
 * (src/ui/format.ts, src/charts/differenceSpec.ts); {@link stepSentenceFor} gives it for a step already judged.
 */
export function stepSentence(step: Omit<DiagnosisStep, 'sentence'>, nothing?: NothingToJudge, minus = '-'): string {
  const w = step.fundedPerMonth.win;
  const signed = (x: number) => signedFixed(x, 1, minus);
  // "Pipeline caps and new-lead limits win", "Speed to lead wins".
  const many = LADDER.find((r) => r.id === step.id)?.plural === true;
  const [wins, makes] = many ? ['win', 'make'] : ['wins', 'makes'];
  const ci = w.ci95 ? ` (95% interval ${signed(w.ci95[0])} to ${signed(w.ci95[1])})` : '';
  if (step.status !== 'in place' && nothing === 'no leads') {
    return `${step.label}: no lead arrived in the measured window of any replication, with the fix or without it, so there is nothing to judge it on; simulate more days or more leads a day.`;
  }
  if (step.status !== 'in place' && nothing === 'nothing funded') {
    return `${step.label}: no loan funded in any replication, with the fix or without it, so there is nothing to judge it on; simulate more days (loans take weeks to fund: see cooldownDays) or check the funnel's conversion.`;
  }
  switch (step.status) {
    case 'in place':
      return `${step.label}: the floor already works this way, so there is nothing to win here.`;
    case 'won': {
      // Funded loans can rise while revenue falls (more loans of a product that brings less): say which way it moves.
      const r = step.revenuePerMonth.win.mean;
      const revenue = Math.round(r) < 0 ? `though about ${money(r)} less revenue a month` : `about ${money(r)} of revenue a month`;
      return `${step.label} ${wins} ${loans(w.mean)}${ci}, ${revenue}: ${lowerFirst(step.change)}`;
    }
    case 'worse':
      return `${step.label} would cost ${loans(w.mean)}${ci} on this floor, so it is not kept.`;
    default:
      if (!w.ci95 && w.agreeExactly) {
        return `${step.label}: every one of the ${w.n} replications gave the same difference, ${signed(w.mean)} funded loans a month, which too few replications cannot tell from luck, so it is not counted as a win; run more replications to judge it.`;
      }
      // Every pair funded as many loans with the fix as without it: an "interval 0.0 to 0.0 that includes zero" said
      // nothing a reader could use, and hid that the fix moved no loan at all on this floor.
      if (w.n >= 2 && w.mean === 0 && w.sd === 0) {
        return `${step.label} ${makes} no difference on this floor: each of the ${w.n} replications funded exactly as many loans with the fix as without it, so it is not counted as a win.`;
      }
      return `${step.label} ${makes} no clear difference on this floor: ${signed(w.mean)} funded loans a month${ci}, an interval that includes zero, so it is not counted as a win.`;
  }
}

/** A judged step's sentence with `minus` as the sign of negatives: "\u2212" for the page and the printed report. */
export function stepSentenceFor(step: DiagnosisStep, minus: string): string {
  return stepSentence(step, step.nothingToJudge, minus);
}
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Judges one rung: paired differences of funded loans and revenue a month, replication by replication. `change` is
 * what the rung changed on this floor (Rung.describe), its general sentence when not given.
 */
export function judgeStep(rung: Rung, before: readonly RunResult[], after: readonly RunResult[], k: number, change = rung.change): DiagnosisStep {
  const fb = scaled(before, 'funded', k), fa = scaled(after, 'funded', k);
  const rb = scaled(before, 'revenue', k), ra = scaled(after, 'revenue', k);
  const win = pairedDifference('funded', fb, fa);
  const status = win.verdict === 'better' ? 'won' : win.verdict === 'worse' ? 'worse' : 'no clear difference';
  const step = {
    id: rung.id,
    label: rung.label,
    change,
    status,
    fundedPerMonth: { before: mean(fb), after: mean(fa), win },
    revenuePerMonth: { before: mean(rb), after: mean(ra), win: pairedDifference('revenue', rb, ra) },
    adopted: status === 'won',
  } as const;
  const runs = [...before, ...after];
  const nothing = runs.every((r) => r.metrics.leads === 0) ? 'no leads' : runs.every((r) => r.metrics.funded === 0) ? 'nothing funded' : undefined;
  return { ...step, sentence: stepSentence(step, nothing), ...(nothing && { nothingToJudge: nothing }) };
}

/** What a floor's replications did with their pipelines, for the sentence of the rung run against it. */
export function floorReach(runs: readonly RunResult[]): FloorReach {
  const agents = runs.flatMap((r) => r.agents ?? []);
  return { maxPipeline: Math.max(0, ...agents.map((a) => a.maxPipeline)), meanPipeline: mean(runs.map((r) => r.metrics.meanPipeline)) };
}

/** A rung the floor already has: nothing is run and the difference is zero. */
export function stepInPlace(rung: Rung, before: readonly RunResult[], k: number): DiagnosisStep {
  const f = mean(scaled(before, 'funded', k)), r = mean(scaled(before, 'revenue', k));
  const zero: PairedDifference = { mean: 0, ci95: null, sd: 0, n: 0, verdict: 'no clear difference', agreeExactly: false };
  const step = { id: rung.id, label: rung.label, change: rung.change, status: 'in place', fundedPerMonth: { before: f, after: f, win: zero }, revenuePerMonth: { before: r, after: r, win: zero }, adopted: false } as const;
  return { ...step, sentence: stepSentence(step) };
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}
