import { DOUBLE_FIELD } from './stableShapes';
import type { Rng } from './random';

/*
 * Johannes Baagøe's Alea generator, as seedrandom's `alea` (node_modules/seedrandom/lib/alea.js) implements it,
 * producing the same numbers for the same seed string (test/sim/alea.test.ts), written for the simulation's hot
 * path: a lead seeds two streams, so a year of a 50-agent shop seeds 200,000. seedrandom builds an object, a Mash
 * closure and three helper closures per stream, and hashes three spaces before every seed; here the spaces are
 * hashed once, and a stream is one closure over one small state object. The hot path keeps a stream's state in
 * fields of an object it already holds (a lead's, src/sim/lead.ts) and draws with the same step, so a lead's
 * streams cost no objects of their own.
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

/** Mash over character codes `from` to `to` (the same hash as {@link mash} over the string they spell). */
function mashCodes(n: number, codes: ArrayLike<number>, from: number, to: number): number {
  for (let i = from; i < to; i++) {
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

/** The state of one Alea stream: three fractions in [0, 1) and a carry. Any object with these fields can hold one. */
export interface AleaState {
  s0: number;
  s1: number;
  s2: number;
  c: number;
}

/** Sets `out` to the state `alea(seed)` starts from. */
export function seedAlea(seed: string, out: AleaState): void {
  let n = mash(N3, seed);
  let s0 = S0 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s0 < 0) s0 += 1;
  n = mash(n, seed);
  let s1 = S1 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s1 < 0) s1 += 1;
  n = mash(n, seed);
  let s2 = S2 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s2 < 0) s2 += 1;
  out.s0 = s0;
  out.s1 = s1;
  out.s2 = s2;
  out.c = 1;
}

/** A uniform [0, 1) stream seeded by a string; identical to `seedrandom.alea(seed)`. */
export function alea(seed: string): Rng {
  const state: AleaState = { s0: DOUBLE_FIELD, s1: DOUBLE_FIELD, s2: DOUBLE_FIELD, c: 1 };
  seedAlea(seed, state);
  return generator(state);
}

/**
 * The prefix "seed/purpose/" of keyed seeds, hashed once: its character codes, and Mash's state after the first of
 * the three passes over it (the first pass over "prefix + key" goes on from there; the other two start from a state
 * that depends on the key).
 */
export interface AleaPrefix {
  readonly codes: Uint16Array;
  readonly firstPass: number;
}

/** Hashes a seed prefix once for {@link seedAleaWithKey}. */
export function aleaPrefix(text: string): AleaPrefix {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return { codes, firstPass: mashCodes(N3, codes, 0, codes.length) };
}

/** Character codes of a seed being built, reused: seeding runs one stream at a time. */
const seedCodes = new Uint16Array(256);

/**
 * Sets `out` to the state of `alea(prefix + key)` for a non-negative integer `key`, without building the seed
 * string: a run seeds a few streams per lead, all of the form "seed/purpose/id" (src/sim/random.ts). The prefix
 * must be at most 200 characters long.
 */
export function seedAleaWithKey(prefix: AleaPrefix, key: number, out: AleaState): void {
  const codes = prefix.codes;
  const start = codes.length;
  seedCodes.set(codes);
  // The key's decimal digits, as String(key) writes them.
  let digits = 1;
  for (let k = key; k >= 10; k = Math.floor(k / 10)) digits++;
  for (let i = digits - 1, k = key; i >= 0; i--, k = Math.floor(k / 10)) seedCodes[start + i] = 48 + (k % 10);
  const len = start + digits;
  let n = mashCodes(prefix.firstPass, seedCodes, start, len);
  let s0 = S0 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s0 < 0) s0 += 1;
  n = mashCodes(n, seedCodes, 0, len);
  let s1 = S1 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s1 < 0) s1 += 1;
  n = mashCodes(n, seedCodes, 0, len);
  let s2 = S2 - (n >>> 0) * TWO_TO_MINUS_32;
  if (s2 < 0) s2 += 1;
  out.s0 = s0;
  out.s1 = s1;
  out.s2 = s2;
  out.c = 1;
}

/** The other stream's seed codes, for {@link seedAleaPairWithKey}. */
const otherCodes = new Uint16Array(256);

