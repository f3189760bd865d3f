import { alea } from './alea';

/** A source of uniform numbers in [0, 1). Randomness is always passed in, never global. */
export type Rng = () => number;

/**
 * A seeded stream for one purpose, derived from the run seed and a key, e.g. `stream(seed, 'arrivals')` or
 * `stream(seed, 'lead-calls', 42)`. Streams keyed by lead make common random numbers fall out: two policies
 * run on the same seed see the same leads with the same luck on each lead's k-th call.
 *
 * Uses Baagøe's Alea generator (`./alea`, the same numbers as seedrandom's `alea`): fast, about 2^116 period, and
 * cheap to create per lead.
 */
export function stream(seed: string | number, purpose: string, key?: number | string): Rng {
  const name = key === undefined ? `${seed}/${purpose}` : `${seed}/${purpose}/${key}`;
  return alea(name);
}

/** A seed for replication `r` of a run with base seed `seed`; stable across processes and workers. */
export function replicationSeed(seed: string | number, replication: number): string {
  return `${seed}#${replication}`;
}
