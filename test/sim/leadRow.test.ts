import { describe, expect, it } from 'vitest';
import { Lead } from '../../src/sim/lead';

/*
 * A lead's fractional fields live in its row of a shared block of doubles (src/sim/lead.ts), behind accessors: each
 * lead must read back exactly what was written to it, whatever was written to the others, across blocks.
 */

const stream = () => ({ s0: 0.25, s1: 0.5, s2: 0.75, c: 1 });
const make = (id: number) => new Lead(id, id + 0.125, 0, 0, 1 / (id + 3), id % 2 === 0, 1.5 + id, id % 3 === 0 ? Infinity : id * 7.25, false, stream(), stream());

/** Every writable fractional field of a lead. */
const WRITABLE = ['engagedAt', 'firstContactAt', 'lastAttemptAt', 'recentLoad', 'firstAttemptAt', 'nextPriority', 'lastConversationAt', 'statusSince', 'interest', 'goodwill', 'score', 'waitingSince'] as const;

describe('the rows of leads\' fractional fields', () => {
  it('starts each lead with its own traits and the initial values', () => {
    const lead = make(4);
    expect([lead.createdAt, lead.engagedAt, lead.contactability, lead.propensity, lead.competitorAt]).toEqual([4.125, 4.125, 1 / 7, 5.5, 29]);
    expect([lead.firstContactAt, lead.lastAttemptAt, lead.recentLoad, lead.firstAttemptAt, lead.nextPriority]).toEqual([-1, -1, 0, -1, 0]);
    expect([lead.lastConversationAt, lead.statusSince, lead.interest, lead.goodwill, lead.waitingSince]).toEqual([-1, 0, 1, 1, 0]);
    expect(lead.score).toBeNaN();
    expect(make(3).competitorAt).toBe(Infinity);
  });

  it('reads back what was written to each lead, across blocks of rows, every double kept as it is', () => {
    // More leads than two blocks hold (512 a block), made after leads of other tests: rows in three blocks or more.
    const leads = Array.from({ length: 1300 }, (_, i) => make(i));
    const special = [-0, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2];
    const value = (i: number, f: number) => (i % 97 === 0 ? special[f % special.length] : i * 1000 + f + 1 / 3);
    leads.forEach((lead, i) => WRITABLE.forEach((field, f) => (lead[field] = value(i, f))));
    leads.forEach((lead, i) => {
      WRITABLE.forEach((field, f) => expect(Object.is(lead[field], value(i, f))).toBe(true));
      // The traits set once are untouched by the writes to this lead and its neighbours.
      expect([lead.createdAt, lead.contactability, lead.propensity]).toEqual([i + 0.125, 1 / (i + 3), 1.5 + i]);
      expect(lead.competitorAt).toBe(i % 3 === 0 ? Infinity : i * 7.25);
    });
  });
});
