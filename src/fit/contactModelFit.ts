import { BETA_PARAMETER_BOUND } from './betaBound';
import { nelderMead } from './nelderMead';
import { regularizedBeta } from '../stats/regularizedBeta';

/**
 * The call attempts of the search phase (each lead's attempts up to and including its first contact),
 * flattened lead by lead: lead i's attempts are positions leadStart[i] ... leadStart[i + 1] - 1.
 */
export interface SearchAttempts {
  leadStart: Int32Array;
  /** Hour of week 0-167, or 168 when unknown (multiplier fixed at 1). */
  hour: Uint8Array;
  /** Lead-age bucket index. */
  ageBucket: Uint8Array;
  /** 1 when the attempt reached the lead. */
  contact: Uint8Array;
}

/** Options of {@link fitContactModel}. */
export interface ContactModelFitOptions {
  /** Number of lead-age buckets (indices in `ageBucket` run 0 ... ageBuckets - 1). */
  ageBuckets: number;
  /** Hours and age buckets with fewer attempts keep multiplier 1 (hours) or are estimated but flagged (ages). Default 30. */
  minAttempts?: number;
  /** Starting contactability (e.g. the plain beta-geometric fit). Default 1, 1. */
  start?: { alpha: number; beta: number };
  /** Cells of the contactability grid. Default 64. */
  gridSize?: number;
  maxIterations?: number;
  /**
   * Stop when an iteration improves the log-likelihood by less than the larger of `tolerance` (default 1e-8) and
   * `relativeTolerance` (default 1e-11) times the log-likelihood's size.
   */
  tolerance?: number;
  relativeTolerance?: number;
}

/** A multiplier with an approximate 95% interval (Wald, on the log scale; see multiplierVariances for what it allows for). */
export interface Multiplier {
  value: number;
  lower: number;
  upper: number;
  attempts: number;
  /** Fixed (hours too thin to estimate, the anchor age bucket) rather than estimated. */
  fixed: boolean;
}

/** Result of {@link fitContactModel}. */
export interface ContactModelFitResult {
  alpha: number;
  beta: number;
  hourOfWeek: Multiplier[];
  ageDecay: Multiplier[];
  /** The age bucket whose multiplier is 1 by definition. */
  anchorBucket: number;
  logLik: number;
  iterations: number;
  converged: boolean;
  /** Expected contacts per attempt given each lead's history under the fitted model (posterior predictive). */
  expected: Float64Array;
}

const EPS = 1e-12;
// Every this many attempts along a path its likelihoods are scaled up if small: they fall by at most EPS^8 = 1e-96
// in between, so from above 1e-100 they stay above 1e-196, far from the smallest double.
const RESCALE_EVERY = 8;
const TWO_664 = 2 ** 664;
const LOG_TWO_664 = 664 * Math.LN2;
const UNKNOWN = 168;

/**
 * Fits the joint contact model P(contact) = min(1, p_i x h[hour] x g[age bucket]), p_i ~ Beta(alpha, beta),
 * by EM over the search-phase attempts of every lead. The integral over p_i is a discretized Beta on a grid of
 * cells finer near 0 (cell probabilities from the incomplete beta function), so the E-step is exact for that
 * grid; the M-step refits alpha and beta to the posterior cell weights and updates each multiplier by a 1-D
 * Newton solve on counts pooled by (hour, age bucket, cell).
 *
 * Scale: p_i, h and g share one overall scale, so two constraints pin it:
 * - the age multiplier is 1 in the youngest bucket with at least `minAttempts` attempts (the anchor), so
 *   contactability is the answer probability of a fresh lead (the bucket must hold 2% of the attempts, as
 *   its noise sets the scale of everything else; when none has, the bucket with the most attempts);
 * - the hour multipliers average 1 over the attempts actually made (a Lagrange condition inside the
 *   M-step, so the fit is the constrained maximum, not a rescaled one).
 * Separating the two effects this way means the fall of contact rates with attempts is shared out between
 * selection (reachable leads leave the pool, Beta heterogeneity) and decay (g), as the likelihood says.
 */
