import type { Calendar } from './calendar';
import type { Lead } from './lead';
import type { AgentConfig } from './modelConfig';
import { PairHeap } from './pairHeap';
import type { AgentView } from './policies';
import { isOnShift } from './shift';

/** An agent during a run: its queues, counters and the call in progress. Implements the read-only AgentView. */
export class AgentState implements AgentView {
  busy = false;
  /** Whether the agent was on shift when it last looked for work (a change means capacity changed). */
  wasOnShift = false;
  pipelineSize = 0;
  newToday = 0;
  callsToday = 0;
  leadsReceived = 0;
  fundedTimes: number[] = [];
  /** New leads not yet called, in arrival order. */
  fresh: Lead[] = [];
  freshHead = 0;
  /** Scheduled callbacks by due time. */
  due = new PairHeap<Lead>();
  /** Callbacks already due, by (priority, due time). */
  ready = new PairHeap<Lead>();
  /** Pending wake-up: its time and engine handle. */
  wakeAt = Infinity;
  wakeHandle = -1;
  // The call in progress.
  currentLead: Lead | undefined = undefined;
  currentAnswered = false;
  currentOutcomeDraw = 0;
  currentJitterDraw = 0;
  /** When the current call started: a first contact is timed from the start of the answered attempt, as the fit times it. */
  currentCallStart = 0;
  // Measured-window statistics.
  busyMinutes = 0;
  measuredLeads = 0;
  attempts = 0;
  contacts = 0;
  applications = 0;
  funded = 0;
  overdueCallbacks = 0;
  pipelineSamples = 0;
  pipelineSum = 0;
  maxPipeline = 0;
  /** Conversations so far, by source name. */
  readonly sourceConversations = new Map<string, number>();
  private sourceSet: Set<string> | undefined;
  private productSet: Set<string> | undefined;

  constructor(
    readonly index: number,
    readonly config: AgentConfig,
    private readonly clock: { now: number },
    private readonly calendar: Calendar,
  ) {
    this.sourceSet = config.sources.length ? new Set(config.sources) : undefined;
    this.productSet = config.products.length ? new Set(config.products) : undefined;
  }

  get name(): string {
    return this.config.name;
  }
  get role(): 'closer' | 'telemarketer' {
    return this.config.role;
  }
  get pipelineLimit(): number {
    return this.config.pipelineLimit;
  }
  get newLeadsPerDay(): number {
    return this.config.newLeadsPerDay;
  }
  get onShift(): boolean {
    return isOnShift(this.config.shift, this.calendar.minuteOfWeek(this.clock.now));
  }
  get freshWaiting(): number {
    return this.fresh.length - this.freshHead;
  }
  handles(source: string, product: string): boolean {
    return (!this.sourceSet || this.sourceSet.has(source)) && (!this.productSet || this.productSet.has(product));
  }

  get callbackDue(): boolean {
    // Entries for leads re-planned since are discarded lazily, so this may rarely report a stale callback.
    return this.ready.size > 0 || (this.due.size > 0 && this.due.peekK1() <= this.clock.now);
  }

  conversationsWith(source: string): number {
    return this.sourceConversations.get(source) ?? 0;
  }

  /** Conversion multiplier for a lead of this source and product. */
  skillFor(source: string, product: string): number {
    return this.config.skill * (this.config.sourceSkill[source] ?? 1) * (this.config.productSkill[product] ?? 1);
  }

  /** Takes the next fresh lead still new and owned by this agent, or undefined. */
  takeFresh(): Lead | undefined {
    while (this.freshHead < this.fresh.length) {
      const lead = this.fresh[this.freshHead++];
      if (lead.status === 'new' && lead.agent === this.index) {
        this.compactFresh();
        return lead;
      }
    }
    this.compactFresh();
    return undefined;
  }

  private compactFresh(): void {
    if (this.freshHead > 256 && this.freshHead * 2 > this.fresh.length) {
      this.fresh = this.fresh.slice(this.freshHead);
      this.freshHead = 0;
    }
  }
}
