import { MAX_DAYS, MAX_REPLICATIONS } from '../scenario/schema';

/** `--replications` takes what a scenario's `replications` takes. */
export const REPLICATIONS_LIMIT = { value: MAX_REPLICATIONS, why: `the scenario schema caps replications at ${MAX_REPLICATIONS.toLocaleString('en-US')}` };

/** `--warmup-days` takes what a scenario's `warmupDays` takes. */
export const WARMUP_DAYS_LIMIT = { value: MAX_DAYS, why: `the scenario schema caps warmupDays at ${MAX_DAYS.toLocaleString('en-US')}` };