export function fitContactModel(attempts: SearchAttempts, options: ContactModelFitOptions): ContactModelFitResult {
  const G = options.gridSize ?? 64;
  const A = options.ageBuckets;
  const H = UNKNOWN + 1;
  const minAttempts = options.minAttempts ?? 30;
  const maxIterations = options.maxIterations ?? 500;
  // A log's log-likelihood grows with its attempts, and EM creeps along its ridge by ever smaller gains: on the
  // 1,000,000-row bench log (bench/callLogFile.mjs, log-likelihood -3e5) an absolute 1e-8 took 175 iterations, the
  // last 43 of them gaining 5e-5 in all and moving no multiplier by more than 0.03 of its interval's half-width.
  // So the criterion scales with the log; small logs keep the absolute floor.
  const tolerance = options.tolerance ?? 1e-8;
  const relativeTolerance = options.relativeTolerance ?? 1e-11;
  const N = attempts.hour.length;

  // Grid of contactability cells, finer near 0: edges (g / G)^2, nodes at the middle on that scale.
  const edges = Array.from({ length: G + 1 }, (_, g) => (g / G) ** 2);
  const nodes = Array.from({ length: G }, (_, g) => ((g + 0.5) / G) ** 2);
  const cellProbs = (a: number, b: number): Float64Array => {
    const pi = new Float64Array(G);
    let prev = 0;
    for (let g = 0; g < G; g++) {
      const cdf = g === G - 1 ? 1 : regularizedBeta(edges[g + 1], a, b);
      pi[g] = Math.max(cdf - prev, 1e-300);
      prev = cdf;
    }
    return pi;
  };

  const hourCount = new Float64Array(H), ageCount = new Float64Array(A);
  for (let j = 0; j < N; j++) {
    hourCount[attempts.hour[j]]++;
    ageCount[attempts.ageBucket[j]]++;
  }
  // The anchor is the youngest bucket with enough attempts to pin the scale (its noise moves every multiplier).
  const anchorMin = Math.max(minAttempts, 0.02 * N);
  let anchor = 0;
  while (anchor < A && ageCount[anchor] < anchorMin) anchor++;
  // No bucket has enough: the one with the most attempts (the youngest of equals), so that the anchor is at least one
  // the log has, not an empty last bucket the report would name as the reference.
  if (anchor === A) anchor = ageCount.indexOf(Math.max(...ageCount));
  const hourFree = Array.from({ length: H }, (_, w) => w !== UNKNOWN && hourCount[w] >= minAttempts);
  const knownAttempts = hourCount.reduce((s, c, w) => (w === UNKNOWN ? s : s + c), 0);

  let alpha = options.start?.alpha ?? 1, beta = options.start?.beta ?? 1;
  const h = new Float64Array(H).fill(1);
  const g = new Float64Array(A).fill(1);
  const S1 = new Float64Array(H * A * G), S0 = new Float64Array(H * A * G);
  const F1 = new Float64Array(H * A * G), F0 = new Float64Array(H * A * G);
  const W = new Float64Array(G);
  const post = new Float64Array(G);
  let logLik = -Infinity, iterations = 0, converged = false;

  // Answer and miss probabilities by (hour, age, cell), for the (hour, age, outcome) pairs that occur.
  const trie = leadTrie(attempts, A);
  const seen = new Uint8Array(2 * H * A);
  for (let n = 0; n < trie.nodes; n++) seen[trie.code[n]] = 1;
  const used = Int32Array.from(seen.keys()).filter((c) => seen[c] === 1);
  const prepareCellProbabilities = (): void => {
    for (const c of used) {
      const cell = c >> 1, m = h[Math.floor(cell / A)] * g[cell % A], base = cell * G;
      if (c & 1) for (let k = 0; k < G; k++) F1[base + k] = Math.max(Math.min(1 - EPS, nodes[k] * m), EPS);
      else for (let k = 0; k < G; k++) F0[base + k] = 1 - Math.min(1 - EPS, nodes[k] * m);
    }
  };

  // E-step: posterior cell weights per lead, pooled by (hour, age, cell) and overall; returns the log-likelihood.
  // Leads are visited as a trie of their attempt sequences (see leadTrie), so that leads sharing a history are
  // weighed once with their count, and a shared beginning is summed once. Likelihoods are products, not sums of
  // logs (no exp per cell and lead): each attempt multiplies them by at least EPS, so every RESCALE_EVERY
  // attempts a path whose largest cell has fallen below 1e-100 is scaled up by 2^664 (exactly), and the log of
  // the scale is kept by depth.
  const D = trie.maxDepth;
  const P = new Float64Array((D + 1) * G), acc = new Float64Array((D + 1) * G), onPath = new Int32Array(D + 1);
  const logScale = new Float64Array(D + 1);
  const { code, depth, count } = trie;
  // The log-likelihood the E-step adds up. The E-step's helpers are made once per fit, not once per iteration: the code
  // V8 compiled for the E-step's loop in its first run met new closures at every later iteration and was deoptimized
  // each time ("wrong call target", 134 times in some runs; issue 16).
  let ll = 0;
  // The posterior cell weights of `n` leads whose history ends at depth d, into post; adds to the log-likelihood.
  const posterior = (d: number, n: number): void => {
    const f = d * G;
    let sum = 0;
    for (let k = 0; k < G; k++) sum += P[f + k];
    ll += n * (Math.log(sum) - logScale[d]);
    const scale = n / sum;
    for (let k = 0; k < G; k++) post[k] = P[f + k] * scale;
  };
  // Leaves the path's node at depth d: its leads' weights go to its cell and to its parent.
  const leave = (d: number): void => {
    const c = code[onPath[d]], base = (c >> 1) * G, S = c & 1 ? S1 : S0, f = d * G, up = f - G;
    for (let k = 0; k < G; k++) {
      const r = acc[f + k];
      S[base + k] += r;
      acc[up + k] += r;
    }
  };
  const eStep = (): number => {
    P.set(cellProbs(alpha, beta));
    logScale[0] = 0;
    prepareCellProbabilities();
    S1.fill(0);
    S0.fill(0);
    ll = 0;
    // P at depth d: the likelihood by cell of the first d attempts of the current path (times e^logScale[d]);
    // acc at depth d: the posterior weights of the leads whose history passes through the path's node at depth d.
    acc.fill(0, 0, G);
    let top = descend();
    while (top > 0) leave(top--);
    if (trie.rootCount > 0) {
      posterior(0, trie.rootCount);
      for (let k = 0; k < G; k++) acc[k] += post[k];
    }
    // Every lead's weights have reached the root.
    W.set(acc.subarray(0, G));
    return ll;
  };
  // The walk down the trie, the E-step's work: returns the depth of the path left open at its end. A function of its
  // own that ends with its loop, so that the code V8 compiles for the loop on its first run (on-stack replacement) has
  // nothing after it that has not run yet: the E-step's code after the loop, compiled with it, deoptimized at its
  // first comparison on every iteration of EM in some runs (146 times, a fit 0.3-0.8 s slower; issue 16).
  const descend = (): number => {
    let top = 0;
    const nodes = trie.nodes;
    for (let n = 0; n < nodes; n++) {
      const d = depth[n];
      while (top >= d) leave(top--);
      const c = code[n], base = (c >> 1) * G, L = c & 1 ? F1 : F0, f = d * G, up = f - G;
      for (let k = 0; k < G; k++) P[f + k] = P[up + k] * L[base + k];
      logScale[d] = logScale[d - 1];
      if (d % RESCALE_EVERY === 0) {
        let max = 0;
        for (let k = 0; k < G; k++) if (P[f + k] > max) max = P[f + k];
        if (max < 1e-100) {
          for (let k = 0; k < G; k++) P[f + k] *= TWO_664;
          logScale[d] += LOG_TWO_664;
        }
      }
      if (n + 1 === nodes || depth[n + 1] <= d) {
        // A leaf: its leads' weights go straight to its cell and its parent.
        posterior(d, count[n]);
        const S = c & 1 ? S1 : S0;
        for (let k = 0; k < G; k++) {
          const r = post[k];
          S[base + k] += r;
          acc[up + k] += r;
        }
        top = d - 1;
        continue;
      }
      top = d;
      onPath[d] = n;
      if (count[n] > 0) {
        posterior(d, count[n]);
        acc.set(post, f);
      } else acc.fill(0, f, f + G);
    }
    return top;
  };

  // Buffers of the multipliers' terms, kept from one M-step to the next.
  const ageTerms: Terms = { n: 0, x: new Float64Array(H * G), s1: new Float64Array(H * G), s0: new Float64Array(H * G) };
  const hourTerms: Terms[] = [];
  const mStep = (): void => {
    // Contactability: a Beta fitted to the pooled cell weights.
    const fitted = nelderMead(
      (x) => {
        const pi = cellProbs(Math.exp(x[0]), Math.exp(x[1]));
        let s = 0;
        for (let k = 0; k < G; k++) s -= W[k] * Math.log(pi[k]);
        return s;
      },
      [Math.log(alpha), Math.log(beta)],
      { step: 0.1, tolerance: 1e-9, maxIterations: 400 },
    );
    alpha = Math.min(BETA_PARAMETER_BOUND, Math.exp(fitted.x[0]));
    beta = Math.min(BETA_PARAMETER_BOUND, Math.exp(fitted.x[1]));
    // Multipliers: hours under the mean-1 condition, then ages with the anchor held at 1.
    for (let round = 0; round < 2; round++) {
      updateHours(h, g, S1, S0, nodes, hourFree, hourCount, knownAttempts, A, G, hourTerms);
      for (let a = 0; a < A; a++) {
        if (a === anchor || ageCount[a] === 0) continue;
        const terms = collect(S1, S0, nodes, (w) => (w * A + a) * G, h, H, G, ageTerms);
        g[a] = solveMultiplier(terms, 0, g[a]).m;
      }
    }
  };

  // EM climbs slowly along the ridge where contactability and the age multipliers trade scale, so each
  // step is stretched (x + omega (EM(x) - x), omega doubling while the likelihood keeps rising, back to a
  // plain EM step when it does not). Blending keeps the hour condition, which is linear, satisfied.
  const snapshot = (): number[] => [Math.log(alpha), Math.log(beta), ...h, ...g];
  const restore = (x: readonly number[]): void => {
    alpha = Math.min(BETA_PARAMETER_BOUND, Math.exp(x[0]));
    beta = Math.min(BETA_PARAMETER_BOUND, Math.exp(x[1]));
    for (let w = 0; w < H; w++) h[w] = Math.max(1e-4, x[2 + w]);
    for (let a = 0; a < A; a++) g[a] = Math.max(1e-4, x[2 + H + a]);
  };
  let omega = 1;
  let current = snapshot();
  logLik = eStep();
  for (; iterations < maxIterations; iterations++) {
    mStep();
    const em = snapshot();
    let ll: number;
    if (omega > 1) {
      restore(current.map((x, i) => x + omega * (em[i] - x)));
      ll = eStep();
      if (!(ll > logLik)) {
        restore(em);
        ll = eStep();
        omega = 1;
      } else omega = Math.min(omega * 2, 64);
    } else {
      ll = eStep();
      omega = 2;
    }
    const gain = ll - logLik;
    current = snapshot();
    logLik = Math.max(ll, logLik);
    if (gain < Math.max(tolerance, relativeTolerance * Math.abs(logLik))) {
      converged = true;
      break;
    }
  }

  // Intervals from the observed information (see multiplierVariances): the curvature of the log-likelihood of the log
  // itself, each lead's contactability integrated out. The curvature of the EM's
  // pooled complete-data likelihood (solveMultiplier's d2) is not it: it counts a lead's posterior weight in a cell
  // as if the lead were known to be there, and a cell just below the cap (m x close to 1) adds s0 x^2 / (1 - m x)^2
  // without bound, so one near-certain cell could narrow an interval of 137 attempts to +-0.7%.
  const ageFree = Array.from({ length: A }, (_, a) => a !== anchor && ageCount[a] > 0);
  const variance = multiplierVariances(attempts, cellProbs, alpha, beta, nodes, h, g, ageFree, trie);
  const interval = (v: number, m: number, count: number, fixed: boolean): Multiplier => {
    if (fixed) return { value: m, lower: m, upper: m, attempts: count, fixed };
    const seLog = v > 0 && Number.isFinite(v) ? Math.sqrt(v) / m : Infinity;
    return { value: m, lower: m * Math.exp(-1.96 * seLog), upper: m * Math.exp(1.96 * seLog), attempts: count, fixed };
  };
  const hourOfWeek = Array.from({ length: 168 }, (_, w) => interval(variance.hour[w], h[w], hourCount[w], !hourFree[w]));
  const ageDecay = Array.from({ length: A }, (_, a) => interval(variance.age[a], g[a], ageCount[a], !ageFree[a]));

  const expected = predictiveContacts(attempts, cellProbs(alpha, beta), nodes, h, g);
  return { alpha, beta, hourOfWeek, ageDecay, anchorBucket: anchor, logLik, iterations, converged, expected };
}

