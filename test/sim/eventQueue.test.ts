import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/simulation';

describe('Simulation event ordering', () => {
  it('runs events in non-decreasing time, first-scheduled-first at equal times, and never runs cancelled ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 20 }), cancel: fc.boolean() }), { minLength: 1, maxLength: 300 }),
        (specs) => {
          const sim = new Simulation();
          const fired: { t: number; i: number }[] = [];
          const handles = specs.map((s, i) => sim.schedule(s.delay, () => fired.push({ t: sim.now, i }), i));
          specs.forEach((s, i) => s.cancel && sim.cancel(handles[i]));
          sim.run();
          const expected = specs
            .map((s, i) => ({ t: s.delay, i, cancel: s.cancel }))
            .filter((e) => !e.cancel)
            .sort((a, b) => a.t - b.t || a.i - b.i)
            .map(({ t, i }) => ({ t, i }));
          expect(fired).toEqual(expected);
        },
      ),
    );
  });

  it('keeps the order when events schedule more events while running', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 100 }), (delays) => {
        const sim = new Simulation();
        const times: number[] = [];
        let k = 0;
        const step = () => {
          times.push(sim.now);
          if (k < delays.length) sim.schedule(delays[k++], step);
        };
        sim.schedule(0, step);
        sim.run();
        for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
        expect(times.length).toBe(delays.length + 1);
      }),
    );
  });

  it('stops at `until` and advances the clock to it', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    for (const t of [1, 5, 10, 15]) sim.schedule(t, () => seen.push(t));
    sim.run({ until: 10 });
    expect(seen).toEqual([1, 5, 10]);
    expect(sim.now).toBe(10);
    sim.run();
    expect(seen).toEqual([1, 5, 10, 15]);
  });

  it('rejects scheduling in the past', () => {
    const sim = new Simulation();
    expect(() => sim.schedule(-1, () => {})).toThrow(/delay must be >= 0/);
  });
  it('runs timers where scheduled-and-cancelled events would run: the same events in the same order', () => {
    // Each action, taken by an event when it runs: schedule a plain event, or set or clear a timer. The same actions
    // replayed with scheduleAt and cancel must fire the same events at the same times in the same order.
    const action = fc.record({ kind: fc.constantFrom('event', 'set', 'clear'), timer: fc.integer({ min: 0, max: 3 }), delay: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 200 }), fc.boolean(), (actions, stepwise) => {
        const replay = (useTimers: boolean) => {
          const sim = new Simulation();
          const fired: string[] = [];
          const timers = [0, 1, 2, 3].map(() => sim.createTimer());
          const handles = [-1, -1, -1, -1];
          let k = 0;
          const act = (label: string) => {
            fired.push(`${sim.now}:${label}`);
            // Two actions per event, so that the work grows and the order at equal times is tested.
            for (let j = 0; j < 2 && k < actions.length; j++, k++) {
              const a = actions[k], at = sim.now + a.delay, name = `${a.kind}${k}`;
              if (a.kind === 'event') sim.scheduleAt(at, act, name);
              else if (useTimers) {
                if (a.kind === 'set') sim.setTimer(timers[a.timer], at, act, name);
                else sim.clearTimer(timers[a.timer]);
              } else {
                if (handles[a.timer] >= 0) sim.cancel(handles[a.timer]);
                handles[a.timer] = a.kind === 'set' ? sim.scheduleAt(at, (l: string) => ((handles[a.timer] = -1), act(l)), name) : -1;
              }
            }
          };
          sim.schedule(0, act, 'start');
          if (stepwise) while (sim.step());
          else sim.run();
          return { fired, events: sim.eventsRun };
        };
        expect(replay(true)).toEqual(replay(false));
      }),
    );
  });
});
