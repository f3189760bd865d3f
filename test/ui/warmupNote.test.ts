// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { checkWarmup, warmupSentence } from '../../src/sim/warmup';
import { warmupParagraphs } from '../../src/ui/renderResults';

describe("the page's warm-up note", () => {
  // Pipelines that fill to 100 over 50 days and then hold: settled at day 50 by construction.
  const pipelines = Array.from({ length: 5 }, () => Array.from({ length: 120 }, (_, t) => Math.min(100, 2 * t)));
  const short = checkWarmup(pipelines, { days: 120, warmupDays: 20 });
  const long = checkWarmup(pipelines, { days: 120, warmupDays: 60 });

  it("shows leadlab run's sentence for each scenario, named when there are several, the short warm-up set apart", () => {
    const [a, b] = warmupParagraphs(['Short', 'Long'], [short, long]);
    expect(a.textContent).toBe(`Short: ${warmupSentence(short)}`);
    expect(a.classList.contains('warmup-warning')).toBe(true);
    expect(b.textContent).toBe(`Long: ${warmupSentence(long)}`);
    expect(b.classList.contains('warmup-warning')).toBe(false);
  });

  it('shows the sentence alone for a single scenario', () => {
    expect(warmupParagraphs(['Only'], [long]).map((p) => p.textContent)).toEqual([warmupSentence(long)]);
  });
});