/**
 * The leads' search-attempt histories as a trie in depth-first order: node n stands for the history
 * code[first] ... code[n] of the path down to it (code = (hour x ageBuckets + age bucket) x 2 + contact, in time
 * order), depth[n] its length, count[n] the leads whose whole history it is. Leads with the same history share a
 * node, and histories with the same beginning share its nodes, so the E-step costs as many cells as there are
 * nodes rather than attempts (a log from a fixed callback schedule has many leads with one history).
 */
export interface LeadTrie {
  nodes: number;
  code: Int32Array;
  depth: Int32Array;
  count: Int32Array;
  /** Leads without attempts. */
  rootCount: number;
  maxDepth: number;
  /**
   * The distinct histories: one lead of each (`groupLead`) and how many leads have that very history (`groupSize`),
   * for passes whose work per lead depends on its history alone (13,000 histories for 164,000 leads in the bench log).
   */
  groupLead: Int32Array;
  groupSize: Int32Array;
}

/** Builds the {@link LeadTrie} of the leads' histories by sorting them (a prefix before its continuations). */
export function leadTrie(attempts: SearchAttempts, ageBuckets: number): LeadTrie {
  const { leadStart, hour, ageBucket, contact } = attempts;
  const leads = leadStart.length - 1, N = hour.length;
  const codes = new Int32Array(N);
  for (let j = 0; j < N; j++) codes[j] = (hour[j] * ageBuckets + ageBucket[j]) * 2 + contact[j];
  const compare = (x: number, y: number): number => {
    const xa = leadStart[x], xb = leadStart[x + 1], ya = leadStart[y], yb = leadStart[y + 1];
    for (let i = xa, j = ya; i < xb && j < yb; i++, j++) if (codes[i] !== codes[j]) return codes[i] - codes[j];
    return xb - xa - (yb - ya);
  };
  const order = new Int32Array(leads);
  for (let i = 0; i < leads; i++) order[i] = i;
  order.sort(compare);
  const code = new Int32Array(N), depth = new Int32Array(N), count = new Int32Array(N);
  let maxDepth = 0;
  for (let i = 0; i < leads; i++) maxDepth = Math.max(maxDepth, leadStart[i + 1] - leadStart[i]);
  const path = new Int32Array(maxDepth + 1);
  let nodes = 0, rootCount = 0, prev = -1, groups = 0;
  const groupLead = new Int32Array(leads), groupSize = new Int32Array(leads);
  for (let o = 0; o < leads; o++) {
    const l = order[o], a = leadStart[l], len = leadStart[l + 1] - a;
    // Length of the beginning shared with the previous history in sorted order: those nodes exist already.
    let shared = 0, same = false;
    if (prev >= 0) {
      const pa = leadStart[prev], plen = leadStart[prev + 1] - pa;
      while (shared < len && shared < plen && codes[a + shared] === codes[pa + shared]) shared++;
      same = shared === len && len === plen;
    }
    // Sorted, the leads of one history come one after another.
    if (same) groupSize[groups - 1]++;
    else {
      groupLead[groups] = l;
      groupSize[groups++] = 1;
    }
    for (let p = shared; p < len; p++) {
      code[nodes] = codes[a + p];
      depth[nodes] = p + 1;
      path[p + 1] = nodes++;
    }
    if (len === 0) rootCount++;
    else count[path[len]]++;
    prev = l;
  }
  return { nodes, code: code.slice(0, nodes), depth: depth.slice(0, nodes), count: count.slice(0, nodes), rootCount, maxDepth, groupLead: groupLead.slice(0, groups), groupSize: groupSize.slice(0, groups) };
}

