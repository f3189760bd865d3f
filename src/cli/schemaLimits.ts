import { availableParallelism } from 'node:os';
import { MAX_DAYS, MAX_REPLICATIONS } from '../scenario/schema';

/** `--replications` takes what a scenario's `replications` takes. */
export const REPLICATIONS_LIMIT = { value: MAX_REPLICATIONS, why: `the scenario schema caps replications at ${MAX_REPLICATIONS.toLocaleString('en-US')}` };

/** `--warmup-days` takes what a scenario's `warmupDays` takes. */
export const WARMUP_DAYS_LIMIT = { value: MAX_DAYS, why: `the scenario schema caps warmupDays at ${MAX_DAYS.toLocaleString('en-US')}` };

/**
 * `--workers` takes up to four threads per core (at least 8): each worker thread holds its own copy of the simulator
 * and its own heap (about 40 MB before its first run), so a mistyped `--workers 1000` would start a thousand of them
 * for no speed beyond the cores.
 */
export const WORKERS_LIMIT = (() => {
  const cores = availableParallelism();
  const value = Math.max(8, 4 * cores);
  return { value, why: `${value === 8 ? 'at least 8, and ' : ''}4 per core on this machine's ${cores} core${cores === 1 ? '' : 's'}; more threads than cores run no faster` };
})();

/** The most runs `leadlab optimize` spends: a million runs of the default scenario take about six hours of one core. */
export const MAX_BUDGET = 1_000_000;
export const BUDGET_LIMIT = { value: MAX_BUDGET, why: 'a million runs of the default scenario take about six hours of one core' };
