import { HOURS_PER_WEEK } from '../../sim/calendar';

/**
 * Hour-of-week profiles (168 values, Monday 00:00-01:00 first), built from a day-of-week and an hour-of-day
 * factor. Contact profiles multiply the answer probability and are normalized to mean 1 over weekday
 * working hours (08:00-20:00); arrival profiles are relative weights of lead arrivals.
 */
function combine(day: readonly number[], hour: readonly number[]): number[] {
  const out: number[] = [];
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) out.push(day[d] * hour[h]);
  return out;
}

function normalizeWorkingHours(p: number[]): number[] {
  let sum = 0, n = 0;
  for (let d = 0; d < 5; d++) for (let h = 8; h < 20; h++) {
    sum += p[d * 24 + h];
    n++;
  }
  const mean = sum / n;
  return p.map((x) => x / mean);
}

/*
 * "lrm-2007": Lead Response Management Study (Oldroyd / InsideSales.com, 2007): Wednesday and Thursday are the
 * best days to reach a lead (about +50% over the worst day); 4-6 pm is the best hour (+114% over 11 am-noon,
 * the worst), 8-9 am the second best. Hours between these anchors are interpolated (assumption), and the
 * night hours (not studied) are set low (assumption: consumers rarely answer a sales call at night).
 */
const LRM_DAY = [1.0, 0.85, 1.2, 1.275, 0.95, 0.8, 0.8]; // Thu = 1.5 x Tue (worst weekday)
const LRM_HOUR = [
  0.25, 0.2, 0.2, 0.2, 0.2, 0.25, 0.4, 0.7, // 00-08
  1.2, 1.0, 0.8, 0.6, 0.7, 0.8, 0.95, 1.1, // 08-16: 11-12 worst (0.6)
  1.284, 1.284, 1.0, 0.8, 0.6, 0.45, 0.35, 0.3, // 16-18 best: 2.14 x 0.6
];

/*
 * "velocify-2016": a 2016 Velocify report found only about 2.6 percentage points between the best and the worst
 * hour of the working day, i.e. a nearly flat profile: +-5.5% around the mean, which gives that 2.6-point spread
 * for a fresh lead of the default model called at once (27% answered on average) (figure 5 of `leadlab calibrate`). Days are flat; nights
 * low as above (assumption).
 */
const VELOCIFY_HOUR = [
  0.25, 0.2, 0.2, 0.2, 0.2, 0.25, 0.4, 0.7, 1.055, 1.022, 1.0, 0.956, 0.945, 0.967, 1.0, 1.022, 1.044, 1.055, 1.033, 1.0, 0.8, 0.6, 0.4, 0.3,
];

/*
 * "web-forms" arrival profile (assumption, the usual shape of consumer web-form traffic): few leads at
 * night, a rise from 7 am, a plateau through the working day and the evening, weekends at about 70%.
 */
const WEB_DAY = [1.05, 1.1, 1.05, 1.0, 0.95, 0.7, 0.7];
const WEB_HOUR = [0.3, 0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.2, 1.2, 1.2, 1.2, 1.15, 1.1, 1.1, 1.1, 1.15, 1.2, 1.2, 1.0, 0.75, 0.5];

export const CONTACT_HOUR_PRESETS = ['flat', 'lrm-2007', 'velocify-2016'] as const;
export const ARRIVAL_PRESETS = ['flat', 'web-forms'] as const;

export function contactHourPreset(name: (typeof CONTACT_HOUR_PRESETS)[number]): number[] {
  switch (name) {
    case 'flat':
      return new Array<number>(HOURS_PER_WEEK).fill(1);
    case 'lrm-2007':
      return normalizeWorkingHours(combine(LRM_DAY, LRM_HOUR));
    case 'velocify-2016':
      return normalizeWorkingHours(combine([1, 1, 1, 1, 1, 1, 1], VELOCIFY_HOUR));
  }
}

export function arrivalPreset(name: (typeof ARRIVAL_PRESETS)[number]): number[] {
  switch (name) {
    case 'flat':
      return new Array<number>(HOURS_PER_WEEK).fill(1);
    case 'web-forms':
      return combine(WEB_DAY, WEB_HOUR);
  }
}
