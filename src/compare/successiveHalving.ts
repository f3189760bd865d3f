/** One round of successive halving: who ran, with how many replications in all, and their means. */
export interface HalvingRound {
  candidates: number[];
  replications: number;
  means: number[];
}

export interface HalvingResult {
  /** Index of the best candidate of the last round. */
  best: number;
  rounds: HalvingRound[];
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
    rounds.push({ candidates: [...survivors], replications: target, means });
    const sign = options.higherIsBetter ? -1 : 1;
    const ranked = survivors
      .map((c, k) => ({ c, m: means[k] }))
      .sort((a, b) => (Number.isNaN(a.m) ? 1 : 0) - (Number.isNaN(b.m) ? 1 : 0) || sign * (a.m - b.m) || a.c - b.c);
    survivors = ranked.slice(0, Math.max(1, Math.ceil(survivors.length / 2))).map((x) => x.c);
    if (survivors.length === 1 && round >= totalRounds - 1) break;
  }
  return { best: survivors[0], rounds, runs, values };
}
