import type { Lead } from './lead';

/**
 * A set of lead kinds (source x product), such as the kinds a distribution strategy refused since capacity last
 * changed: a look-up is one array read, and clearing it, which happens at every change of capacity, costs nothing
 * (a new stamp) instead of a hash set's work.
 */
export class LeadKindSet {
  private readonly stamps: Uint32Array;
  private stamp = 1;

  constructor(
    sources: number,
    private readonly products: number,
  ) {
    this.stamps = new Uint32Array(Math.max(1, sources * products));
  }

  /** The kind's index (0 to sources x products - 1). */
  kindOf(lead: Lead): number {
    return lead.source * this.products + lead.product;
  }

  /** Kinds in all. */
  get kinds(): number {
    return this.stamps.length;
  }

  has(lead: Lead): boolean {
    return this.stamps[lead.source * this.products + lead.product] === this.stamp;
  }

  hasKind(kind: number): boolean {
    return this.stamps[kind] === this.stamp;
  }

  add(lead: Lead): void {
    this.stamps[lead.source * this.products + lead.product] = this.stamp;
  }

  clear(): void {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }
}
