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
    // LRM's decay starts at 1 (no first-call discount), so it comes with the contactability it was calibrated
    // with: mean 0.4, wide spread. With the default's mean of 0.6 the best hours would saturate the answer
    // probability and flatten figure 5.
    contactability: { alpha: 0.8, beta: 1.2 },
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
