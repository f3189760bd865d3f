import { bucketLabel, bucketOf, SPEED_BUCKET_EDGES } from './buckets';
import type { LeadHistories } from './leadHistories';
import { wilsonInterval } from '../stats/wilsonInterval';

/** Conversion (and contact) of one group of leads, with 95% Wilson intervals. */
export interface ConversionRow {
  label: string;
  leads: number;
  contacted: number;
  contactRate: number;
  converted: number;
  conversionRate: number;
  lower: number;
  upper: number;
  /** Fewer than 30 leads. */
  thin: boolean;
}

function row(label: string, leads: number, contacted: number, converted: number): ConversionRow {
  const [lower, upper] = wilsonInterval(converted, leads);
  return {
    label, leads, contacted, contactRate: leads > 0 ? contacted / leads : NaN,
    converted, conversionRate: leads > 0 ? converted / leads : NaN, lower, upper, thin: leads < 30,
  };
}

/** Conversion by speed to lead: the delay from creation to the first attempt. Leads without a conversion value are left out. */
export function conversionBySpeedToLead(hist: LeadHistories): ConversionRow[] {
  const B = SPEED_BUCKET_EDGES.length - 1;
  const n = new Array<number>(B).fill(0), c = new Array<number>(B).fill(0), v = new Array<number>(B).fill(0);
  for (let l = 0; l < hist.leads; l++) {
    if (hist.converted[l] < 0) continue;
    const b = bucketOf(hist.firstAttemptAge[l], SPEED_BUCKET_EDGES);
    n[b]++;
    if (hist.contactAttempt[l] > 0) c[b]++;
    if (hist.converted[l] === 1) v[b]++;
  }
  return n.map((_, b) => row(bucketLabel(SPEED_BUCKET_EDGES[b], SPEED_BUCKET_EDGES[b + 1]), n[b], c[b], v[b])).filter((r) => r.leads > 0);
}

/** Conversion by the attempt on which the lead was first reached (1, 2, ..., 5, 6-10, 11+, never). */
export function conversionByContactAttempt(hist: LeadHistories): ConversionRow[] {
  const groups = ['1', '2', '3', '4', '5', '6-10', '11+', 'never reached'];
  const index = (k: number): number => (k === 0 ? 7 : k <= 5 ? k - 1 : k <= 10 ? 5 : 6);
  const n = new Array<number>(8).fill(0), v = new Array<number>(8).fill(0), c = new Array<number>(8).fill(0);
  for (let l = 0; l < hist.leads; l++) {
    if (hist.converted[l] < 0) continue;
    const g = index(hist.contactAttempt[l]);
    n[g]++;
    if (hist.contactAttempt[l] > 0) c[g]++;
    if (hist.converted[l] === 1) v[g]++;
  }
  return groups.map((label, g) => row(label, n[g], c[g], v[g])).filter((r) => r.leads > 0);
}
