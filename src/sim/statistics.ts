/** The statistics helpers the model uses, which live in src/stats (one function per file). */
export { gini } from '../stats/gini';
export { meanInterval } from '../stats/meanInterval';
export { kthSmallest, median } from '../stats/median';
export { tQuantile975 } from '../stats/tQuantile975';