/** Pooled terms of one multiplier's likelihood: sum s1 log(m x) + s0 log(1 - m x), the first n entries. */
export interface Terms {
  n: number;
  x: Float64Array;
  s1: Float64Array;
  s0: Float64Array;
}

function collect(
  S1: Float64Array, S0: Float64Array, nodes: readonly number[],
  index: (partner: number) => number, other: ArrayLike<number>, partners: number, G: number, into?: Terms,
): Terms {
  let n = 0;
  const size = partners * G;
  // `into` lends its arrays when they are large enough (the M-step collects the same shapes every iteration).
  const reuse = into !== undefined && into.x.length >= size;
  const x = reuse ? into.x : new Float64Array(size), s1 = reuse ? into.s1 : new Float64Array(size), s0 = reuse ? into.s0 : new Float64Array(size);
  for (let p = 0; p < partners; p++) {
    const base = index(p), o = other[p];
    for (let k = 0; k < G; k++) {
      const a = S1[base + k], b = S0[base + k];
      if (a + b < 1e-12) continue;
      x[n] = nodes[k] * o;
      s1[n] = a;
      s0[n++] = b;
    }
  }
  if (reuse) {
    into.n = n;
    return into;
  }
  return { n, x, s1, s0 };
}

/**
 * Solves d/dm [sum s1 log min(1, m x) + s0 log(1 - min(1, m x))] = target for m by safeguarded Newton
 * (bisection in log m when a step leaves the bracket). The objective is concave in m; cells whose posterior
 * weight is negligible (below 1e-6 of the total) may be pushed past the cap m x = 1, where the model gives
 * them certain contact, so they neither bound m nor bend the objective. Returns the root and the second
 * derivative there. With `maxSteps` 0 it only evaluates at `m0`.
 */
