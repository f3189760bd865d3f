import { huntGroup } from './huntGroup';
import { roundRobin } from './roundRobin';
import type { DistributionEntry } from './strategy';

/** Every distribution strategy a scenario may name. One file per strategy, one line here. */
export const distributionStrategies: Record<string, DistributionEntry<never>> = {
  [roundRobin.name]: roundRobin as DistributionEntry<never>,
  [huntGroup.name]: huntGroup as DistributionEntry<never>,
};

export { eligible, hasRoom, type DistributionEntry } from './strategy';
