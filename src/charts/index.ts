export { differenceRows, differenceUnit, pairedDifferenceSpec, VERDICT_COLORS, type DifferenceRow } from './differenceSpec';
export { funnelSpec, intervalSpec, leadsPerAgentCaption, leadsPerAgentSpec, NARROW, pipelineCaption, pipelineSpec, SCENARIO_COLORS, timeBinSpec, WIDTH, wrap } from './specs';
export {
  agentRows,
  FUNNEL_STAGES,
  funnelRows,
  intervalRows,
  pipelineBin,
  pipelineRows,
  pipelineSpreadRows,
  timeBinLabels,
  timeBinRows,
  type AgentRow,
  type FunnelRow,
  type IntervalRow,
  type PipelineBin,
  type PipelineRow,
  type PipelineSpreadRow,
  type TimeBinRow,
} from './rows';
export { ageLabel, contactByAttemptSpec, contactByHourOfWeekSpec, contactByLeadAgeSpec, reachedByAgeSpec, reachedByAttemptRows, reachedByAttemptSpec, type ReachedByAttemptRow } from './fitCharts';
export { lossMoneySpec, waterfallRows, waterfallSpec, type WaterfallRow } from './diagnosisSpecs';
