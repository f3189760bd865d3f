import { alea, aleaPrefix, aleaWithKey, seedAlea, seedAleaPairWithKey, seedAleaWithKey, type AleaPrefix, type AleaState } from './alea';

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
    const prefix = prefixOf(seed, purpose);
    if (prefix) return aleaWithKey(prefix, key);
  }
  const name = key === undefined ? `${seed}/${purpose}` : `${seed}/${purpose}/${key}`;
  return alea(name);
}

/**
 * Sets `out` (any object with Alea's state fields, e.g. a lead) to the start of `stream(seed, purpose, key)`, for a
 * non-negative integer key: draws with `aleaNext` (./alea) on it give the stream's numbers, with no object per stream.
 */
export function seedStream(seed: string | number, purpose: string, key: number, out: AleaState): void {
  const prefix = Number.isSafeInteger(key) && key >= 0 ? prefixOf(seed, purpose) : undefined;
  if (prefix) seedAleaWithKey(prefix, key, out);
  else seedAlea(`${seed}/${purpose}/${key}`, out);
}

/** {@link seedStream} for two purposes with one key (a lead's two streams), faster than twice, with the same results. */
export function seedStreamPair(seed: string | number, purposeA: string, purposeB: string, key: number, outA: AleaState, outB: AleaState): void {
  const ok = Number.isSafeInteger(key) && key >= 0;
  const a = ok ? prefixOf(seed, purposeA) : undefined, b = ok ? prefixOf(seed, purposeB) : undefined;
  if (a && b) seedAleaPairWithKey(a, b, key, outA, outB);
  else {
    seedStream(seed, purposeA, key, outA);
    seedStream(seed, purposeB, key, outB);
  }
}

/**
 * "seed/purpose/" hashed once by seed and purpose, so that a per-lead stream does not build and hash a new
 * string's prefix each time. Bounded: a long sweep goes through many seeds. The last seed's table is kept aside, as
 * a run asks for the same seed again and again.
 */
const prefixes = new Map<string | number, Map<string, AleaPrefix | undefined>>();
let lastSeed: string | number | undefined, lastBySeed: Map<string, AleaPrefix | undefined> | undefined;

function prefixOf(seed: string | number, purpose: string): AleaPrefix | undefined {
  let bySeed = seed === lastSeed ? lastBySeed : prefixes.get(seed);
  if (!bySeed) {
    if (prefixes.size >= 64) prefixes.clear();
    bySeed = new Map();
    prefixes.set(seed, bySeed);
  }
  lastSeed = seed;
  lastBySeed = bySeed;
  let prefix = bySeed.get(purpose);
  if (prefix === undefined && !bySeed.has(purpose)) {
    const text = `${seed}/${purpose}/`;
    // Long seeds (rare) take the plain path; the code buffer holds prefix and key together.
    if (text.length <= 200) prefix = aleaPrefix(text);
    bySeed.set(purpose, prefix);
  }
  return prefix;
}

/** A seed for replication `r` of a run with base seed `seed`; stable across processes and workers. */
export function replicationSeed(seed: string | number, replication: number): string {
  return `${seed}#${replication}`;
}
