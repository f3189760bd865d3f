import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { checkWarmup, warmupSentence } from '../../src/sim/warmup';
import { PRESET_COMPARISONS } from '../../src/ui/presets';

/*
 * Every scenario the project ships (the examples in data/scenarios, the default among them, and the page's preset
 * comparisons) warms up until its open pipeline has settled, by the check every run makes (src/sim/warmup.ts). A model
 * change that makes pipelines fill more slowly fails here, not silently in every figure measured after it.
 */
const dir = new URL('../../data/scenarios/', import.meta.url);
const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));

function check(json: Record<string, unknown>) {
  const resolved = loadScenario(json, (p) => readFileSync(new URL(p, dir), 'utf8'));
  const replications = Math.min(resolved.scenario.replications, 10);
  const { summary } = runScenario(resolved, { replications });
  return checkWarmup(summary.daily.pipeline, { days: resolved.config.days, warmupDays: resolved.config.warmupDays, replications });
}

describe('the warm-up of every shipped scenario', () => {
  it.each(examples)('data/scenarios/%s settles within its warm-up', (file) => {
    const c = check(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    expect(c.verdict, warmupSentence(c)).toBe('adequate');
  });

  it.each(PRESET_COMPARISONS.flatMap((p) => p.scenarios.map((s) => [p.id, String(s.name), s] as const)))('the page preset %s, "%s", settles within its warm-up', (_id, _name, s) => {
    const c = check(s);
    expect(c.verdict, warmupSentence(c)).toBe('adequate');
  });
});
