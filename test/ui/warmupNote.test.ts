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
    expect(a.textContent).toBe(`Short: ${warmupSentence(short, '\u2212')}`);
    expect(a.classList.contains('warmup-warning')).toBe(true);
    expect(b.textContent).toBe(`Long: ${warmupSentence(long, '\u2212')}`);
    expect(b.classList.contains('warmup-warning')).toBe(false);
  });

  it('shows the sentence alone for a single scenario', () => {
    expect(warmupParagraphs(['Only'], [long]).map((p) => p.textContent)).toEqual([warmupSentence(long, '\u2212')]);
  });

  it('writes a falling pipeline\'s changes with the minus sign the page writes every negative number with', () => {
    // Pipelines that drain from 200 to 100 over the first 100 days: the measured days fall.
    const falling = checkWarmup(Array.from({ length: 5 }, (_, r) => Array.from({ length: 120 }, (_, t) => 100 + Math.max(0, 100 - t) + r)), { days: 120, warmupDays: 20 });
    expect(falling.drift).toBeLessThan(0);
    const [note] = warmupParagraphs(['Only'], [falling]);
    expect(note.textContent).toContain('\u2212');
    expect(note.textContent).not.toMatch(/[\s(]-\d/);
    expect(warmupSentence(falling)).toMatch(/[\s(]-\d/);
  });
});
