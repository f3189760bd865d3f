import { DOUBLE_FIELD } from './stableShapes';
import type { Rng } from './random';

/*
 * Johannes Baagøe's Alea generator, as seedrandom's `alea` (node_modules/seedrandom/lib/alea.js) implements it,
 * producing the same numbers for the same seed string (test/sim/alea.test.ts). seedrandom builds an object, a Mash
 * closure and three helper closures per stream, and hashes three spaces before every seed; here the spaces are
 * hashed once, and a stream is one closure over one small state object. Per-lead streams are not seeded from strings
 * but from an integer hash of the lead's id (src/sim/random.ts) into the same state, and the hot path keeps that
 * state in fields of an object it already holds (a lead's, src/sim/lead.ts) and draws with the same step, so a
 * lead's streams cost no objects of their own.
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
 * Sets `out` to the Alea state whose three fractions are the 32-bit words `w0`, `w1`, `w2` (as multiples of 2^-32), with
 * carry 1: the states Alea's own seeding reaches, which sets each fraction from a 32-bit Mash hash of the seed.
 */
export function seedAleaWords(w0: number, w1: number, w2: number, out: AleaState): void {
  out.s0 = (w0 >>> 0) * TWO_TO_MINUS_32;
  out.s1 = (w1 >>> 0) * TWO_TO_MINUS_32;
  out.s2 = (w2 >>> 0) * TWO_TO_MINUS_32;
  out.c = 1;
}

/** A stream drawing from `state` (seeded by {@link seedAleaWords}, say), which it advances. */
export function aleaFromState(state: AleaState): Rng {
  return generator(state);
}

/** Two 32-bit words hashed from `text` by Mash (two passes), for keys computed once per run (src/sim/random.ts). */
export function mashWords(text: string): [number, number] {
  const n = mash(N0, text);
  return [n >>> 0, mash(n, text) >>> 0];
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
