import { grabBag } from './grabBag';
import { huntGroup } from './huntGroup';
import { productSpecialist } from './productSpecialist';
import { pull } from './pull';
import { push } from './push';
import { roundRobin } from './roundRobin';
import { sourceSpecialist } from './sourceSpecialist';
import { telemarketingWarmUp } from './telemarketingWarmUp';
import type { DistributionEntry } from './strategy';
import { topProducers } from './topProducers';

/** Every distribution strategy a scenario may name. One file per strategy, one line here. */
export const distributionStrategies: Record<string, DistributionEntry<never>> = {
  [roundRobin.name]: roundRobin as DistributionEntry<never>,
  [huntGroup.name]: huntGroup as DistributionEntry<never>,
  [push.name]: push as DistributionEntry<never>,
  [pull.name]: pull as DistributionEntry<never>,
  [topProducers.name]: topProducers as DistributionEntry<never>,
  [sourceSpecialist.name]: sourceSpecialist as DistributionEntry<never>,
  [grabBag.name]: grabBag as DistributionEntry<never>,
  [productSpecialist.name]: productSpecialist as DistributionEntry<never>,
  [telemarketingWarmUp.name]: telemarketingWarmUp as DistributionEntry<never>,
};

export { eligible, hasRoom, type DistributionEntry } from './strategy';
