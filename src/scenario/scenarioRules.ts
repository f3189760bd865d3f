import type { Report } from '../schema';
import type { ScenarioInput } from './schema';

/**
 * Rules across a scenario's sections: names an agent writes must refer to the lead sources and products the
 * scenario declares. (Rules within one field, such as an ordered pair, are declared with the field in
 * ./schema.ts.)
 */
export function scenarioRules(s: ScenarioInput, report: Report): void {
  const sources = s.leads.sources.map((x) => x.name);
  const products = s.leads.products.map((x) => x.name);
  const oneOf = (names: readonly string[], what: string) => `expected one of the ${what} (${names.join(', ')})`;
  s.agents.forEach((a, i) => {
    a.sources.forEach((n, j) => {
      if (!sources.includes(n)) report(['agents', i, 'sources', j], `${oneOf(sources, 'lead sources')}, got ${JSON.stringify(n)}`);
    });
    a.products.forEach((n, j) => {
      if (!products.includes(n)) report(['agents', i, 'products', j], `${oneOf(products, 'products')}, got ${JSON.stringify(n)}`);
    });
    for (const n of Object.keys(a.sourceSkill)) {
      if (!sources.includes(n)) report(['agents', i, 'sourceSkill', n], `${oneOf(sources, 'lead sources')} as key, got ${JSON.stringify(n)}`);
    }
    for (const n of Object.keys(a.productSkill)) {
      if (!products.includes(n)) report(['agents', i, 'productSkill', n], `${oneOf(products, 'products')} as key, got ${JSON.stringify(n)}`);
    }
  });
  if (s.leads.sources.every((x) => x.share === 0)) report(['leads', 'sources'], 'expected at least one source with a share above 0');
  if (s.leads.products.every((x) => x.share === 0)) report(['leads', 'products'], 'expected at least one product with a share above 0');
}
