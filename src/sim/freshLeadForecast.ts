import { MINUTES_PER_DAY, MINUTES_PER_HOUR, type Calendar } from './calendar';
import type { ArrivalConfig } from './modelConfig';

/** What the forecast needs of an agent: whether it is on shift now and whether it takes new leads at all. */
interface SharingAgent {
  readonly onShift: boolean;
  /** The first whole minute at which the agent's shift starts or ends (fresh once onShift has been read). */
  readonly shiftChangeAt: number;
  readonly config: { readonly newLeadsPerDay: number };
}

/**
 * How many fresh leads the floor expects before a time, from the arrival process itself: the Poisson stream's leads
 * per hour of week, or a replayed stream's own mean by hour of week over its days. A paced daily cap holds this much
 * of an agent's cap for the day's fresh leads instead of handing it to leads that waited (src/sim/agentState.ts,
 * newLeadsAllowedNow): a manager who knows the day's usual volume does not let last night's leads take the slots the
 * day's fresh ones will need, since a lead called at once is reached several times as often as one called hours later
 * (docs/tradeoffs.md, "Prospecting vs pipeline").
 */
export class FreshLeadForecast {
  /** Expected leads per minute, by hour of week. */
  private readonly perMinute: Float64Array;
  /** Agents on shift who take new leads, counted until the first shift change after the count. */
  private sharingUntil = -Infinity;
  private sharingCount = 0;

  constructor(
    arrivals: ArrivalConfig,
    days: number,
    private readonly calendar: Calendar,
    private readonly agents: readonly SharingAgent[],
    private readonly clock: { readonly now: number },
  ) {
    this.perMinute = new Float64Array(168);
    if (arrivals.kind === 'poisson') {
      for (let h = 0; h < 168; h++) this.perMinute[h] = arrivals.leadsPerHourOfWeek[h] / MINUTES_PER_HOUR;
    } else {
      // A replayed stream: its leads in each hour of the week, over the times that hour comes in its days.
      const end = days * MINUTES_PER_DAY;
      for (const lead of arrivals.leads) if (lead.t >= 0 && lead.t < end) this.perMinute[calendar.hourOfWeek(lead.t)]++;
      const times = new Float64Array(168);
      for (let t = 0; t < end; t += MINUTES_PER_HOUR) times[calendar.hourOfWeek(t)]++;
      for (let h = 0; h < 168; h++) this.perMinute[h] = times[h] > 0 ? this.perMinute[h] / (times[h] * MINUTES_PER_HOUR) : 0;
    }
  }

  /** Expected arrivals of the whole floor in run minutes [from, to). */
  expectedBetween(from: number, to: number): number {
    let sum = 0;
    for (let t = from; t < to; ) {
      const hourEnd = (Math.floor(t / MINUTES_PER_HOUR) + 1) * MINUTES_PER_HOUR;
      const end = Math.min(hourEnd, to);
      sum += this.perMinute[this.calendar.hourOfWeek(t)] * (end - t);
      t = end;
    }
    return sum;
  }

  /** Agents on shift now who take new leads: the day's fresh leads are shared among them (counted again at shift changes). */
  sharing(): number {
    if (this.clock.now >= this.sharingUntil) {
      let n = 0, until = Infinity;
      for (const a of this.agents) {
        if (a.config.newLeadsPerDay > 0 && a.onShift) n++;
        if (a.shiftChangeAt < until) until = a.shiftChangeAt;
      }
      this.sharingCount = n;
      this.sharingUntil = until;
    }
    return this.sharingCount;
  }
}