export function solveMultiplier(terms: Terms, target: number, m0: number, maxSteps = 60): { m: number; d2: number } {
  const { n, x: xs, s1: s1s, s0: s0s } = terms;
  let s0tot = 0, s1tot = 0;
  for (let i = 0; i < n; i++) {
    s0tot += s0s[i];
    s1tot += s1s[i];
  }
  const negligible = 1e-6 * s0tot;
  let xmax = 0;
  for (let i = 0; i < n; i++) if (s0s[i] > negligible && xs[i] > xmax) xmax = xs[i];
  let lo = 1e-4, hi = Math.min(1e4, xmax > 0 ? (1 - 1e-9) / xmax : 1e4);
  if (hi <= lo) return { m: hi, d2: -1 };
  // The score and its derivative at m, in f and d2. Terms past the cap (u <= 1e-9) drop out, s1 included.
  let f = 0, d2 = 0;
  const evaluate = (m: number): void => {
    let s1 = s1tot, a = 0, b = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i], u = 1 - m * x;
      if (u <= 1e-9) {
        s1 -= s1s[i];
        continue;
      }
      const r = x / u, t = s0s[i] * r;
      a += t;
      b += t * r;
    }
    f = s1 / m - a - target;
    d2 = -(s1 / (m * m) + b);
    if (!(d2 < 0)) d2 = -1e-12;
  };
  let m = Math.min(Math.max(m0, lo * 1.0001), hi * 0.9999);
  evaluate(m);
  for (let step = 0; step < maxSteps; step++) {
    if (f > 0) lo = m;
    else hi = m;
    let next = m - f / d2;
    if (!(next > lo && next < hi)) next = Math.sqrt(lo * hi);
    const done = Math.abs(next - m) < 1e-9 * m;
    m = next;
    evaluate(m);
    if (done || hi / lo < 1 + 1e-10) break;
  }
  return { m, d2 };
}

