/** One round of successive halving: who ran, with how many replications in all, and their means. */
export interface HalvingRound {
  candidates: number[];
  replications: number;
  means: number[];
}

export interface HalvingResult {
  /** Index of the best candidate of the last round. */
  best: number;
  /** The rounds that ran something: a round the budget had no run left for is not a round. */
  rounds: HalvingRound[];
  /**
   * The round (from 1) after which the budget ran out while more than one candidate was left: the rest of the
   * halving ranked them on the replications already run. Null when the halving ran down to one candidate.
   */
  budgetRanOutAfter: number | null;
  /** Runs spent (each candidate-replication once: later rounds reuse earlier replications). */
  runs: number;
  /** Every value measured, by candidate, in replication order. */
  values: number[][];
}

export interface HalvingOptions {
  candidates: number;
  /** Most runs to spend. */
  budget: number;
  higherIsBetter: boolean;
  /** Runs the given replications of the given candidates; returns the metric of each, in order. */
  evaluate(tasks: { candidate: number; replication: number }[]): Promise<number[]>;
  /** Replications every candidate gets in the first round (at least 2, for an interval). */
  minReplications?: number;
}

/**
 * The mean of the replications where the metric is defined (as every summary of the project takes it, and as the
 * command reports the best); NaN when it is defined in none. A single undefined replication (a cost per funded loan
 * in a replication that funded nothing) must not make the whole candidate undefined and rank it last.
 */
const meanOf = (xs: number[]) => {
  const defined = xs.filter(Number.isFinite);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN;
};

/**
 * Successive halving (Karnin, Koren and Somekh 2013; Jamieson and Talwalkar 2016): every candidate gets a few
 * replications, the better half goes on with twice as many, and so on until one is left, so replications are spent
 * on the promising candidates. Replication r of every candidate uses the same random numbers (the caller's seed), so
 * candidates are ranked on common random numbers. Ties and undefined (NaN) means rank by candidate index, NaN last.
 */
export async function successiveHalving(options: HalvingOptions): Promise<HalvingResult> {
  const n = options.candidates;
  const minReps = Math.max(2, options.minReplications ?? 2);
  if (!(n >= 1)) throw new Error(`optimize: expected at least one candidate, got ${n}`);
  if (options.budget < n * minReps) {
    throw new Error(`optimize: a budget of ${options.budget} runs is too small for ${n} candidates; it needs at least ${n * minReps} (${minReps} replications each)`);
  }
  const totalRounds = Math.max(1, Math.ceil(Math.log2(n)) + (n === 1 ? 1 : 0));
  const values: number[][] = Array.from({ length: n }, () => []);
  const rounds: HalvingRound[] = [];
  let survivors = Array.from({ length: n }, (_, i) => i);
  let runs = 0;
  // Whether the last halving ran nothing: the same replications ranked again, not a round.
  let idle = false;
  for (let round = 0; round < totalRounds; round++) {
    // What is left of the budget is shared equally by the rounds to come; each survivor adds its share of this round's
    // part to the replications it already has (earlier ones are reused). Never more than the budget.
    const thisRound = Math.floor((options.budget - runs) / (totalRounds - round));
    const have = Math.max(0, ...survivors.map((c) => values[c].length));
    let target = Math.max(minReps, have + Math.floor(thisRound / survivors.length));
    const extra = () => survivors.reduce((a, c) => a + Math.max(0, target - values[c].length), 0);
    while (target > minReps && runs + extra() > options.budget) target--;
    const tasks = survivors.flatMap((c) => Array.from({ length: Math.max(0, target - values[c].length) }, (_, k) => ({ candidate: c, replication: values[c].length + k })));
    const measured = tasks.length ? await options.evaluate(tasks) : [];
    tasks.forEach((t, k) => (values[t.candidate][t.replication] = measured[k]));
    runs += tasks.length;
    const means = survivors.map((c) => meanOf(values[c]));
    if (tasks.length) rounds.push({ candidates: [...survivors], replications: target, means });
    idle = !tasks.length;
    const sign = options.higherIsBetter ? -1 : 1;
    const ranked = survivors
      .map((c, k) => ({ c, m: means[k] }))
      .sort((a, b) => (Number.isNaN(a.m) ? 1 : 0) - (Number.isNaN(b.m) ? 1 : 0) || sign * (a.m - b.m) || a.c - b.c);
    survivors = ranked.slice(0, Math.max(1, Math.ceil(survivors.length / 2))).map((x) => x.c);
    if (survivors.length === 1 && round >= totalRounds - 1) break;
  }
  return { best: survivors[0], rounds, budgetRanOutAfter: idle ? rounds.length : null, runs, values };
}

/** How a budget of runs is shared by the search and the confirmation of its best (see confirmationSplit). */
export interface BudgetSplit {
  /** Runs of the successive halving. */
  search: number;
  /** Fresh replications of the best, and as many of the starting policy, paired. */
  confirmReplications: number;
}

/**
 * The budget covers everything `optimize` runs: the search, then the best and the starting policy on fresh
 * replications the search never used, paired (the search's own replications picked the best, so its gain on them is
 * optimistic: the winner's curse). A tenth of the budget goes to each side of the confirmation, at least 2
 * replications each for an interval; the search keeps at least 2 replications per candidate. A budget too small for
 * both is refused, in the words of the search's own refusal.
 */
export function confirmationSplit(budget: number, candidates: number, minReplications = 2): BudgetSplit {
  const minReps = Math.max(2, minReplications);
  const need = candidates * minReps + 2 * minReps;
  if (!(budget >= need)) {
    throw new Error(`optimize: a budget of ${budget} runs is too small for ${candidates} candidates; it needs at least ${need} (${minReps} replications each, and ${minReps} fresh replications of the best and of the starting policy to confirm the gain)`);
  }
  const confirmReplications = Math.max(minReps, Math.min(Math.floor(budget / 10), Math.floor((budget - candidates * minReps) / 2)));
  return { search: budget - 2 * confirmReplications, confirmReplications };
}

/** The first replication index the search did not use for any candidate: the confirmation starts there. */
export const firstFreshReplication = (result: HalvingResult): number => Math.max(0, ...result.values.map((v) => v.length));

/**
 * True when every candidate gave the same results as every other on each replication both ran (`runs[c][r]` is a
 * fingerprint of candidate c's replication r, say its metrics as JSON): a setting that does not bind, where the
 * search's "best" is only the first of equals and should not be offered as better.
 */
export function allCandidatesSame(runs: readonly (readonly unknown[])[]): boolean {
  if (runs.length < 2 || runs.some((v) => v.length === 0)) return false;
  // Each replication against the first candidate that ran it: the survivors of a round ran more than the others.
  const longest = Math.max(...runs.map((v) => v.length));
  for (let r = 0; r < longest; r++) {
    const ran = runs.filter((v) => r < v.length);
    if (ran.some((v) => v[r] !== ran[0][r])) return false;
  }
  return true;
}