/** Writes `prefix` and the decimal digits of `key` into `buffer`; returns the length. */
function writeSeed(prefix: AleaPrefix, key: number, buffer: Uint16Array): number {
  const start = prefix.codes.length;
  buffer.set(prefix.codes);
  let digits = 1;
  for (let k = key; k >= 10; k = Math.floor(k / 10)) digits++;
  for (let i = digits - 1, k = key; i >= 0; i--, k = Math.floor(k / 10)) buffer[start + i] = 48 + (k % 10);
  return start + digits;
}

/**
 * {@link seedAleaWithKey} for two prefixes and one key at once (a lead's two streams), with the same results. The two
 * seeds' Mash hashes are independent chains of dependent arithmetic: stepped side by side, in one function with no
 * calls (a call would box the running states), the processor works on both at the same time.
 */
export function seedAleaPairWithKey(a: AleaPrefix, b: AleaPrefix, key: number, outA: AleaState, outB: AleaState): void {
  const ca = seedCodes, cb = otherCodes;
  const la = writeSeed(a, key, ca), lb = writeSeed(b, key, cb);
  let na = a.firstPass, nb = b.firstPass;
  // Three passes over both seeds; the first starts after the prefixes, hashed once already (AleaPrefix).
  for (let pass = 0; pass < 3; pass++) {
    let i = pass === 0 ? a.codes.length : 0, j = pass === 0 ? b.codes.length : 0;
    for (; i < la && j < lb; i++, j++) {
      na += ca[i];
      nb += cb[j];
      let ha = 0.02519603282416938 * na;
      let hb = 0.02519603282416938 * nb;
      na = ha >>> 0;
      nb = hb >>> 0;
      ha -= na;
      hb -= nb;
      ha *= na;
      hb *= nb;
      na = ha >>> 0;
      nb = hb >>> 0;
      ha -= na;
      hb -= nb;
      na += ha * 0x100000000;
      nb += hb * 0x100000000;
    }
    for (; i < la; i++) {
      na += ca[i];
      let h = 0.02519603282416938 * na;
      na = h >>> 0;
      h -= na;
      h *= na;
      na = h >>> 0;
      h -= na;
      na += h * 0x100000000;
    }
    for (; j < lb; j++) {
      nb += cb[j];
      let h = 0.02519603282416938 * nb;
      nb = h >>> 0;
      h -= nb;
      h *= nb;
      nb = h >>> 0;
      h -= nb;
      nb += h * 0x100000000;
    }
    const base = pass === 0 ? S0 : pass === 1 ? S1 : S2;
    let sa = base - (na >>> 0) * TWO_TO_MINUS_32;
    if (sa < 0) sa += 1;
    let sb = base - (nb >>> 0) * TWO_TO_MINUS_32;
    if (sb < 0) sb += 1;
    if (pass === 0) {
      outA.s0 = sa;
      outB.s0 = sb;
    } else if (pass === 1) {
      outA.s1 = sa;
      outB.s1 = sb;
    } else {
      outA.s2 = sa;
      outB.s2 = sb;
    }
  }
  outA.c = 1;
  outB.c = 1;
}

/** `alea(prefix + key)` for a non-negative integer `key` (see {@link seedAleaWithKey}). */
export function aleaWithKey(prefix: AleaPrefix, key: number): Rng {
  // Fractions from the start (src/sim/stableShapes.ts): seeding overwrites every field.
  const state: AleaState = { s0: DOUBLE_FIELD, s1: DOUBLE_FIELD, s2: DOUBLE_FIELD, c: 1 };
  seedAleaWithKey(prefix, key, state);
  return generator(state);
}

/** One draw from an Alea state, advancing it: the generator's step. */
export function aleaNext(state: AleaState): number {
  const t = 2091639 * state.s0 + state.c * TWO_TO_MINUS_32;
  state.s0 = state.s1;
  state.s1 = state.s2;
  return (state.s2 = t - (state.c = t | 0));
}

function generator(state: AleaState): Rng {
  // The state lives in object fields, which V8 updates in place; `let` variables captured by the closure would
  // box a fresh number on every draw (measured: twice as slow, and garbage for the collector).
  return () => {
    const t = 2091639 * state.s0 + state.c * TWO_TO_MINUS_32;
    state.s0 = state.s1;
    state.s1 = state.s2;
    return (state.s2 = t - (state.c = t | 0));
  };
}
