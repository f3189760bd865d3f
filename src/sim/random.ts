import { alea, aleaWithKey } from './alea';

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
  if (typeof key === 'number' && Number.isSafeInteger(key) && key >= 0) {
    const prefix = prefixCodes(seed, purpose);
    if (prefix) return aleaWithKey(prefix, key);
  }
  const name = key === undefined ? `${seed}/${purpose}` : `${seed}/${purpose}/${key}`;
  return alea(name);
}

/**
 * Character codes of "seed/purpose/" by seed and purpose, so that a per-lead stream does not build and hash a new
 * string's prefix each time. Bounded: a long sweep goes through many seeds.
 */
const prefixes = new Map<string | number, Map<string, Uint16Array | undefined>>();

function prefixCodes(seed: string | number, purpose: string): Uint16Array | undefined {
  let bySeed = prefixes.get(seed);
  if (!bySeed) {
    if (prefixes.size >= 64) prefixes.clear();
    bySeed = new Map();
    prefixes.set(seed, bySeed);
  }
  let codes = bySeed.get(purpose);
  if (codes === undefined && !bySeed.has(purpose)) {
    const text = `${seed}/${purpose}/`;
    // Long seeds (rare) take the plain path; the code buffer holds prefix and key together.
    if (text.length <= 200) {
      codes = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
    }
    bySeed.set(purpose, codes);
  }
  return codes;
}

/** A seed for replication `r` of a run with base seed `seed`; stable across processes and workers. */
export function replicationSeed(seed: string | number, replication: number): string {
  return `${seed}#${replication}`;
}
