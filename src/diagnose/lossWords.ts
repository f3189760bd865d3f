import { formatTenths } from '../format';
import { LOSS_BUCKET_INFO, LOSS_BUCKETS, type LossBucket } from '../sim/lossAttribution';
import type { LossSummary } from '../sim/summary';

/*
 * The words shown beside the loss buckets, shared by `leadlab diagnose`'s table, its printed report and the page, so
 * the three say the same thing (docs/diagnosis.md, "Loss attribution").
 */

/**
 * What lost revenue is, and is not. Said wherever the buckets are shown as money: the buckets of a floor add up to
 * far more than any fix wins, and a reader took them for money a fix could recover.
 */
export const LOST_REVENUE_NOTE =
  "Lost revenue prices each lost lead at this floor's own average value for the furthest stage it reached (its own conversion from there to a funded loan). It is a what-if, not money a fix can win back: the ladder of fixes above says what fixes win.";

/** A bucket's mean count of leads a month, as a count: fractional means keep a decimal (0.1 leads, not 0). */
export function leadCount(leads: number): string {
  const text = formatTenths(leads);
  return `${text} lead${text === '1.0' ? '' : 's'}`;
}

/** The buckets of a floor, most lost revenue first (then most leads), each with its one-line definition. */
export function lossRows(losses: LossSummary): { bucket: LossBucket; label: string; definition: string; leads: number; leadCost: number; lostRevenue: number }[] {
  return [...LOSS_BUCKETS]
    .map((b) => ({ bucket: b, label: LOSS_BUCKET_INFO[b].label, definition: LOSS_BUCKET_INFO[b].describe, leads: losses.buckets[b].leads.mean, leadCost: losses.buckets[b].leadCost.mean, lostRevenue: losses.buckets[b].lostRevenue.mean }))
    // Ties (a floor where nothing funds prices every bucket at $0) by leads, so the largest losses still come first.
    .sort((a, b) => b.lostRevenue - a.lostRevenue || b.leads - a.leads);
}
