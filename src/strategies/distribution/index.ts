import { grabBag } from './grabBag';
import { huntGroup } from './huntGroup';
import { productSpecialist } from './productSpecialist';
import { pull } from './pull';
import { push } from './push';
import { roundRobin } from './roundRobin';
import { sourceSpecialist } from './sourceSpecialist';
import { registered, type RegisteredStrategy } from './strategy';
import { telemarketingWarmUp } from './telemarketingWarmUp';
import { topProducers } from './topProducers';

/** Every distribution strategy a scenario may name, in the order the page lists them. One file per strategy, one line here. */
const REGISTRY: readonly RegisteredStrategy[] = [
  registered(roundRobin),
  registered(huntGroup),
  registered(push),
  registered(pull),
  registered(topProducers),
  registered(sourceSpecialist),
  registered(grabBag),
  registered(productSpecialist),
  registered(telemarketingWarmUp),
];

/** The registry by name. Look names up with `strategyNamed`, which never finds an inherited key like "toString". */
export const distributionStrategies: Readonly<Record<string, RegisteredStrategy>> = Object.fromEntries(REGISTRY.map((s) => [s.name, s]));

/** The registered strategy of this name, or undefined (for any name, including "toString" or "__proto__"). */
export function strategyNamed(name: unknown): RegisteredStrategy | undefined {
  return typeof name === 'string' && Object.hasOwn(distributionStrategies, name) ? distributionStrategies[name] : undefined;
}

export { eligible, hasRoom, StrategyOptionsError, type DistributionEntry, type NameReference, type RegisteredStrategy } from './strategy';
