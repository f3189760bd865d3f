/**
 * The simulation worker's API: a plain object of async functions over structured-cloneable data, the same in a
 * Node worker thread (src/worker/nodeWorker.ts) and a browser web worker. Callers hold it through comlink's
 * `wrap<SimApi>()` and import this module with `import type` only.
 */
import { expose, releaseProxy, type Endpoint } from 'comlink';
import { loadScenario } from '../scenario/load';
import type { ResolvedScenario } from '../scenario/resolve';
import { MINUTES_PER_DAY } from '../sim/calendar';
import { runReplication } from '../sim/runner';
import type { RunResult } from '../sim/runResult';
import { callLogTableFromRecords } from '../io/callLogTable';
import { contactByAttemptNumber, type AttemptContactRow } from '../fit/contactByAttemptNumber';
import { conversionByContactAttempt, conversionBySpeedToLead, type ConversionRow } from '../fit/conversionTables';
import { leadHistories } from '../fit/leadHistories';

/** A scenario as plain data: its JSON, and the text of the files it names (a fitted contact model) by name. */
export interface ScenarioSource {
  json: Record<string, unknown>;
  files: Record<string, string>;
}

// Validating and resolving a scenario costs little next to a run, but a sweep sends the same one many times.
const resolvedCache = new Map<string, ResolvedScenario>();
const CACHE_LIMIT = 64;

function resolveSource(source: ScenarioSource): ResolvedScenario {
  const key = JSON.stringify(source);
  let resolved = resolvedCache.get(key);
  if (!resolved) {
    resolved = loadScenario(source.json, (p) => {
      if (!(p in source.files)) throw new Error(`file ${JSON.stringify(p)} was not sent with the scenario`);
      return source.files[p];
    });
    if (resolvedCache.size >= CACHE_LIMIT) resolvedCache.delete(resolvedCache.keys().next().value!);
    resolvedCache.set(key, resolved);
  }
  return resolved;
}

/** How one simulated run reached its leads, as History shows it for a call log. */
export interface CallTables {
  leads: number;
  contactByAttempt: AttemptContactRow[];
  bySpeedToLead: ConversionRow[];
  byAttemptOfFirstContact: ConversionRow[];
}

export const simApi = {
  /** Replication `replication` of a scenario with run seed `seed`: the same RunResult as in the main thread, bit for bit. */
  async runReplication(source: ScenarioSource, replication: number, seed: string | number, onProgress?: (fraction: number) => unknown): Promise<RunResult> {
    const resolved = resolveSource(source);
    if (!onProgress) return runReplication(resolved.config, resolved.policies, replication, { seed });
    // The share of the horizon done, told the caller (a comlink proxy) at most every 200 ms of wall time.
    let last = performance.now();
    const report = (fraction: number) => {
      const now = performance.now();
      if (now - last < 200) return;
      last = now;
      void onProgress(fraction);
    };
    try {
      return runReplication(resolved.config, resolved.policies, replication, { seed, onProgress: report });
    } finally {
      // Through comlink the callback is a proxy whose port is released here; called directly it is a plain function.
      (onProgress as { [releaseProxy]?: () => void })[releaseProxy]?.();
    }
  },
  /** Runs one replication with its call log, and returns the log's contact and conversion tables (not the log). */
  async callTables(source: ScenarioSource, replication: number, seed: string | number): Promise<CallTables> {
    const resolved = resolveSource(source);
    // The call log does not say which leads funded: an observer of status changes does.
    const funded = new Set<string>();
    const observer = { onStatus: (lead: { id: number | string }, _from: string, to: string) => void (to === 'funded' && funded.add(String(lead.id))) };
    const { calls = [] } = runReplication(resolved.config, resolved.policies, replication, { seed, recordCalls: true, observer });
    // The leads of the measured window, as the funnel and the metrics count them: not the warm-up's, whose first days
    // meet empty pipelines and would flatter speed to lead.
    const from = resolved.config.warmupDays * MINUTES_PER_DAY, to = resolved.config.days * MINUTES_PER_DAY;
    const measured = calls.filter((c) => c.leadCreated >= from && c.leadCreated < to);
    const hist = leadHistories(callLogTableFromRecords(measured.map((c) => ({ ...c, converted: funded.has(c.leadId) }))));
    return { leads: hist.leads, contactByAttempt: contactByAttemptNumber(hist), bySpeedToLead: conversionBySpeedToLead(hist), byAttemptOfFirstContact: conversionByContactAttempt(hist) };
  },
};

export type SimApi = typeof simApi;

/** Serves the API on an endpoint: the worker's global scope in a browser, `nodeEndpoint(parentPort)` in Node. */
export function exposeSimApi(endpoint?: Endpoint): void {
  expose(simApi, endpoint);
}
