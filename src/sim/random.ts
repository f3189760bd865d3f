import { alea, aleaFromState, mashWords, seedAlea, seedAleaWords, type AleaState } from './alea';
import { DOUBLE_FIELD } from './stableShapes';

/** A source of uniform numbers in [0, 1). Randomness is always passed in, never global. */
export type Rng = () => number;

/**
 * A seeded stream for one purpose, derived from the run seed and a key, e.g. `stream(seed, 'arrivals')` or
 * `stream(seed, 'lead-calls', 42)`. Streams keyed by lead make common random numbers fall out: two policies
 * run on the same seed see the same leads with the same luck on each lead's k-th call.
 *
 * Uses Baagøe's Alea generator (`./alea`, the same numbers as seedrandom's `alea`): fast, about 2^116 period, and
 * cheap to create per lead. A stream without a key is seeded by the string "seed/purpose"; a stream keyed by a
 * non-negative integer starts from an integer hash of the key (see {@link seedStream}).
 */
export function stream(seed: string | number, purpose: string, key?: number | string): Rng {
  if (isIntegerKey(key)) {
    // Fractions from the start (src/sim/stableShapes.ts): seeding overwrites every field.
    const state: AleaState = { s0: DOUBLE_FIELD, s1: DOUBLE_FIELD, s2: DOUBLE_FIELD, c: 1 };
    seedStream(seed, purpose, key, state);
    return aleaFromState(state);
  }
  const name = key === undefined ? `${seed}/${purpose}` : `${seed}/${purpose}/${key}`;
  return alea(name);
}

/*
 * Keyed streams (one per lead and purpose: about 200,000 a year in a 50-agent shop) are seeded without building or
 * hashing a string per lead. "seed/purpose" is hashed once per run into a 64-bit purpose key (two Mash words); a
 * lead's id is mixed with that key through two rounds of an integer finalizer, and three more give the three 32-bit
 * words of Alea's state: counter-based seeding, as in splitmix. Consecutive ids get unrelated states, and the two
 * purposes of one lead unrelated streams (test/sim/streamIndependence.test.ts). A stream depends only on the seed
 * (with its replication), the purpose and the key, never on the policy: common random numbers hold.
 */

/** The golden ratio's 32-bit fraction: the counter step between a stream's words. */
const GOLDEN = 0x9e3779b9;

/**
 * Chris Wellons' "lowbias32" integer finalizer (a bijection on 32-bit words with near-ideal avalanche, from his hash
 * prospector; the same shape as murmur3's fmix32 with better constants). Returns a signed 32-bit word.
 */
function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

function isIntegerKey(key: unknown): key is number {
  return typeof key === 'number' && Number.isSafeInteger(key) && key >= 0;
}

/**
 * Sets `out` (any object with Alea's state fields, e.g. a lead) to the start of `stream(seed, purpose, key)`, for a
 * non-negative integer key: draws with `aleaNext` (./alea) on it give the stream's numbers, with no object per stream.
 */
export function seedStream(seed: string | number, purpose: string, key: number, out: AleaState): void {
  // Other keys (none in the simulator) are seeded by the string "seed/purpose/key", as unkeyed streams are.
  if (!isIntegerKey(key)) return seedAlea(`${seed}/${purpose}/${key}`, out);
  const k = purposeKey(seed, purpose);
  // The key's low and high 32 bits, mixed with the purpose key in two rounds; then one round per word of state.
  const x = lowbias32(lowbias32((key >>> 0) ^ k.k0) ^ ((key / 4294967296) >>> 0) ^ k.k1);
  seedAleaWords(lowbias32(x + GOLDEN), lowbias32(x + 2 * GOLDEN), lowbias32(x + 3 * GOLDEN), out);
}

/** A purpose key: two 32-bit words hashed from "seed/purpose". */
interface PurposeKey {
  readonly k0: number;
  readonly k1: number;
}

/**
 * Purpose keys by seed and purpose, so that a per-lead stream hashes no string. Bounded: a long sweep goes through
 * many seeds. The last seed's table is kept aside, as a run asks for the same seed again and again.
 */
const keys = new Map<string | number, Map<string, PurposeKey>>();
let lastSeed: string | number | undefined, lastBySeed: Map<string, PurposeKey> | undefined;

function purposeKey(seed: string | number, purpose: string): PurposeKey {
  let bySeed = seed === lastSeed ? lastBySeed : keys.get(seed);
  if (!bySeed) {
    if (keys.size >= 64) keys.clear();
    bySeed = new Map();
    keys.set(seed, bySeed);
  }
  lastSeed = seed;
  lastBySeed = bySeed;
  let k = bySeed.get(purpose);
  if (!k) {
    const [k0, k1] = mashWords(`${seed}/${purpose}`);
    k = { k0: k0 | 0, k1: k1 | 0 };
    bySeed.set(purpose, k);
  }
  return k;
}

/** A seed for replication `r` of a run with base seed `seed`; stable across processes and workers. */
export function replicationSeed(seed: string | number, replication: number): string {
  return `${seed}#${replication}`;
}
