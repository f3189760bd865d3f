export { compareScenarios, SAME_AS_BASELINE, type CompareOptions, type ComparedScenario, type Comparison } from './compareScenarios';
export { DAYS_PER_MONTH, perMonth, WINDOW_TOTALS } from './windowTotals';
export { MIN_PAIRS_AGREEING, pairedDifference, verdictOf, type PairedDifference, type Verdict } from './pairedDifference';
export { parsePath, setAtPath, type PathExpander, type PathStep } from './jsonPath';
export { expandScenarioStep, fitOptionsToStrategy, setScenarioValues } from './scenarioPath';
export { expandValues, parseSweepSpec, type SweepParameter, type SweepSpec } from './sweepSpec';
export { scenarioOf, shardRange, sweepCombinations, sweepRunKeys, type SweepCombination } from './sweepGrid';
export {
  isSweepShard,
  mergeShards,
  sweepResult,
  type PartialRuns,
  type SweepCombinationSummary,
  type SweepDefinition,
  type SweepResult,
  type SweepRun,
  type SweepShard,
} from './sweepResult';
export { sweepCombinationsCsv, sweepRunsCsv } from './sweepCsv';
export { clampInterval } from '../sim/metricRange';
export { allCandidatesSame, confirmationSplit, firstFreshReplication, successiveHalving, type BudgetSplit, type HalvingOptions, type HalvingResult, type HalvingRound } from './successiveHalving';
