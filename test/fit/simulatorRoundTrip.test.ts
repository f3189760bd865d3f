import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callLogTableFromRecords } from '../../src/io/callLogTable';
import { fitCallLog } from '../../src/fit/fitCallLog';
import { ageDecayFunction } from '../../src/sim/contactModel';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

/*
 * Parameter recovery through the project's own simulator: a scenario with a known contact model records
 * its calls, the fit recovers the model; then the fitted model drives a second simulation whose calls fit
 * to the same curves (the round trip of issue 6).
 */
const truth = {
  contactability: { alpha: 0.8, beta: 1.2 },
  hourOfWeek: 'velocify-2016',
  ageDecay: { kind: 'exponential', halfLifeMinutes: 60, floor: 0.4 },
};

// One source with neutral factors and no wrong numbers, so the answer probability is exactly the model's; no
// returns from nurture, whose rendezvous restarts (the fit reads age from the lead's creation).
const base = {
  days: 60,
  warmupDays: 0,
  cooldownDays: 7,
  replications: 1,
  leads: {
    perDay: 150,
    badNumberShare: 0,
    sources: [{ name: 'web', share: 1, cost: 40 }],
  },
  nurture: { returnShare: 0 },
  // The tolerances below were set with this cadence. With the default radar's 14 attempts the table fit reads
  // the multiplier at 6 hours about 0.08 high (0.49 against 0.41): more late attempts on the hardest leads, where
  // selection and decay are hardest to tell apart (docs/fitting.md, Limits).
  callbacks: { preset: 'radar', statuses: { attempted: { maxAttempts: 8 } } },
  // No contact fatigue: a fit of a call log absorbs the fatigue of the cadence that made it into its curves, so a
  // fitted model simulated again with fatigue would count it twice (docs/fitting.md, Limits).
  fatigue: { answerFactorPerCall: 1 },
  agents: [{ name: 'Closer', count: 30, shift: '08:00-20:00', days: 'Mon-Sat', pipelineLimit: 400, newLeadsPerDay: 40, paceNewLeads: false }],
  // Every lead worked in arrival order however long it waited, as the call logs the fit was checked on: paced caps
  // and aged-out leads make the 7-day tail depend on the floor's load, which the two runs need not share.
  backlog: { maxWaitHours: 100000, passedOverHours: 100000 },
};

function simulateAndFit(scenario: object, readFile?: (p: string) => string) {
  const resolved = loadScenario(scenario, readFile);
  const { runs } = runScenario(resolved, { seed: 21, recordCalls: true });
  const table = callLogTableFromRecords(runs[0].calls!);
  return { resolved, fit: fitCallLog(table, { ageDecayForm: 'table' }), calls: runs[0].calls!.length };
}

/** Mean answer probability of a fresh lead: E[p] = alpha / (alpha + beta). */
const meanP = (c: { alpha: number; beta: number }) => c.alpha / (c.alpha + c.beta);

describe('Fitting a call log the simulator recorded', () => {
  let first: ReturnType<typeof simulateAndFit>;
  beforeAll(() => {
    first = simulateAndFit({ ...base, contact: truth });
  });

  it('recovers mean contactability and the age decay within stated tolerances', () => {
    const fitted = first.fit.contactModel;
    expect(first.calls).toBeGreaterThan(50_000);
    // Mean fresh-lead answer probability within 12% (relative) of 0.4.
    expect(Math.abs(meanP(fitted.contactability) / meanP(truth.contactability) - 1)).toBeLessThan(0.12);
    // Age decay: the multiplier of a day-old lead relative to a fresh one, within 0.1 of the truth (0.4 + 0.6 x 2^-24).
    const trueDecay = ageDecayFunction(truth.ageDecay as never);
    const fittedDecay = ageDecayFunction(fitted.ageDecay);
    // Seen: 0.56, 0.45, 0.39 against 0.55, 0.41, 0.40.
    for (const age of [120, 360, 1440]) expect(Math.abs(fittedDecay(age) / fittedDecay(0) - trueDecay(age))).toBeLessThan(0.08);
  });

  it('round trip: the fitted model simulated again fits to the same curves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify(first.fit));
    const second = simulateAndFit({ ...base, contactModel: 'model.json' }, (p) => readFileSync(join(dir, p), 'utf8'));
    const a = first.fit.contactModel, b = second.fit.contactModel;
    expect(Math.abs(meanP(b.contactability) / meanP(a.contactability) - 1)).toBeLessThan(0.05);
    // Share of leads reached within 5 min ... 1 day: each within 2 points (seen on 10 seeds: within 1.1 points).
    // The 7-day share rests on the few leads still unreached after a week of at most 8 attempts (95% intervals of
    // 3 to 9 points): it is held within its two intervals' combined half-width, or 2 points (seen on 10 seeds,
    // before and after the Beta draws changed: at most 0.85 of that half-width; 2 points failed on 3 of 10 seeds).
    const km1 = first.fit.timeToContact.contactedWithin, km2 = second.fit.timeToContact.contactedWithin;
    expect(km2.map((x) => x.label)).toEqual(km1.map((x) => x.label));
    km1.forEach((x, i) => {
      const halfWidth = x.t >= 10080 ? Math.hypot((x.upper - x.lower) / 2, (km2[i].upper - km2[i].lower) / 2) : 0;
      expect(Math.abs(km2[i].share - x.share), x.label).toBeLessThan(Math.max(0.02, halfWidth));
    });
  });
});
