import { bool, str } from '../../schema';

/*
 * Option fields several strategies share, declared once so they read and default the same everywhere. A
 * strategy that needs other words for one passes its own description.
 */

/**
 * Which waiting lead is handed out first: the newest ("lifo", the default, as the field hands out leads: a lead cools
 * by the minute, so of two waiting leads the fresher is worth more; docs/tradeoffs.md) or the oldest ("fifo"). A
 * queueing strategy whose point is first come, first served (the hunt group) passes "fifo".
 */
export const queueOrder = (description = 'Which waiting lead is handed out first: "lifo" the freshest (default; a lead cools by the minute), "fifo" the oldest.', def: 'fifo' | 'lifo' = 'lifo') =>
  str({ values: ['fifo', 'lifo'], default: def, description });

/** Whether agents off shift are passed over (default true: a lead waits for an agent on shift). */
export const skipOffShift = (description = 'Pass over agents who are off shift.') => bool({ default: true, description });

/** Whether agents at their pipeline or daily new-lead limit are passed over (default true). */
export const respectLimits = (description = 'Pass over agents at their pipeline limit or daily new-lead limit.') => bool({ default: true, description });
