import type { Rng } from './random';

/*
 * Johannes Baagøe's Alea generator, as seedrandom's `alea` (node_modules/seedrandom/lib/alea.js) implements it,
 * producing the same numbers for the same seed string (test/sim/alea.test.ts), written for the simulation's hot
 * path: a lead seeds two streams, so a year of a 50-agent shop seeds 200,000. seedrandom builds an object, a Mash
 * closure and three helper closures per stream, and hashes three spaces before every seed; here the spaces are
 * hashed once, and a stream is one closure over one small state object.
 */

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/** Baagøe's Mash hash: feeds `data` into the running state `n` and returns the new state. */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

// Alea first hashes ' ' three times from Mash's fixed start; the state and values are the same for every seed.
const N0 = 0xefc8249d;
const N1 = mash(N0, ' ');
const N2 = mash(N1, ' ');
const N3 = mash(N2, ' ');
const S0 = (N1 >>> 0) * TWO_TO_MINUS_32;
const S1 = (N2 >>> 0) * TWO_TO_MINUS_32;
const S2 = (N3 >>> 0) * TWO_TO_MINUS_32;

/** Mash over character codes (the same hash as {@link mash} over the string they spell). */
function mashCodes(n: number, codes: ArrayLike<number>, length: number): number {
  for (let i = 0; i < length; i++) {
    n += codes[i];
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/** A uniform [0, 1) stream seeded by a string; identical to `seedrandom.alea(seed)`. */
export function alea(seed: string): Rng {
  let n = mash(N3, seed);
  let s0 = S0 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s0 < 0) s0 += 1;
  n = mash(n, seed);
  let s1 = S1 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s1 < 0) s1 += 1;
  n = mash(n, seed);
  let s2 = S2 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s2 < 0) s2 += 1;
  return generator(s0, s1, s2);
}

/** Character codes of a seed being built, reused: seeding runs one stream at a time. */
const seedCodes = new Uint16Array(256);

/**
 * `alea(prefix + key)` for a non-negative integer `key`, from the prefix's character codes, without building the
 * seed string: a run seeds a few streams per lead, all of the form "seed/purpose/id" (src/sim/random.ts).
 */
export function aleaWithKey(prefixCodes: Uint16Array, key: number): Rng {
  let len = prefixCodes.length;
  seedCodes.set(prefixCodes);
  // The key's decimal digits, as String(key) writes them.
  let digits = 1;
  for (let k = key; k >= 10; k = Math.floor(k / 10)) digits++;
  for (let i = digits - 1, k = key; i >= 0; i--, k = Math.floor(k / 10)) seedCodes[len + i] = 48 + (k % 10);
  len += digits;
  let n = mashCodes(N3, seedCodes, len);
  let s0 = S0 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s0 < 0) s0 += 1;
  n = mashCodes(n, seedCodes, len);
  let s1 = S1 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s1 < 0) s1 += 1;
  n = mashCodes(n, seedCodes, len);
  let s2 = S2 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s2 < 0) s2 += 1;
  return generator(s0, s1, s2);
}

function generator(s0: number, s1: number, s2: number): Rng {
  // The state lives in object fields, which V8 updates in place; `let` variables captured by the closure would
  // box a fresh number on every draw (measured: twice as slow, and garbage for the collector).
  const state = { s0, s1, s2, c: 1 };
  return () => {
    const t = 2091639 * state.s0 + state.c * TWO_TO_MINUS_32;
    state.s0 = state.s1;
    state.s1 = state.s2;
    return (state.s2 = t - (state.c = t | 0));
  };
}
