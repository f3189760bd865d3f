import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

/** Erlang C for c servers, arrival rate lambda and mean service time s: probability of waiting and mean wait. */
function erlangC(c: number, lambda: number, s: number): { pWait: number; meanWait: number } {
  const a = lambda * s;
  let term = 1, sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  // term is now a^c / c!
  const top = (term * c) / (c - a);
  const pWait = top / (sum + top);
  return { pWait, meanWait: pWait / (c / s - lambda) };
}

const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
const standardError = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((x, y) => x + (y - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

describe('hunt group', () => {
  it('reproduces the Erlang C mean wait and probability of waiting within 3%', () => {
    const json = JSON.parse(readFileSync('data/scenarios/erlang-c.json', 'utf8'));
    const c: number = json.agents[0].count;
    const lambda = json.leads.perDay / 1440;
    const s: number = json.calls.talkMinutes.mean;
    expect(lambda * s / c).toBeGreaterThanOrEqual(0.7);
    expect(lambda * s / c).toBeLessThanOrEqual(0.85);
    const truth = erlangC(c, lambda, s);
    // 20 replications of a year (about 206,000 leads each). One replication's mean wait varies by about 3-4%
    // at rho = 0.8 (waits are strongly autocorrelated), so the mean of 20 has a standard error under 1% and
    // the 3% bound is more than three standard errors wide.
    const { runs } = runScenario(loadScenario(json), { seed: 11, replications: 20 });
    const waits = runs.map((r) => r.metrics.meanMinutesToFirstAttempt);
    const delayed = runs.map((r) => r.metrics.shareFirstAttemptDelayed);
    expect(standardError(waits) / mean(waits)).toBeLessThan(0.01);
    expect(standardError(delayed) / mean(delayed)).toBeLessThan(0.01);
    expect(Math.abs(mean(waits) / truth.meanWait - 1)).toBeLessThan(0.03);
    expect(Math.abs(mean(delayed) / truth.pWait - 1)).toBeLessThan(0.03);
    // One call per lead and every call answered, as the M/M/c model assumes.
    for (const r of runs) {
      expect(r.metrics.attemptsPerLead).toBe(1);
      expect(r.metrics.contactRate).toBe(1);
    }
  });

  it('gives a lead to a free agent at once and never to a busy one', () => {
    const json = JSON.parse(readFileSync('data/scenarios/erlang-c.json', 'utf8'));
    json.days = 20;
    const resolved = loadScenario(json);
    let violations = 0, immediate = 0, assigned = 0;
    runScenario(resolved, {
      seed: 2,
      replications: 1,
      observer: {
        onAssign(lead, agent, now) {
          assigned++;
          if (agent.busy) violations++;
          if (now === lead.createdAt) immediate++;
        },
      },
    });
    expect(violations).toBe(0);
    expect(immediate).toBeGreaterThan(0.3 * assigned);
  });

  it('balances the load when hunting circularly, while a terminal hunt favours the first agents', () => {
    const json = JSON.parse(readFileSync('data/scenarios/erlang-c.json', 'utf8'));
    json.days = 60;
    const received = (hunt: string) => {
      json.distribution = { strategy: 'hunt-group', options: { hunt } };
      return runScenario(loadScenario(json), { seed: 4, replications: 1 }).runs[0].agents.map((a) => a.leadsReceived);
    };
    const first = received('first');
    const circular = received('circular');
    // Terminal hunt: each agent gets fewer leads than the one before it.
    for (let i = 1; i < first.length; i++) expect(first[i]).toBeLessThan(first[i - 1]);
    const spread = (xs: number[]) => (Math.max(...xs) - Math.min(...xs)) / (xs.reduce((a, b) => a + b, 0) / xs.length);
    expect(spread(circular)).toBeLessThan(0.05);
    expect(spread(first)).toBeGreaterThan(0.15);
  });

  it('is deterministic for a seed', () => {
    const json = JSON.parse(readFileSync('data/scenarios/erlang-c.json', 'utf8'));
    json.days = 10;
    const a = runScenario(loadScenario(json), { seed: 5, replications: 1 }).runs[0];
    const b = runScenario(loadScenario(json), { seed: 5, replications: 1 }).runs[0];
    expect(a.metrics).toEqual(b.metrics);
  });
});
