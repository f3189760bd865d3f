/**
 * The chosen distribution strategy's options in the form, built from the strategy's own options schema (each
 * registry entry has one), so a new strategy gets its fields without a change here. Yes/no options and choices are
 * selects with a "Default" choice; numbers, lists of numbers and lists of names are inputs; nested objects are
 * flattened into their fields; maps (teams by source or product) are left to the JSON, with a note.
 */
import { distributionStrategies } from '../strategies/distribution';
import { el } from './dom';
import { strategyOf } from './fieldDefaults';
import { formField, wireInputs, type FieldSpec } from './scenarioForm';

type Node = { type?: string; enum?: string[]; properties?: Record<string, Node>; items?: Node; additionalProperties?: unknown; description?: string };

/** Option names in the field's words; others are spelled out from their camelCase name. */
const OPTION_WORDS: Record<string, string> = {
  skipOffShift: 'Skip agents who are off shift',
  respectLimits: 'Respect pipeline and daily new-lead limits',
  respectDailyLimit: 'Respect the daily new-lead limit',
  queueOrder: 'Which waiting lead goes first',
  weights: 'Weights (one per agent or rank)',
  prefer: 'Sources agents cherry-pick (comma-separated)',
  otherAfterMinutes: 'Minutes before other sources are picked',
  callbackMinutes: 'Minutes to a closer callback when no closer is free',
  wipLimit: 'Work-in-progress limit (open leads)',
  windowDays: 'Production window (days)',
  mislabeledShare: 'Share of leads with the wrong product (0 to 1)',
  bounceMinutes: 'Minutes for a mislabeled lead to reach the right team',
  maxGain: 'Learning: most conversion gain (0.5 = +50%)',
  conversationsToHalf: 'Learning: conversations for half the gain',
};

const CHOICE_WORDS: Record<string, string> = { fifo: 'First in, first out (oldest first)', lifo: 'Last in, first out (newest first)' };

function words(key: string): string {
  if (OPTION_WORDS[key]) return OPTION_WORDS[key];
  const spaced = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return spaced[0].toUpperCase() + spaced.slice(1);
}

/** The fields of an options schema, with paths under `prefix`; maps are returned as notes. */
export function optionFields(node: Node, prefix: string): (FieldSpec | { note: string })[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, n]): (FieldSpec | { note: string })[] => {
    const path = `${prefix}.${key}`;
    const hint = n.description;
    if (n.type === 'boolean') return [{ path, label: words(key), kind: 'bool', hint }];
    if (n.type === 'string' && n.enum) return [{ path, label: words(key), kind: 'choice', choices: n.enum.map((v) => [v, CHOICE_WORDS[v] ?? v] as const), hint }];
    if (n.type === 'string') return [{ path, label: words(key), hint }];
    if (n.type === 'number' || n.type === 'integer') return [{ path, label: words(key), kind: 'number', hint }];
    if (n.type === 'array' && (n.items?.type === 'number' || n.items?.type === 'integer')) return [{ path, label: words(key), kind: 'numbers', hint }];
    if (n.type === 'array' && n.items?.type === 'string') return [{ path, label: words(key), kind: 'strings', hint }];
    if (n.type === 'object' && n.properties) return optionFields(n, path);
    return [{ note: `${words(key)} ("${key}"): edit it in the JSON. ${hint ?? ''}`.trim() }];
  });
}

/** Renders the options of the scenario's strategy; rebuilt only when the strategy changes. */
export function renderStrategyOptions(container: HTMLElement, json: Record<string, unknown>, onInput: (path: string, value: unknown) => void): void {
  const name = strategyOf(json);
  if (container.dataset.strategy === name) return;
  container.dataset.strategy = name;
  const entry = distributionStrategies[name];
  const fields = optionFields(entry.options.jsonSchema() as Node, 'distribution.options');
  container.replaceChildren(
    el('p', { className: 'hint' }, entry.describe),
    ...(fields.length === 0 ? [el('p', { className: 'hint' }, 'This strategy has no options.')] : []),
    el('fieldset', {}, el('legend', {}, 'Options of this strategy'), ...fields.map((f) => ('note' in f ? el('p', { className: 'hint wide' }, f.note) : formField({ ...f, wide: true })))),
  );
  if (!container.dataset.wired) {
    wireInputs(container, onInput);
    container.dataset.wired = 'yes';
  }
}
