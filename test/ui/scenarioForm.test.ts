// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/load';
import { fieldLink, markIssues, setAtPath } from '../../src/ui/scenarioForm';
import { renderScenarioForm } from '../../src/ui/scenarioSections';

type Json = Record<string, unknown>;

let form: HTMLFormElement;
let json: Json;

/** The page's loop in small: a field writes into the JSON, and the form is drawn again from it. */
function draw(): void {
  renderScenarioForm(form, json, {
    onInput: (path, value) => {
      setAtPath(json, path, value);
      draw();
    },
    edit: (mutate) => {
      mutate(json);
      draw();
    },
  });
}

function field(path: string): HTMLInputElement | HTMLSelectElement {
  const found = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-path]')].filter((i) => i.dataset.path === path);
  expect(found, `one field for ${path}`).toHaveLength(1);
  return found[0];
}

/** Types a whole value into a field, as the page sees it: the value changes and an input event bubbles. */
function type(path: string, value: string): void {
  const input = field(path);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function issuesOf(scenario: Json): { path: string; message: string }[] {
  try {
    loadScenario(scenario);
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
}

beforeEach(() => {
  document.body.innerHTML = `<form id="scenario-form">
    <input data-path="name" data-kind="text"><input data-path="leads.perDay" data-kind="number" type="number">
    <div id="agent-groups"></div><details><div id="lead-mix"></div></details><details><div id="cadence"></div></details>
    <details><div id="pipeline-rules"></div></details><details><div id="scoring"></div></details><details><div id="strategy-options"></div></details>
    <details><div id="assumptions"></div></details></form>`;
  form = document.getElementById('scenario-form') as HTMLFormElement;
  json = { name: 'Floor', agents: [{ name: 'Closer', count: 4 }], callbacks: 'radar' };
  draw();
});

describe('the lead mix in the form', () => {
  it('shows the documented default sources as placeholders while the scenario leaves them out', () => {
    // README: an aggregator (60% of leads, $40, resold to up to 4 buyers) and an exclusive web form (40%, $100).
    expect(field('leads.sources[0].name').value).toBe('');
    expect((field('leads.sources[0].name') as HTMLInputElement).placeholder).toBe('aggregator');
    expect((field('leads.sources[0].soldTo') as HTMLInputElement).placeholder).toBe('0.2, 0.3, 0.3, 0.2');
    expect((field('leads.sources[1].cost') as HTMLInputElement).placeholder).toBe('100');
    expect((field('leads.products[0].revenuePerFunded') as HTMLInputElement).placeholder).toBe('12000');
  });

  it('writes a price typed into a default source at leads.sources[1].cost, keeping the other defaults as they were', () => {
    type('leads.sources[1].cost', '75');
    expect(json.leads).toEqual({
      sources: [
        { name: 'aggregator', share: 0.6, cost: 40, soldTo: [0.2, 0.3, 0.3, 0.2], contactabilityFactor: 0.9, conversionFactor: 0.9 },
        { name: 'web-form', share: 0.4, cost: 75, soldTo: [1], contactabilityFactor: 1.15, conversionFactor: 1.15 },
      ],
    });
    expect(json.agents).toEqual([{ name: 'Closer', count: 4 }]);
    expect(issuesOf(json)).toEqual([]);
  });

  it('writes "buyers" weights as a list of numbers and a product revenue at its path', () => {
    json.leads = { perDay: 30, sources: [{ name: 'aggregator', share: 1 }], products: [{ name: 'purchase', share: 1 }] };
    draw();
    type('leads.sources[0].soldTo', '0.5, 0.5');
    type('leads.products[0].revenuePerFunded', '4200');
    expect(json.leads).toEqual({ perDay: 30, sources: [{ name: 'aggregator', share: 1, soldTo: [0.5, 0.5] }], products: [{ name: 'purchase', share: 1, revenuePerFunded: 4200 }] });
  });

  it('removes the key of a field left empty, so the default applies, and removes objects left empty', () => {
    json.leads = { sources: [{ name: 'aggregator', share: 1, cost: 25 }] };
    json.pipeline = { dropAfterDays: 45 };
    draw();
    type('leads.sources[0].cost', '');
    type('pipeline.dropAfterDays', '');
    expect(json.leads).toEqual({ sources: [{ name: 'aggregator', share: 1 }] });
    expect('pipeline' in json).toBe(false);
  });

  it('adds and removes a source row', () => {
    json.leads = { sources: [{ name: 'aggregator', share: 1 }] };
    draw();
    form.querySelector<HTMLButtonElement>('#lead-mix button:not([aria-label])')!.click();
    expect((json.leads as Json).sources).toEqual([{ name: 'aggregator', share: 1 }, { name: 'source 2', share: 1 }]);
    expect(field('leads.sources[1].name').value).toBe('source 2');
    form.querySelector<HTMLButtonElement>('[aria-label="Remove source 1"]')!.click();
    expect((json.leads as Json).sources).toEqual([{ name: 'source 2', share: 1 }]);
  });
});

describe('agent groups in the form', () => {
  it('write a role chosen for a group at its path, and take a cleared count back to the default of one agent', () => {
    type('agents[0].role', 'telemarketer');
    type('agents[0].count', '');
    expect(json.agents).toEqual([{ name: 'Closer', role: 'telemarketer' }]);
    expect((field('agents[0].count') as HTMLInputElement).placeholder).toBe('1');
    // The schema's default pipeline limit, 150 (docs/design.md: typically 100-150).
    expect((field('agents[0].pipelineLimit') as HTMLInputElement).placeholder).toBe('150');
  });

  it('add a group and remove one', () => {
    [...form.querySelectorAll('button')].find((b) => b.textContent === 'Add an agent group')!.click();
    expect(json.agents).toEqual([{ name: 'Closer', count: 4 }, { name: 'Group 2', count: 1 }]);
    form.querySelector<HTMLButtonElement>('[aria-label="Remove agent group 1"]')!.click();
    expect(json.agents).toEqual([{ name: 'Group 2', count: 1 }]);
    expect(field('agents[0].name').value).toBe('Group 2');
  });
});

describe('the callback cadence per status in the form', () => {
  it('shows the chosen preset\'s cadence as placeholders, and follows a change of preset in the JSON', () => {
    // README, callback presets: radar allows 14 attempts while unreached, every 18-24 h once contacted.
    expect((field('callbacks.statuses.attempted.maxAttempts') as HTMLInputElement).placeholder).toBe('14');
    expect((field('callbacks.statuses.contacted.intervalHours') as HTMLInputElement).placeholder).toBe('18, 24');
    json.callbacks = 'single-call';
    draw();
    expect((field('callbacks.statuses.attempted.maxAttempts') as HTMLInputElement).placeholder).toBe('1');
  });

  it('turns off the fixed-retries settings, saying why, unless the scenario chose that cadence: under another they did nothing', () => {
    // Found in review: with the radar, "Tries while unreached" could be typed, wrote "tries" into the JSON, and the run ignored it.
    const tries = field('callbacks.tries') as HTMLInputElement;
    expect(tries.matches(':disabled')).toBe(true);
    expect(form.querySelector('[data-note="fixed-retries"]')!.textContent).toBe('Only the Fixed retries cadence uses these: choose it in Callback cadence above to set them.');
    json.callbacks = 'fixed-retries';
    draw();
    expect(tries.matches(':disabled')).toBe(false);
    expect(form.querySelector('[data-note="fixed-retries"]')!.textContent).toBe('');
    type('callbacks.tries', '3');
    expect(json.callbacks).toEqual({ preset: 'fixed-retries', tries: 3 });
  });

  it('turns off the contact assumptions, saying why, while a fitted contact model replaces them', () => {
    // Found in review: after "Use this fit", the contactability fields showed the defaults' 2.4 and 1.6 and wrote
    // "contact" into the JSON, which the fitted "contactModel" replaces.
    const alpha = field('contact.contactability.alpha') as HTMLInputElement;
    expect(alpha.matches(':disabled')).toBe(false);
    json.contactModel = { contactability: { alpha: 10, beta: 40 } };
    draw();
    expect(alpha.matches(':disabled')).toBe(true);
    expect(form.querySelector('[data-note="contact"]')!.textContent).toMatch(/^This scenario uses a contact model fitted to a call log/);
    // The competitor and conversion assumptions still apply.
    expect((field('competitor.meanResponseMinutes') as HTMLInputElement).matches(':disabled')).toBe(false);
    delete json.contactModel;
    draw();
    expect(alpha.matches(':disabled')).toBe(false);
  });

  it('writes an interval typed for "contacted" as a change to the preset for that status only, and takes it back when cleared', () => {
    type('callbacks.statuses.contacted.intervalHours', '12, 18');
    expect(json.callbacks).toEqual({ preset: 'radar', statuses: { contacted: { intervalHours: [12, 18] } } });
    type('callbacks.statuses.contacted.onExhausted', 'lost');
    expect(json.callbacks).toEqual({ preset: 'radar', statuses: { contacted: { intervalHours: [12, 18], onExhausted: 'lost' } } });
    expect(issuesOf(json)).toEqual([]);
    type('callbacks.statuses.contacted.intervalHours', '');
    type('callbacks.statuses.contacted.onExhausted', '');
    expect(json.callbacks).toBe('radar');
  });
});

describe('the production cycle in the form', () => {
  it('shows the preset\'s cycle, copies it into the scenario when a day is edited, and goes back to it', () => {
    // README, callback presets: radar calls "contacted" x0.75 as often on days 1-10 and "application" x0.5 on 21-31.
    expect((field('callbacks.productionCycle[0].intervalFactor') as HTMLInputElement).placeholder).toBe('0.75');
    expect((field('callbacks.productionCycle[1].fromDay') as HTMLInputElement).placeholder).toBe('21');
    type('callbacks.productionCycle[0].toDay', '7');
    expect(json.callbacks).toEqual({
      preset: 'radar',
      productionCycle: [
        { status: 'contacted', fromDay: 1, toDay: 7, intervalFactor: 0.75 },
        { status: 'application', fromDay: 21, toDay: 31, intervalFactor: 0.5 },
      ],
    });
    expect(issuesOf(json)).toEqual([]);
    [...form.querySelectorAll('button')].find((b) => b.textContent === "Use the cadence's own cycle")!.click();
    expect(json.callbacks).toBe('radar');
  });

  it('has no rows for a cadence without a cycle, until one is added', () => {
    json.callbacks = 'single-call';
    draw();
    expect(form.querySelectorAll('[data-path^="callbacks.productionCycle"]')).toHaveLength(0);
    [...form.querySelectorAll('button')].find((b) => b.textContent === 'Add a modifier')!.click();
    expect(json.callbacks).toEqual({ preset: 'single-call', productionCycle: [{ status: 'contacted', fromDay: 1, toDay: 10, intervalFactor: 1 }] });
    expect(field('callbacks.productionCycle[0].status').value).toBe('contacted');
  });
});

describe('the contact and conversion assumptions in the form', () => {
  it('shows the calibrated defaults as placeholders and writes an edit at its path only', () => {
    // docs/assumptions.md: contactability Beta(2.4, 1.6), competitors respond in 20 minutes on average, a ready lead
    // applies with probability 0.15 per conversation; the full pipeline prunes leads unreached after 6 attempts.
    expect((field('contact.contactability.alpha') as HTMLInputElement).placeholder).toBe('2.4');
    expect((field('competitor.meanResponseMinutes') as HTMLInputElement).placeholder).toBe('20');
    expect((field('funnel.applicationPerConversation') as HTMLInputElement).placeholder).toBe('0.15');
    expect((field('pipeline.pruneAtLimitAfterAttempts') as HTMLInputElement).placeholder).toBe('6');
    type('competitor.meanResponseMinutes', '5');
    type('contact.hourOfWeek', 'velocify-2016');
    expect(json.competitor).toEqual({ meanResponseMinutes: 5 });
    expect(json.contact).toEqual({ hourOfWeek: 'velocify-2016' });
    expect(issuesOf(json)).toEqual([]);
    type('competitor.meanResponseMinutes', '');
    expect('competitor' in json).toBe(false);
  });

  it('marks a share outside 0-1 where it is', () => {
    type('competitor.reachProbability', '1.5');
    const issues = issuesOf(json);
    expect(issues.map((i) => i.path)).toEqual(['competitor.reachProbability']);
    markIssues(form, issues);
    expect(field('competitor.reachProbability').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the form follows the JSON', () => {
  it('shows values edited in the JSON in their fields, and empties fields whose key was removed', () => {
    type('pipeline.nurtureAfterConversations', '4');
    json = { name: 'Edited', leads: { sources: [{ name: 'own site', share: 2, cost: 90 }] }, callbacks: { preset: 'radar', statuses: { attempted: { burstMinutes: [5, 15] } } }, distribution: { strategy: 'grab-bag', options: { respectLimits: false } } };
    (document.activeElement as HTMLElement).blur();
    draw();
    expect(field('name').value).toBe('Edited');
    expect(field('leads.sources[0].cost').value).toBe('90');
    expect(form.querySelectorAll('[data-path^="leads.sources["][data-path$="].name"]')).toHaveLength(1);
    expect(field('callbacks.statuses.attempted.burstMinutes').value).toBe('5, 15');
    expect(field('distribution.options.respectLimits').value).toBe('false');
    expect(field('pipeline.nurtureAfterConversations').value).toBe('');
  });
});

describe('lead scoring in the form', () => {
  it('is off by default, turns on as "scoring": {}, shows its defaults, and turns off again removing the model', () => {
    expect(field('scoring').value).toBe('');
    expect((field('scoring') as HTMLSelectElement).options[0].textContent).toBe('Off: every lead goes to sales');
    type('scoring', 'on');
    expect(json.scoring).toEqual({});
    // schema.ts: threshold 0.5, a weekly drip email.
    expect((field('scoring.threshold') as HTMLInputElement).placeholder).toBe('0.5');
    expect((field('scoring.drip.intervalDays') as HTMLInputElement).placeholder).toBe('7');
    type('scoring.drip.optOutPerEmail', '0.01');
    expect(json.scoring).toEqual({ drip: { optOutPerEmail: 0.01 } });
    expect(issuesOf(json)).toEqual([]);
    type('scoring', '');
    expect('scoring' in json).toBe(false);
  });
});

describe('strategy options in the form', () => {
  it('are the chosen strategy\'s own options, and a yes/no written as true or false', () => {
    json.distribution = { strategy: 'grab-bag', options: {} };
    draw();
    const paths = [...form.querySelectorAll<HTMLElement>('#strategy-options [data-path]')].map((i) => i.dataset.path);
    expect(paths).toEqual(['distribution.options.prefer', 'distribution.options.otherAfterMinutes', 'distribution.options.respectLimits', 'distribution.options.queueOrder']);
    type('distribution.options.respectLimits', 'false');
    type('distribution.options.prefer', 'web-form, referral');
    expect(json.distribution).toEqual({ strategy: 'grab-bag', options: { respectLimits: false, prefer: ['web-form', 'referral'] } });
    expect((field('distribution.options.otherAfterMinutes') as HTMLInputElement).placeholder).toBe('60');
    // A yes/no left alone says its default in words.
    type('distribution.options.respectLimits', '');
    (document.activeElement as HTMLElement).blur();
    draw();
    expect((field('distribution.options.respectLimits') as HTMLSelectElement).selectedOptions[0].textContent).toBe('Default: Yes');
  });

  it('flatten nested options and leave maps to the JSON with a note', () => {
    json.distribution = 'source-specialist';
    draw();
    type('distribution.options.learning.maxGain', '0.3');
    expect(json.distribution).toEqual({ strategy: 'source-specialist', options: { learning: { maxGain: 0.3 } } });
    expect(form.querySelector('#strategy-options')!.textContent).toContain('("teams"): edit it in the JSON');
  });
});

describe('schema issues on the form', () => {
  it('mark the field the schema names, open its section, and only that field', () => {
    json.leads = { sources: [{ name: 'aggregator', share: 1 }, { name: 'web', share: -1 }] };
    draw();
    const issues = issuesOf(json);
    expect(issues.map((i) => i.path)).toEqual(['leads.sources[1].share']);
    expect(markIssues(form, issues)).toBe(1);
    expect([...form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].map((i) => i.dataset.path)).toEqual(['leads.sources[1].share']);
    expect(field('leads.sources[1].share').closest('details')!.open).toBe(true);
    markIssues(form, []);
    expect(form.querySelectorAll('[aria-invalid]')).toHaveLength(0);
  });

  it('come with a button that opens the section of the field and puts the cursor in it', () => {
    Element.prototype.scrollIntoView ??= () => {};
    const [, button] = fieldLink(form, 'callbacks.statuses.closing.maxAttempts') as [string, HTMLButtonElement];
    const input = field('callbacks.statuses.closing.maxAttempts');
    expect(input.closest('details')!.open).toBe(false);
    button.click();
    expect(input.closest('details')!.open).toBe(true);
    expect(document.activeElement).toBe(input);
    expect(fieldLink(form, 'contact.ageDecay')).toEqual([]);
  });

  it('mark the days simulated, and link to them, for a warm-up or cool-down (set in the JSON only) the days no longer hold', () => {
    Element.prototype.scrollIntoView ??= () => {};
    const fixed = document.createElement('form');
    fixed.innerHTML = '<label>Days simulated <input data-path="days" type="number" /></label>';
    document.body.append(fixed);
    // The workbench's preset with a 75-day warm-up, its days typed down to 50.
    const issues = issuesOf({ name: 'x', days: 50, warmupDays: 75 });
    expect(issues.map((i) => i.path)).toEqual(['warmupDays']);
    expect(markIssues(fixed, issues)).toBe(1);
    expect(fixed.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    const [, button] = fieldLink(fixed, 'warmupDays') as [string, HTMLButtonElement];
    button.click();
    expect(document.activeElement).toBe(fixed.querySelector('input'));
    fixed.remove();
  });

  it('name a required source field cleared in the form, and a cadence interval that is not two numbers', () => {
    json.leads = { sources: [{ name: 'aggregator', share: 1 }] };
    draw();
    type('leads.sources[0].name', '');
    type('callbacks.statuses.application.intervalHours', '48');
    const issues = issuesOf(json);
    expect(issues.map((i) => i.path).sort()).toEqual(['callbacks.statuses.application.intervalHours', 'leads.sources[0].name']);
    expect(markIssues(form, issues)).toBe(2);
  });
});
