import { CALL_OUTCOMES, type CallOutcome, type CallRecord } from '../sim/callLog';

/** Hour-of-week code for "unknown". */
export const UNKNOWN_HOUR = 255;

/**
 * A call log in columns: one entry per call attempt, ~30 bytes a row, so a million-row log fits in ~30 MB
 * and crosses a worker boundary as a few typed arrays. Text columns are interned: `lead[i]` indexes
 * `leadIds`, `agent[i]` indexes `agents` (-1 = not given).
 */
export interface CallLogTable {
  length: number;
  leadIds: string[];
  lead: Int32Array;
  /** Minutes (since the epoch for imported logs, since the run start for simulated ones). */
  leadCreated: Float64Array;
  attemptTime: Float64Array;
  /** Index into {@link CALL_OUTCOMES}. */
  outcome: Uint8Array;
  /** 0-167, or {@link UNKNOWN_HOUR}. */
  hourOfWeek: Uint8Array;
  /** 1 converted, 0 not, -1 not given. */
  converted: Int8Array;
  agent: Int32Array;
  agents: string[];
  source: Int32Array;
  sources: string[];
  product: Int32Array;
  products: string[];
}

/** Outcome code of "contact" in {@link CallLogTable.outcome}. */
export const CONTACT_CODE = CALL_OUTCOMES.indexOf('contact');

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/** One row for {@link CallLogTableBuilder.push}. */
export interface CallLogRow {
  leadId: string;
  leadCreated: number;
  attemptTime: number;
  outcome: CallOutcome;
  hourOfWeek?: number;
  converted?: boolean;
  agent?: string;
  source?: string;
  product?: string;
}

/** Grows a {@link CallLogTable} row by row, doubling its arrays as needed. */
export class CallLogTableBuilder {
  private n = 0;
  private cap = 1024;
  private leadIds = new Interner();
  private agents = new Interner();
  private sources = new Interner();
  private products = new Interner();
  private lead = new Int32Array(this.cap);
  private leadCreated = new Float64Array(this.cap);
  private attemptTime = new Float64Array(this.cap);
  private outcome = new Uint8Array(this.cap);
  private hourOfWeek = new Uint8Array(this.cap);
  private converted = new Int8Array(this.cap);
  private agent = new Int32Array(this.cap);
  private source = new Int32Array(this.cap);
  private product = new Int32Array(this.cap);

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array | Int8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.cap);
      b.set(a);
      return b;
    };
    this.lead = g(this.lead);
    this.leadCreated = g(this.leadCreated);
    this.attemptTime = g(this.attemptTime);
    this.outcome = g(this.outcome);
    this.hourOfWeek = g(this.hourOfWeek);
    this.converted = g(this.converted);
    this.agent = g(this.agent);
    this.source = g(this.source);
    this.product = g(this.product);
  }

  private lastLeadId = '';
  private lastLead = -1;

  /** Appends one attempt. */
  push(row: CallLogRow): void {
    this.pushValues(row.leadId, row.leadCreated, row.attemptTime, row.outcome, row.hourOfWeek, row.converted, row.agent, row.source, row.product);
  }

  /** Appends one attempt given field by field (what {@link push} does, without a row object). */
  pushValues(
    leadId: string, leadCreated: number, attemptTime: number, outcome: CallOutcome, hourOfWeek?: number, converted?: boolean,
    agent?: string, source?: string, product?: string,
  ): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    // Rows of one lead usually come together.
    if (leadId !== this.lastLeadId || this.lastLead < 0) {
      this.lastLeadId = leadId;
      this.lastLead = this.leadIds.id(leadId);
    }
    this.lead[i] = this.lastLead;
    this.leadCreated[i] = leadCreated;
    this.attemptTime[i] = attemptTime;
    this.outcome[i] = CALL_OUTCOMES.indexOf(outcome);
    this.hourOfWeek[i] = hourOfWeek === undefined ? UNKNOWN_HOUR : hourOfWeek;
    this.converted[i] = converted === undefined ? -1 : converted ? 1 : 0;
    this.agent[i] = agent ? this.agents.id(agent) : -1;
    this.source[i] = source ? this.sources.id(source) : -1;
    this.product[i] = product ? this.products.id(product) : -1;
  }

  /** Number of rows so far. */
  get length(): number {
    return this.n;
  }

  /** The table (arrays trimmed to length). */
  build(): CallLogTable {
    const n = this.n;
    // An array at least 70% full is handed over as a view of its first n entries (a copy would hold both at the
    // peak: 35 MB more for a million rows); an emptier one is copied to its length.
    const trim = <T extends Int32Array | Float64Array | Uint8Array | Int8Array>(a: T): T => (n >= 0.7 * a.length ? a.subarray(0, n) : a.slice(0, n)) as T;
    return {
      length: n,
      leadIds: this.leadIds.values,
      lead: trim(this.lead),
      leadCreated: trim(this.leadCreated),
      attemptTime: trim(this.attemptTime),
      outcome: trim(this.outcome),
      hourOfWeek: trim(this.hourOfWeek),
      converted: trim(this.converted),
      agent: trim(this.agent),
      agents: this.agents.values,
      source: trim(this.source),
      sources: this.sources.values,
      product: trim(this.product),
      products: this.products.values,
    };
  }
}

/**
 * A table from call records, e.g. the simulator's `recordCalls` output. Records without `hourOfWeek` get
 * it from `hourOf(attemptTime)` when given, else it stays unknown.
 */
export function callLogTableFromRecords(records: Iterable<CallRecord>, hourOf?: (t: number) => number): CallLogTable {
  const b = new CallLogTableBuilder();
  for (const r of records) b.push({ ...r, hourOfWeek: r.hourOfWeek ?? hourOf?.(r.attemptTime) });
  return b.build();
}

/** The rows of a table as call records (allocates one object a row: for small logs and tests). */
export function callRecordsFromTable(t: CallLogTable): CallRecord[] {
  const out: CallRecord[] = [];
  for (let i = 0; i < t.length; i++) {
    const r: CallRecord = {
      leadId: t.leadIds[t.lead[i]],
      leadCreated: t.leadCreated[i],
      attemptTime: t.attemptTime[i],
      outcome: CALL_OUTCOMES[t.outcome[i]],
    };
    if (t.hourOfWeek[i] !== UNKNOWN_HOUR) r.hourOfWeek = t.hourOfWeek[i];
    if (t.converted[i] !== -1) r.converted = t.converted[i] === 1;
    if (t.agent[i] !== -1) r.agent = t.agents[t.agent[i]];
    if (t.source[i] !== -1) r.source = t.sources[t.source[i]];
    if (t.product[i] !== -1) r.product = t.products[t.product[i]];
    out.push(r);
  }
  return out;
}
