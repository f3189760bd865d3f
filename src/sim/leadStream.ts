import type { Calendar } from './calendar';
import { HOURS_PER_WEEK, MINUTES_PER_HOUR } from './calendar';
import { beta, exponential, standardNormal, weightedIndex } from './distributions';
import { DOUBLE_FIELD } from './stableShapes';
import { Lead } from './lead';
import type { ModelConfig, ScoringConfig } from './modelConfig';
import type { AleaState } from './alea';
import { seedStream, stream, type Rng } from './random';

/**
 * Next arrival time of a non-homogeneous Poisson process whose rate is constant within each hour of week,
 * by inversion of the cumulative rate: an Exp(1) draw is spent across hours at each hour's rate. Exact, and
 * one uniform per arrival.
 */
export function nextPoissonArrival(t: number, leadsPerHourOfWeek: readonly number[], calendar: Calendar, rng: Rng): number {
  let budget = -Math.log(1 - rng());
  let now = t;
  // Guard against a profile that is zero everywhere.
  for (let guard = 0; guard < HOURS_PER_WEEK * 2 + 2; ) {
    const rate = leadsPerHourOfWeek[calendar.hourOfWeek(now)] / MINUTES_PER_HOUR;
    const hourEnd = (Math.floor(now / MINUTES_PER_HOUR) + 1) * MINUTES_PER_HOUR;
    const span = hourEnd - now;
    if (rate > 0 && budget <= rate * span) return now + budget / rate;
    budget -= rate * span;
    now = hourEnd;
    guard = rate > 0 ? 0 : guard + 1;
  }
  return Infinity;
}

/*
 * A lead's trait stream, reused from lead to lead (leads are created one at a time): its state is seeded for each
 * lead, the traits are drawn through `traitRng`, and the state then goes on in the lead as its conversation stream.
 */
// Fractions from the start (see DOUBLE_FIELD): seeding overwrites every field before the first draw.
const traitState: AleaState = { s0: DOUBLE_FIELD, s1: DOUBLE_FIELD, s2: DOUBLE_FIELD, c: 1 };
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
const traitRng: Rng = () => {
  const t = 2091639 * traitState.s0 + traitState.c * TWO_TO_MINUS_32;
  traitState.s0 = traitState.s1;
  traitState.s1 = traitState.s2;
  return (traitState.s2 = t - (traitState.c = t | 0));
};
const callState: AleaState = { s0: DOUBLE_FIELD, s1: DOUBLE_FIELD, s2: DOUBLE_FIELD, c: 1 };

/**
 * Draws a lead's hidden traits from the lead's own stream (keyed by lead id), so the same lead has the same
 * traits whatever policy is run on the same seed.
 */
export function createLead(config: ModelConfig, seed: string, id: number, createdAt: number, source: number, product: number): Lead {
  // The trait stream and the call stream.
  seedStream(seed, 'lead', id, traitState);
  seedStream(seed, 'calls', id, callState);
  const rng = traitRng;
  const src = config.sources[source];
  const { alpha, beta: b } = config.contact.contactability;
  const traits = config.leadTraits;
  // Fixed order of draws: each trait always takes the same draws.
  const p = beta(rng, alpha, b);
  const badNumber = rng() < traits.badNumberShare;
  const ready = rng() < traits.readyShare;
  const pa = traits.propensity.alpha, pb = traits.propensity.beta;
  const propensity = beta(rng, pa, pb) / (pa / (pa + pb));
  // Each other buyer reaches the consumer with some probability after an exponential delay; the earliest wins.
  const buyers = 1 + weightedIndex(rng, src.soldTo);
  let competitorAt = Infinity;
  let otherBuyers = 0;
  const comp = config.competitor;
  for (let k = 1; k < buyers; k++) {
    const reaches = rng() < comp.reachProbability;
    const at = createdAt + exponential(rng, comp.meanResponseMinutes);
    if (reaches) otherBuyers++;
    if (reaches && at < competitorAt) competitorAt = at;
  }
  const loyal = rng() < comp.firstContactWins;
  const contactability = badNumber ? 0 : Math.min(1, p * src.contactabilityFactor);
  // The trait stream goes on as the lead's conversation stream: no second stream to seed per lead.
  return new Lead(id, createdAt, source, product, contactability, ready, propensity, competitorAt, loyal, callState, traitState, otherBuyers);
}

/** Source and product of the next synthetic lead, drawn from the arrivals stream by the configured mix. */
export function drawLeadMix(config: ModelConfig, rng: Rng): { source: number; product: number } {
  return {
    source: weightedIndex(rng, config.sources.map((s) => s.share)),
    product: weightedIndex(rng, config.products.map((p) => p.share)),
  };
}

/**
 * Scores a lead from visible attributes drawn from the lead's own scoring stream (so runs without scoring
 * keep their draws): each attribute is normal with a mean set by the hidden readiness.
 */
export function scoreLead(scoring: ScoringConfig, seed: string, lead: Lead): number {
  const rng = stream(seed, 'score', lead.id);
  let score = 0;
  for (const a of scoring.attributes) {
    const value = (lead.ready ? a.readyMean : a.immatureMean) + a.sd * standardNormal(rng);
    score += a.weight * value;
  }
  return score;
}
