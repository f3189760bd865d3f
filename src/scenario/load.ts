import type { ContactModel } from '../sim/contactModel';
import { resolveScenario, type ResolvedScenario } from './resolve';
import { scenarioSchema } from './schema';
import { validate, type SchemaIssue } from './schemaKit';

/** A scenario that failed validation: every issue with its path. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly issues: SchemaIssue[],
    readonly where = 'scenario',
  ) {
    super(`${where}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
}

/** Reads a file that a scenario names (a fitted contact model), relative to the scenario; returns its text. */
export type FileReader = (path: string) => string;

function parseContactModel(text: string, path: string): { model?: ContactModel; issues: SchemaIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { issues: [{ path: 'contactModel', message: `${path} is not valid JSON: ${(e as Error).message}` }] };
  }
  const fit = json as { kind?: string; event?: string; attemptsToEvent?: { alpha?: number; beta?: number } } | null;
  if (fit?.kind === 'summary') {
    const bg = fit.attemptsToEvent;
    const hint = fit.event === 'contacted' && bg?.alpha && bg?.beta
      ? `; its calls-to-contact fit can stand in for the spread between leads: "contact": {"contactability": {"alpha": ${+bg.alpha.toPrecision(4)}, "beta": ${+bg.beta.toPrecision(4)}}}`
      : '';
    return {
      issues: [{
        path: 'contactModel',
        message: `${path} is the fit of a per-lead summary (counts without times), which has no contact model: fit a call log with attempt times (leadlab fit calls.csv --out model.json), or set "contact" in the scenario instead${hint}`,
      }],
    };
  }
  // A fit output file holds the model under "contactModel"; a bare model is accepted too.
  const m = ((json as { contactModel?: unknown })?.contactModel ?? json) as Partial<ContactModel>;
  const issues: SchemaIssue[] = [];
  const c = m?.contactability;
  if (!c || !(c.alpha > 0) || !(c.beta > 0)) issues.push({ path: 'contactModel', message: `${path}: expected contactability {alpha > 0, beta > 0}, got ${JSON.stringify(c)}` });
  if (!Array.isArray(m?.hourOfWeek) || m.hourOfWeek.length !== 168 || m.hourOfWeek.some((x) => !(x >= 0))) {
    issues.push({ path: 'contactModel', message: `${path}: expected hourOfWeek as 168 numbers >= 0` });
  }
  const d = m?.ageDecay as { kind?: string; halfLifeMinutes?: number; floor?: number; points?: unknown } | undefined;
  const decayOk = d && ((d.kind === 'exponential' && d.halfLifeMinutes! > 0 && d.floor! >= 0) || (d.kind === 'table' && Array.isArray(d.points) && d.points.length > 0));
  if (!decayOk) issues.push({ path: 'contactModel', message: `${path}: expected ageDecay {kind: "exponential", halfLifeMinutes, floor} or {kind: "table", points}` });
  return issues.length ? { issues } : { model: m as ContactModel, issues };
}

/**
 * Validates a scenario (parsed JSON) and resolves it into model inputs. Throws a ScenarioError listing every
 * bad field by path. `readFile` loads a fitted contact model the scenario names.
 *
 * @example
 * const resolved = loadScenario(JSON.parse(text), (p) => readFileSync(resolve(dir, p), 'utf8'));
 */
export function loadScenario(json: unknown, readFile?: FileReader, where = 'scenario'): ResolvedScenario {
  const checked = validate(scenarioSchema, json);
  if (!checked.ok) throw new ScenarioError(checked.issues, where);
  let fitted: ContactModel | undefined;
  const path = checked.value.contactModel;
  // An inline model (the workbench writes one) was checked field by field by the schema.
  if (typeof path === 'object') fitted = path as unknown as ContactModel;
  else if (path !== undefined) {
    if (!readFile) throw new ScenarioError([{ path: 'contactModel', message: `cannot read ${JSON.stringify(path)} here; load the model file first` }], where);
    let text: string;
    try {
      text = readFile(path);
    } catch (e) {
      throw new ScenarioError([{ path: 'contactModel', message: `cannot read ${JSON.stringify(path)}: ${(e as Error).message}` }], where);
    }
    const parsed = parseContactModel(text, path);
    if (!parsed.model) throw new ScenarioError(parsed.issues, where);
    fitted = parsed.model;
  }
  let replayText: string | undefined;
  const replay = checked.value.leads.replay;
  if (replay) {
    if (!readFile) throw new ScenarioError([{ path: 'leads.replay.file', message: `cannot read ${JSON.stringify(replay.file)} here; load the lead stream first` }], where);
    try {
      replayText = readFile(replay.file);
    } catch (e) {
      throw new ScenarioError([{ path: 'leads.replay.file', message: `cannot read ${JSON.stringify(replay.file)}: ${(e as Error).message}` }], where);
    }
  }
  const resolved = resolveScenario(checked.value, fitted, replayText);
  if (!resolved.ok) throw new ScenarioError(resolved.issues, where);
  return resolved.value;
}

/** Parses scenario text, reporting a JSON syntax error with its position. */
export function parseScenarioText(text: string, where = 'scenario'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioError([{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }], where);
  }
}

/** The default scenario: every field at its documented default. */
export function defaultScenario(): ResolvedScenario {
  return loadScenario({ name: 'Default: 10-agent floor, radar cadence, round robin' });
}
