export { compareScenarios, type ComparedScenario, type Comparison } from './compareScenarios';
export { pairedDifference, verdictOf, type PairedDifference, type Verdict } from './pairedDifference';
