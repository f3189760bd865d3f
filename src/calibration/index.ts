export { runCalibration, type CalibrationOptions } from './calibrate';
export { meanInterval, type Estimate } from './estimate';
export { attemptFigures, hbrSpeedFigure, lrmSpeedFigure, timeOfWeekFigure, type CalibrationRow, type ExperimentOptions, type SpeedOptions } from './figures';
export { firstCallExperiment, type DelayArm, type FirstCallOptions, type FirstCallOutcome } from './firstCallExperiment';
export { LRM_2007_SCENARIO, VELOCIFY_2016_SCENARIO } from './presetScenarios';
