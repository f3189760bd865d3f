import type { AgentState } from './agentState';
import type { AgentsWithRoomView } from './policies';

/**
 * The agents who could take a new lead now: on shift, pipeline below its limit and today's new leads below the daily
 * cap. Kept as a bit set in agent order, updated when an agent's counters change and when a shift starts or ends, so
 * a strategy finds the next agent with room in a few word operations instead of asking every agent: the cost of an
 * offer stays flat as floors grow (issue 16). An agent in the set may still refuse a lead (a source it does not
 * take); an agent outside it refuses every lead.
 *
 * A second set holds the agents with room for a lead that has waited: also below their paced cap
 * (AgentState.newLeadsAllowedNow). Paced caps grow with the clock, so that set is checked again at the earliest
 * minute some agent's pace allows one more lead.
 */
export class AgentsWithRoom implements AgentsWithRoomView {
  private readonly words: Uint32Array;
  private readonly waitedWords: Uint32Array;
  /** The earliest whole minute at which an agent on shift may take one more lead under its paced cap. */
  private paceMinute = Infinity;
  private paceGeneration = -1;
  private count = 0;
  private onShiftCount = 0;
  /** The earliest minute at which some agent's shift changes: the set is checked again then. */
  private shiftsCheckedUntil = -Infinity;
  private generation = 0;

  constructor(
    private readonly agents: readonly AgentState[],
    private readonly clock: { readonly now: number },
  ) {
    this.words = new Uint32Array((agents.length + 31) >>> 5);
    this.waitedWords = new Uint32Array((agents.length + 31) >>> 5);
  }

  /** Agents with room now. */
  get size(): number {
    this.sync();
    return this.count;
  }

  /** Agents on shift now. */
  get onShift(): number {
    this.sync();
    return this.onShiftCount;
  }

  /** A number that changes whenever some agent's shift has started or ended (for answers kept until then). */
  get shiftGeneration(): number {
    this.sync();
    return this.generation;
  }

  /** The first agent with room whose index is `from` or more, or -1. */
  next(from: number): number {
    this.sync();
    return this.first(this.words, from);
  }

  /** The first agent with room for a lead that has waited (under its paced cap too) whose index is `from` or more, or -1. */
  nextForWaited(from: number): number {
    this.syncPace();
    return this.first(this.waitedWords, from);
  }

  /**
   * The earliest whole minute at which an agent on shift may take one more lead under its paced cap (the earliest
   * of the agents' nextPaceMinute), Infinity when none will on this shift.
   */
  nextPaceMinute(): number {
    this.syncPace();
    return this.paceMinute;
  }

  private first(words: Uint32Array, from: number): number {
    if (from >= this.agents.length) return -1;
    let w = from >>> 5;
    let bits = words[w] & (0xffffffff << (from & 31));
    for (;;) {
      if (bits !== 0) return (w << 5) + 31 - Math.clz32(bits & -bits);
      if (++w >= words.length) return -1;
      bits = words[w];
    }
  }

  /** Checks one agent again after its pipeline or today's count changed. */
  update(agent: AgentState): void {
    if (this.clock.now >= this.shiftsCheckedUntil) {
      this.sync();
      return;
    }
    const room = agent.onShift && hasRoom(agent);
    this.set(agent.index, room);
    // Valid until the agent's next pace minute, which is no earlier than the earliest one.
    setBit(this.waitedWords, agent.index, room && agent.newToday < agent.newLeadsAllowedNow);
  }

  /** Checks every agent again (a new day resets the daily counts). */
  updateAll(): void {
    this.shiftsCheckedUntil = -Infinity;
    this.sync();
  }

  private set(i: number, on: boolean): void {
    const w = i >>> 5, bit = 1 << (i & 31);
    const was = (this.words[w] & bit) !== 0;
    if (was === on) return;
    if (on) {
      this.words[w] |= bit;
      this.count++;
    } else {
      this.words[w] &= ~bit;
      this.count--;
    }
  }

  /** Brings the set of agents with room for a waited lead up to date when a shift changed or a paced cap grew. */
  private syncPace(): void {
    this.sync();
    if (this.paceGeneration === this.generation && Math.floor(this.clock.now) < this.paceMinute) return;
    const words = this.words;
    let minute = Infinity;
    for (const agent of this.agents) {
      const i = agent.index;
      const room = (words[i >>> 5] & (1 << (i & 31))) !== 0;
      setBit(this.waitedWords, i, room && agent.newToday < agent.newLeadsAllowedNow);
      if (agent.onShift) minute = Math.min(minute, agent.nextPaceMinute());
    }
    this.paceMinute = minute;
    this.paceGeneration = this.generation;
  }

  /** Brings the set up to date when some agent's shift has started or ended since the last check. */
  private sync(): void {
    if (this.clock.now < this.shiftsCheckedUntil) return;
    let until = Infinity, onShift = 0;
    for (const agent of this.agents) {
      const on = agent.onShift;
      if (on) onShift++;
      if (agent.shiftChangeAt < until) until = agent.shiftChangeAt;
      this.set(agent.index, on && hasRoom(agent));
    }
    this.onShiftCount = onShift;
    this.shiftsCheckedUntil = until;
    this.generation++;
  }
}

function setBit(words: Uint32Array, i: number, on: boolean): void {
  if (on) words[i >>> 5] |= 1 << (i & 31);
  else words[i >>> 5] &= ~(1 << (i & 31));
}

function hasRoom(agent: AgentState): boolean {
  return agent.pipelineSize < agent.config.pipelineLimit && agent.newToday < agent.config.newLeadsPerDay;
}
