/**
 * Pipeline management: the daily new-lead cap (the row of scripts/tradeoffs-table.mjs), which sets the size of each
 * agent's pipeline, and the field's story of the top and the bottom loan officer
 * (data/scenarios/top-and-bottom-loan-officer.json, as is).
 */
import topAndBottom from '../../../data/scenarios/top-and-bottom-loan-officer.json';
import { notebookFloor, type Story } from './story';

const closers = (over: Record<string, unknown>) => [
  { name: 'Day closer', count: 7, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5, ...over },
  { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5, ...over },
];

/** New leads an agent may take a day (the field's rule of thumb: 3-7). */
export const NEW_LEAD_CAPS = [3, 5, 7, 15];

export const capScenarios = NEW_LEAD_CAPS.map((n) => notebookFloor({ name: `At most ${n} new leads per agent a day`, agents: closers({ newLeadsPerDay: n }) }));
export const topAndBottomScenario: Record<string, unknown> = { ...topAndBottom };

export const pipelineStory: Story = {
  seed: 12,
  replications: 4,
  scenarios: [...capScenarios, topAndBottomScenario],
};
