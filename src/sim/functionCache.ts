/**
 * Functions made from a configuration, kept by a key of its values, so that a worker running replication after
 * replication calls the same function object: with a new closure per run, V8 threw away the compiled callers (such
 * as `startCall`) at the second run of every worker for a "wrong call target" and compiled them again (issue 16).
 * Bounded: emptied when it holds `limit` functions (a few per scenario; a long session may make many).
 */
export class FunctionCache<F> {
  private readonly made = new Map<string, F>();

  constructor(private readonly limit = 64) {}

  /** The function kept for `key`, made by `make` the first time. */
  get(key: string, make: () => F): F {
    let f = this.made.get(key);
    if (f === undefined) {
      if (this.made.size >= this.limit) this.made.clear();
      f = make();
      this.made.set(key, f);
    }
    return f;
  }
}