/**
 * Updates the free hour multipliers to maximize their likelihood subject to sum_w n_w h_w = (attempts with
 * a known hour): each solves its score = lambda n_w, and lambda, on which the total falls monotonically, is
 * found by Newton's method inside a bracket that bisection keeps.
 */
function updateHours(
  h: Float64Array, g: Float64Array, S1: Float64Array, S0: Float64Array, nodes: readonly number[],
  free: readonly boolean[], count: Float64Array, total: number, A: number, G: number, pool: Terms[],
): void {
  const termsOf: (Terms | undefined)[] = [];
  let fixedMass = 0;
  for (let w = 0; w < UNKNOWN; w++) {
    if (free[w]) termsOf[w] = pool[w] = collect(S1, S0, nodes, (a) => (w * A + a) * G, g, A, G, pool[w]);
    else fixedMass += count[w] * h[w];
  }
  if (termsOf.every((t) => t === undefined)) return;
  // Each hour's solve starts from its root at the previous lambda, which is close when lambda moves little.
  const massAt = (lambda: number): [number, number] => {
    let mass = fixedMass, slope = 0;
    for (let w = 0; w < UNKNOWN; w++) {
      const terms = termsOf[w];
      if (!terms) continue;
      const { m, d2 } = solveMultiplier(terms, lambda * count[w], h[w]);
      h[w] = m;
      mass += count[w] * m;
      slope += (count[w] * count[w]) / d2;
    }
    return [mass - total, slope];
  };
  let lambda = 0;
  let lo = -Infinity, hi = Infinity;
  for (let it = 0; it < 60; it++) {
    const [gap, slope] = massAt(lambda);
    if (Math.abs(gap) < 1e-7 * total) return;
    // mass falls as lambda rises: too much mass means lambda must go up.
    if (gap > 0) lo = lambda;
    else hi = lambda;
    let next = slope < 0 ? lambda - gap / slope : NaN;
    if (!(next > lo && next < hi)) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = (lo + hi) / 2;
      else next = gap > 0 ? Math.max(lambda, 0) * 2 + 1 : Math.min(lambda, 0) * 2 - 1;
    }
    lambda = next;
  }
}

/**
 * The multipliers' sampling variances from the observed information (the curvature of the log-likelihood of the log,
 * each lead's contactability integrated out), by Louis's identity lead by lead: observed = E[complete-data
 * information | data] - Cov[complete-data score | data], moments over each lead's posterior cells.
 * - The age multipliers are taken jointly with log alpha and log beta (the anchor's multiplier is 1 by definition):
 *   a later bucket's multiplier trades against the spread between leads (how selected the leads still unreached
 *   are), and an interval that held the Beta fixed covered a true multiplier 1.3 in 25 of 40 simulated logs.
 * - Each hour's multiplier is taken alone, the others held fixed (168 of them, each a small share of the attempts).
 * Probabilities are clamped to [EPS, 1 - EPS] as in the E-step, and a clamped probability does not move with m.
 * `ageFree[a]` says which age multipliers were estimated; the variance of the others is 0.
 */
