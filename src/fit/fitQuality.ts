import type { FittedModel } from './fitCallLog';

/** Fewer leads than this, or a parameter at its bound: the fit is not a result and cannot be used. */
export const MIN_LEADS_TO_USE = 30;
/** Fewer leads (or leads reached) than these: the fit can be used, but its curves are rough. */
export const THIN_LEADS = 500;
export const THIN_CONTACTED = 100;

/** Whether a fitted contact model can go into a scenario, and what to say beside the button. */
export interface FitQuality {
  level: 'good' | 'thin' | 'unusable';
  /** Why, in a reader's words; empty for a good fit. */
  reasons: string[];
}

const finiteRatio = (se: number, v: number) => Number.isFinite(se) && Number.isFinite(v) && v > 0 ? se / v : Infinity;

/**
 * Judges a fit before it is used: degenerate (too few leads to fit at all, contactability at the bound of the
 * fit, or no standard error) is unusable; few leads, few leads reached or wide standard errors make it thin.
 */
export function fitQuality(fit: FittedModel): FitQuality {
  const unusable: string[] = [];
  const thin: string[] = [];
  const { leads, contactedLeads } = fit.data;
  const bg = fit.attemptsToContact;
  if (leads < MIN_LEADS_TO_USE) unusable.push(`only ${leads} lead${leads === 1 ? '' : 's'} in the log (at least ${MIN_LEADS_TO_USE} are needed to fit anything)`);
  if (fit.contactModelFit.atBound) unusable.push('the fitted contactability stopped at the bound of the fit (the log shows no spread between leads), so its parameters are not a result');
  if (bg.atBound) unusable.push(`the beta-geometric fit stopped at its bound (alpha ${bg.alpha.toPrecision(3)}, beta ${bg.beta.toPrecision(3)})`);
  if (contactedLeads === 0) unusable.push('no lead in the log was ever reached');
  if (unusable.length) return { level: 'unusable', reasons: unusable };
  if (leads < THIN_LEADS) thin.push(`only ${leads} leads (curves from fewer than ${THIN_LEADS} leads are rough)`);
  if (contactedLeads < THIN_CONTACTED) thin.push(`only ${contactedLeads} lead${contactedLeads === 1 ? ' was' : 's were'} ever reached (fewer than ${THIN_CONTACTED})`);
  const widest = Math.max(finiteRatio(bg.se.alpha, bg.alpha), finiteRatio(bg.se.beta, bg.beta));
  if (widest > 0.5) thin.push(Number.isFinite(widest) ? `the standard errors are up to ${Math.round(widest * 100)}% of alpha and beta` : 'alpha and beta have no standard error');
  return { level: thin.length ? 'thin' : 'good', reasons: thin };
}

/** The note beside the fit's buttons. */
export function fitQualityWords(q: FitQuality): string {
  if (q.level === 'unusable') return `This fit cannot be used: ${q.reasons.join('; ')}. Bring a longer log.`;
  if (q.level === 'thin') return `A thin fit: ${q.reasons.join('; ')}. It can be used, but treat what it changes as rough.`;
  return '';
}
