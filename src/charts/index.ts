export { differenceRows, differenceUnit, pairedDifferenceSpec, VERDICT_COLORS, type DifferenceRow } from './differenceSpec';
export { funnelSpec, intervalSpec, leadsPerAgentSpec, pipelineSpec, SCENARIO_COLORS, timeBinSpec } from './specs';
export {
  agentRows,
  FUNNEL_STAGES,
  funnelRows,
  intervalRows,
  pipelineRows,
  timeBinLabels,
  timeBinRows,
  type AgentRow,
  type FunnelRow,
  type IntervalRow,
  type PipelineRow,
  type TimeBinRow,
} from './rows';
export { ageLabel, contactByAttemptSpec, contactByHourOfWeekSpec, contactByLeadAgeSpec, reachedByAgeSpec, reachedByAttemptRows, reachedByAttemptSpec, type ReachedByAttemptRow } from './fitCharts';
export { lossMoneySpec, waterfallRows, waterfallSpec, type WaterfallRow } from './diagnosisSpecs';