export function multiplierVariances(
  attempts: SearchAttempts, cellProbs: (a: number, b: number) => Float64Array, alpha: number, beta: number,
  nodes: readonly number[], h: Float64Array, g: Float64Array, ageFree: readonly boolean[],
  groups?: { groupLead: Int32Array; groupSize: Int32Array },
): { hour: Float64Array; age: Float64Array } {
  const G = nodes.length, H = h.length, A = g.length;
  const pi = cellProbs(alpha, beta);
  // d/d(log alpha), d/d(log beta) of log pi_k and their second derivatives, by central differences.
  const delta = 1e-3;
  const lp = (da: number, db: number): Float64Array => cellProbs(alpha * Math.exp(da), beta * Math.exp(db)).map(Math.log);
  const l0 = pi.map(Math.log), la = lp(delta, 0), lA = lp(-delta, 0), lb = lp(0, delta), lB = lp(0, -delta);
  const lab = lp(delta, delta), laB = lp(delta, -delta), lAb = lp(-delta, delta), lAB = lp(-delta, -delta);
  const dA = new Float64Array(G), dB = new Float64Array(G), dAA = new Float64Array(G), dBB = new Float64Array(G), dAB = new Float64Array(G);
  for (let k = 0; k < G; k++) {
    dA[k] = (la[k] - lA[k]) / (2 * delta);
    dB[k] = (lb[k] - lB[k]) / (2 * delta);
    dAA[k] = (la[k] - 2 * l0[k] + lA[k]) / (delta * delta);
    dBB[k] = (lb[k] - 2 * l0[k] + lB[k]) / (delta * delta);
    dAB[k] = (lab[k] - laB[k] - lAb[k] + lAB[k]) / (4 * delta * delta);
  }
  // The joint parameters: 0 log alpha, 1 log beta, 2 + i the i-th free age multiplier.
  const freeAges = Array.from({ length: A }, (_, a) => a).filter((a) => ageFree[a]);
  const slot = new Int32Array(A).fill(-1);
  freeAges.forEach((a, i) => (slot[a] = 2 + i));
  const J = 2 + freeAges.length;
  const info = new Float64Array(J * J);
  const hourInfo = new Float64Array(H);
  // Per lead, by parameter (hours 0 ... H - 1, ages H ... H + A - 1) and cell: the score and the second derivative of
  // the log-likelihood of the lead's attempts given the cell.
  const score = new Float64Array((H + A) * G), curve = new Float64Array((H + A) * G);
  const touched = new Uint8Array(H + A);
  const list: number[] = [];
  const L = new Float64Array(G), w = new Float64Array(G);
  const touch = (param: number): number => {
    if (!touched[param]) {
      touched[param] = 1;
      list.push(param);
      score.fill(0, param * G, param * G + G);
      curve.fill(0, param * G, param * G + G);
    }
    return param * G;
  };
  // The joint parameters' score vectors of the current lead: log alpha, log beta, then the touched free ages.
  // Rows kept flat (row r at r * G), and each row times the lead's posterior weights, for the covariance loop below,
  // which is most of this pass's time: log alpha's and log beta's rows stay in rows 0 and 1 for every lead.
  const rows = new Float64Array((2 + A) * G), weighted = new Float64Array((2 + A) * G), means = new Float64Array(2 + A);
  const jointIndex = new Int32Array(2 + A);
  rows.set(dA, 0);
  rows.set(dB, G);
  jointIndex[0] = 0;
  jointIndex[1] = 1;
  // Leads of one history contribute alike: each history is visited once, its terms times its leads.
  const visits = groups ? groups.groupLead.length : attempts.leadStart.length - 1;
  for (let v = 0; v < visits; v++) {
    const i = groups ? groups.groupLead[v] : v, times = groups ? groups.groupSize[v] : 1;
    L.set(pi);
    list.length = 0;
    for (let j = attempts.leadStart[i]; j < attempts.leadStart[i + 1]; j++) {
      const hw = h[attempts.hour[j]], a = attempts.ageBucket[j], ga = g[a], m = hw * ga, hit = attempts.contact[j] === 1;
      const bh = touch(attempts.hour[j]), bg = touch(H + a);
      let max = 0;
      for (let k = 0; k < G; k++) {
        const q = nodes[k] * m;
        L[k] *= hit ? Math.max(Math.min(1 - EPS, q), EPS) : 1 - Math.min(1 - EPS, q);
        if (L[k] > max) max = L[k];
        if (hit ? q <= EPS || q >= 1 - EPS : q >= 1 - EPS) continue;
        // d/dm log q = 1/m for a hit; d/dm log(1 - q) = -(q/m) / (1 - q) for a miss, where m is h or g.
        if (hit) {
          score[bh + k] += 1 / hw;
          curve[bh + k] -= 1 / (hw * hw);
          score[bg + k] += 1 / ga;
          curve[bg + k] -= 1 / (ga * ga);
        } else {
          const u = 1 - q, rh = q / hw / u, rg = q / ga / u;
          score[bh + k] -= rh;
          curve[bh + k] -= rh * rh;
          score[bg + k] -= rg;
          curve[bg + k] -= rg * rg;
        }
      }
      // Only ratios between cells matter: keep the likelihoods away from underflow.
      if (max > 0 && max < 1e-100) for (let k = 0; k < G; k++) L[k] /= max;
    }
    let sum = 0;
    for (let k = 0; k < G; k++) sum += L[k];
    if (!(sum > 0)) {
      for (const param of list) touched[param] = 0;
      continue;
    }
    for (let k = 0; k < G; k++) w[k] = L[k] / sum;
    let n = 2;
    for (const param of list) {
      touched[param] = 0;
      const base = param * G;
      let e1 = 0, e2 = 0, ec = 0;
      for (let k = 0; k < G; k++) {
        const s = score[base + k];
        e1 += w[k] * s;
        e2 += w[k] * s * s;
        ec += w[k] * curve[base + k];
      }
      if (param < H) {
        hourInfo[param] += times * (-ec - (e2 - e1 * e1));
        continue;
      }
      const at = slot[param - H];
      if (at < 0) continue;
      info[at * J + at] -= times * ec;
      for (let k = 0; k < G; k++) rows[n * G + k] = score[base + k];
      jointIndex[n++] = at;
    }
    // The complete-data information of log alpha and log beta, and minus the posterior covariance of the scores.
    let eAA = 0, eAB = 0, eBB = 0;
    for (let k = 0; k < G; k++) {
      eAA += w[k] * dAA[k];
      eAB += w[k] * dAB[k];
      eBB += w[k] * dBB[k];
    }
    info[0] -= times * eAA;
    info[1] -= times * eAB;
    info[J] -= times * eAB;
    info[J + 1] -= times * eBB;
    for (let r = 0; r < n; r++) {
      let e = 0;
      for (let k = 0; k < G; k++) {
        const x = w[k] * rows[r * G + k];
        weighted[r * G + k] = x;
        e += x;
      }
      means[r] = e;
    }
    for (let r = 0; r < n; r++) {
      for (let c = r; c < n; c++) {
        let e = 0;
        for (let k = 0; k < G; k++) e += weighted[r * G + k] * rows[c * G + k];
        const cov = times * (e - means[r] * means[c]), x = jointIndex[r], y = jointIndex[c];
        info[x * J + y] -= cov;
        if (x !== y) info[y * J + x] -= cov;
      }
    }
  }
  const variance = invertedDiagonal(info, J);
  const age = new Float64Array(A);
  freeAges.forEach((a, i) => (age[a] = variance[2 + i]));
  const hour = hourInfo.map((x) => (x > 0 ? 1 / x : Infinity));
  return { hour, age };
}

