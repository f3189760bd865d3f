/** Statistics helpers, one function per file: intervals, quantiles, special functions, inequality. */
export { chiSquaredPValue } from './chiSquaredPValue';
export { gini } from './gini';
export { logBeta } from './logBeta';
export { meanInterval } from './meanInterval';
export { median } from './median';
export { regularizedBeta } from './regularizedBeta';
export { signedFixed } from './signedFixed';
export { tQuantile975 } from './tQuantile975';
export { wilsonInterval } from './wilsonInterval';
