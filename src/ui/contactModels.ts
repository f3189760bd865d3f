/** What a scenario says about how consumers answer: a fitted `contactModel`, its own `contact` settings, or the defaults. */
export type ContactSource = 'fitted model' | 'own contact settings' | 'default contact settings';

/** Where a scenario's chance of an answer comes from, and a key that is equal for equal models. */
export function contactSourceOf(json: Record<string, unknown>): { source: ContactSource; key: string } {
  if (json.contactModel !== undefined) return { source: 'fitted model', key: `model:${JSON.stringify(json.contactModel)}` };
  if (json.contact !== undefined) return { source: 'own contact settings', key: `contact:${JSON.stringify(json.contact)}` };
  return { source: 'default contact settings', key: 'default' };
}

/**
 * A warning when the compared scenarios answer the phone by different models: their differences then mix the
 * policy with the model (a fitted log against the defaults reads as a policy's loss). Undefined when all agree.
 *
 * @example
 * contactModelWarning([{ name: 'A', json: { contactModel: {...} } }, { name: 'B', json: {} }])
 * // 'The scenarios use different contact models (A: fitted model; B: default contact settings) ...'
 */
export function contactModelWarning(scenarios: readonly { name: string; json: Record<string, unknown> }[]): string | undefined {
  const sources = scenarios.map((s) => ({ name: s.name, ...contactSourceOf(s.json) }));
  if (sources.every((s) => s.key === sources[0].key)) return undefined;
  const groups = new Map<string, string[]>();
  for (const s of sources) {
    const label = sources.filter((o) => o.source === s.source).length > 1 && new Set(sources.filter((o) => o.source === s.source).map((o) => o.key)).size > 1 ? `${s.source} (${s.name}'s own)` : s.source;
    groups.set(label, [...(groups.get(label) ?? []), s.name]);
  }
  const said = [...groups].map(([label, names]) => `${names.join(', ')}: ${label}`).join('; ');
  return `The scenarios use different contact models (${said}), so their differences mix the policy with how often consumers answer. Use the same contact model in every scenario (History: "Use this fit in all scenarios") to compare policies.`;
}
