import { loadScenario } from '../scenario/load';
import { LRM_2007_SCENARIO, VELOCIFY_2016_SCENARIO } from './presetScenarios';
import type { CalibrationRow } from './figures';
import { attemptFigures, hbrSpeedFigure, lrmSpeedFigure, timeOfWeekFigure } from './figures';

export interface CalibrationOptions {
  seed?: string;
  /** Replications of each experiment (default 20); figures 1 and 2 run three times as many. */
  replications?: number;
  /** Leads per arm per replication in the speed and time-of-week experiments (default 20,000). */
  leads?: number;
  /** Scenario JSON to calibrate instead of the built-in default; the alternatives are laid over it. */
  scenario?: Record<string, unknown>;
  /** Reads the files the scenario names (a fitted `contactModel`, a replayed lead stream). */
  readFile?: (path: string) => string;
  /** Called with each figure's rows as they are done. */
  onRows?: (rows: CalibrationRow[]) => void;
}

/**
 * Runs the controlled experiments of every published figure (docs/assumptions.md) on the built-in default
 * scenario, and on the "lrm-2007" and "velocify-2016" alternatives where the figure belongs to them.
 */
export function runCalibration(options: CalibrationOptions = {}): CalibrationRow[] {
  const seed = options.seed ?? 'calibration';
  const replications = options.replications ?? 20;
  const leads = options.leads ?? 20000;
  const json = options.scenario ?? {};
  const base = loadScenario(json, options.readFile);
  const lrm = loadScenario(overlay(json, LRM_2007_SCENARIO), options.readFile);
  const velocify = loadScenario(overlay(json, VELOCIFY_2016_SCENARIO), options.readFile);
  const rows: CalibrationRow[] = [];
  const add = (r: CalibrationRow[]) => {
    rows.push(...r);
    options.onRows?.(r);
  };
  // Figure 2 counts funded leads, about 60 per replication of the default scenario: three times the
  // replications keep its interval (about +-3 points) inside its +-5-point band.
  add(attemptFigures(base, { seed, replications: 3 * replications }));
  add(hbrSpeedFigure(base, { seed, replications, leads }));
  add(lrmSpeedFigure(lrm, { seed, replications, leads }));
  add(timeOfWeekFigure(lrm, velocify, { seed, replications, leads: Math.max(1000, Math.round(leads / 4)) }));
  return rows;
}

/** Lays plain-object fields of `top` over `base`, recursively; arrays, values and objects with a `kind` replace. */
function overlay(base: Record<string, unknown>, top: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(top)) {
    const b = out[k];
    const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
    out[k] = isObj(v) && isObj(b) && !('kind' in v) ? overlay(b, v) : v;
  }
  return out;
}