/**
 * The diagonal of the inverse of a symmetric n x n matrix, by Gauss-Jordan elimination with partial pivoting;
 * Infinity where the matrix is singular or a variance comes out not positive (a direction the data do not pin).
 */
function invertedDiagonal(matrix: Float64Array, n: number): Float64Array {
  const m = Array.from({ length: n }, (_, r) => [...matrix.subarray(r * n, r * n + n), ...Array.from({ length: n }, (_, c) => (c === r ? 1 : 0))]);
  const scale = Math.max(...Array.from({ length: n }, (_, r) => Math.abs(m[r][r])), 1e-300);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > 1e-12 * scale)) return new Float64Array(n).fill(Infinity);
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col];
    for (let c = 0; c < 2 * n; c++) m[col][c] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col || m[r][col] === 0) continue;
      const f = m[r][col];
      for (let c = 0; c < 2 * n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return Float64Array.from({ length: n }, (_, i) => (m[i][n + i] > 0 && Number.isFinite(m[i][n + i]) ? m[i][n + i] : Infinity));
}

/**
 * Expected contacts on each search-phase attempt under the fitted model, given the lead's earlier misses:
 * E[p | misses so far] x h x g, with p on the same grid as the fit.
 */
function predictiveContacts(
  attempts: SearchAttempts, pi: Float64Array, nodes: readonly number[], h: Float64Array, g: Float64Array,
): Float64Array {
  const G = nodes.length;
  const out = new Float64Array(attempts.hour.length);
  const weight = new Float64Array(G);
  const leads = attempts.leadStart.length - 1;
  for (let i = 0; i < leads; i++) {
    weight.set(pi);
    for (let j = attempts.leadStart[i]; j < attempts.leadStart[i + 1]; j++) {
      const m = h[attempts.hour[j]] * g[attempts.ageBucket[j]];
      let num = 0, den = 0;
      for (let k = 0; k < G; k++) {
        const q = Math.min(1, nodes[k] * m);
        num += weight[k] * q;
        den += weight[k];
        weight[k] *= 1 - q;
      }
      out[j] = den > 0 ? num / den : 0;
    }
  }
  return out;
}
