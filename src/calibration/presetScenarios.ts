/*
 * Named alternatives to the default contact model, as scenario snippets a user can copy into a scenario file
 * (data/scenarios/lrm-2007.json holds the same). See docs/assumptions.md.
 */

/**
 * "lrm-2007": the Lead Response Management Study's steep minutes-scale decay (odds of contact about 100 times
 * lower at 30 minutes than at 5, odds of qualifying about 21 times lower) and its hour-of-week profile.
 */
export const LRM_2007_SCENARIO = {
  name: 'lrm-2007 contact curves',
  description: 'The Lead Response Management Study (2007) speed-to-lead curve: contact falls about 100-fold from 5 to 30 minutes.',
  contact: {
    hourOfWeek: 'lrm-2007',
    ageDecay: { kind: 'exponential', halfLifeMinutes: 3.5, floor: 0.006 },
  },
} as const;

/** "velocify-2016": the default model with the nearly flat hour-of-week profile of the 2016 Velocify report. */
export const VELOCIFY_2016_SCENARIO = {
  name: 'velocify-2016 hour of week',
  description: 'The default contact model with the nearly flat hour profile of the 2016 Velocify report.',
  contact: { hourOfWeek: 'velocify-2016' },
} as const;

/**
 * "hbr-2011": the slower, day-scale cooling of Oldroyd, McElheran and Elkington (HBR, March 2011): qualification
 * about 7 times lower when the first call is in the second hour than in the first, and over 60 times lower after
 * 24 hours. The first-contact multiplier (the age decay, which applies only while a lead has never been reached)
 * holds for 30 minutes, drops about 7-fold by the end of the first hour, stays there through the working day and
 * drops again after a day; it starts at 0.45 of the lead's contactability, whose mean is 0.75: a stranger's first
 * call is answered less often than a known caller's follow-up. Fitted by a grid search (docs/assumptions.md); with
 * the default workflow it also puts figure 1 at attempts 2-4 in its bands. Not the default: it makes leads that
 * wait a day almost unreachable, which the default's other checks do not assume.
 */
export const HBR_2011_SCENARIO = {
  name: 'hbr-2011 contact curves',
  description: 'The HBR 2011 "Short Life of Online Sales Leads" speed-to-lead curve: qualification about 7x lower in hour 2 and 60x lower after a day.',
  contact: {
    contactability: { alpha: 1.5, beta: 0.5 },
    ageDecay: { kind: 'table', points: [[0, 0.45], [30, 0.45], [60, 0.0675], [120, 0.063], [960, 0.054], [1440, 0.0135], [2880, 0.0067]] },
  },
} as const;
