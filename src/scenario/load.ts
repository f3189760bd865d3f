import type { FittedModel } from '../fit/fitCallLog';
import { fitQuality } from '../fit/fitQuality';
import type { ContactModel } from '../sim/contactModel';
import { resolveScenario, type ResolvedScenario } from './resolve';
import { isObject, messageOf, validate, type SchemaIssue } from '../schema';
import { fittedContactModel, scenarioSchema } from './schema';

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

/** JSON text without a leading UTF-8 byte order mark (spreadsheet tools write one; CSV reading skips it too). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A JSON syntax error as a person finds it in an editor: the parser's message, with "at position 123" told as the
 * line and column it is (1-based).
 *
 * @example
 * jsonSyntaxMessage('{\n "a": 1,\n}', e) // "Expected double-quoted property name in JSON at line 3, column 1"
 */
export function jsonSyntaxMessage(text: string, e: unknown): string {
  const message = messageOf(e);
  const at = /at position (\d+)/.exec(message);
  // Some of V8's messages quote the text instead ('Unexpected token '}', "...}}" is not valid JSON'): find the place.
  const position = at ? Number(at[1]) : jsonErrorPosition(text);
  if (position < 0) return message;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  const where = `at line ${line}, column ${column}`;
  return at ? message.replace(/at position \d+.*$/, where) : `${message} (${where})`;
}

/** Where the first JSON syntax error of `text` is (the index of the first character that cannot be there), or -1. */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail();
    i += literal![0].length;
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u' ? !/^u[0-9a-fA-F]{4}/.test(text.slice(i, i + 5)) : !'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
        if (text[i] === 'u') i += 4;
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1;
  }
}

/**
 * Checks a fitted model file with the same schema as an inline `contactModel`, so both have the same bounds.
 * Problems are reported at their path under `contactModel`, naming the file.
 */
function parseContactModel(text: string, file: string): { model?: ContactModel; issues: SchemaIssue[]; warnings?: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(text));
  } catch (e) {
    return { issues: [{ path: 'contactModel', message: `${file} is not valid JSON: ${jsonSyntaxMessage(withoutBom(text), e)}` }] };
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
        message: `${file} is the fit of a per-lead summary (counts without times), which has no contact model: fit a call log with attempt times (leadlab fit calls.csv --out model.json), or set "contact" in the scenario instead${hint}`,
      }],
    };
  }
  // A file with neither a "contactModel" nor any field of one is some other file (a scenario, an import report): one
  // message saying so, rather than an "unknown field" for each of its fields.
  if (isObject(json) && typeof json.contactModel === 'string') {
    return { issues: [{ path: 'contactModel', message: `${file} is a scenario that names its own model file, ${JSON.stringify(json.contactModel)}: name that file here instead (relative to this scenario's folder)` }] };
  }
  if (isObject(json) && !Object.hasOwn(json, 'contactModel') && !MODEL_FIELDS.some((k) => Object.hasOwn(json, k))) {
    const fields = Object.keys(json);
    const has = fields.length === 0 ? 'it is an empty object' : `it has ${fields.slice(0, 6).map((k) => JSON.stringify(k)).join(', ')}${fields.length > 6 ? ', ...' : ''}`;
    return { issues: [{ path: 'contactModel', message: `${file} holds no contact model: expected what \`leadlab fit calls.csv --out model.json\` writes (a "contactModel" field) or a model with ${MODEL_FIELDS.join(', ')}; ${has}` }] };
  }
  // A fit output file holds the model under "contactModel"; a bare model is accepted too.
  const body = isObject(json) && Object.hasOwn(json, 'contactModel') ? json.contactModel : json;
  const issues: SchemaIssue[] = [];
  const model = fittedContactModel.parse(body, 'contactModel', issues);
  if (!model) return { issues: issues.map((i) => ({ path: i.path, message: `${i.message} (in ${file})` })) };
  return { model, issues, warnings: unusableFitWarnings(json, file) };
}

/** The fields of a contact model (src/scenario/schema.ts, fittedContactModel). */
const MODEL_FIELDS = ['contactability', 'hourOfWeek', 'ageDecay'];

/**
 * What to say of a whole fit output (`leadlab fit --json` redirected to a file, or `--out --force`) that the workbench
 * and `leadlab fit --out` refuse to use (src/fit/fitQuality.ts): it loads, for a look, but its numbers are no result.
 */
function unusableFitWarnings(json: unknown, file: string): string[] {
  if (!isObject(json) || !isObject(json.data) || !isObject(json.attemptsToContact) || !isObject(json.attemptsToContact.se) || !isObject(json.contactModelFit)) return [];
  const quality = fitQuality(json as unknown as FittedModel);
  if (quality.level !== 'unusable') return [];
  return [`contactModel: ${file} is a fit that cannot be used (leadlab fit --out writes one only with --force): ${quality.reasons.join('; ')}; the runs use it, but their contact numbers are not a result`];
}

/**
 * Validates a scenario (parsed JSON) and resolves it into model inputs. Throws a ScenarioError listing every
 * bad field by path. `readFile` loads a fitted contact model the scenario names; `showPath` turns a file name the
 * scenario gives into one its user can type (for the `leadlab import` hint about a lead stream's rejected rows).
 *
 * @example
 * const resolved = loadScenario(JSON.parse(text), (p) => readFileSync(resolve(dir, p), 'utf8'));
 */
export function loadScenario(json: unknown, readFile?: FileReader, where = 'scenario', showPath?: (file: string) => string): ResolvedScenario {
  const checked = validate(scenarioSchema, json);
  if (!checked.ok) throw new ScenarioError(checked.issues, where);
  let fitted: ContactModel | undefined;
  let modelWarnings: string[] = [];
  const path = checked.value.contactModel;
  // An inline model (the workbench writes one) was checked field by field by the schema.
  if (typeof path === 'object') fitted = path;
  else if (path !== undefined) {
    if (!readFile) throw new ScenarioError([{ path: 'contactModel', message: `cannot read ${JSON.stringify(path)} here; load the model file first` }], where);
    let text: string;
    try {
      text = readFile(path);
    } catch (e) {
      throw new ScenarioError([{ path: 'contactModel', message: `cannot read ${JSON.stringify(path)}: ${messageOf(e)}` }], where);
    }
    const parsed = parseContactModel(text, path);
    if (!parsed.model) throw new ScenarioError(parsed.issues, where);
    fitted = parsed.model;
    modelWarnings = parsed.warnings ?? [];
  }
  let replayText: string | undefined;
  const replay = checked.value.leads.replay;
  if (replay) {
    if (!readFile) throw new ScenarioError([{ path: 'leads.replay.file', message: `cannot read ${JSON.stringify(replay.file)} here; load the lead stream first` }], where);
    try {
      replayText = readFile(replay.file);
    } catch (e) {
      throw new ScenarioError([{ path: 'leads.replay.file', message: `cannot read ${JSON.stringify(replay.file)}: ${messageOf(e)}` }], where);
    }
  }
  const resolved = resolveScenario(checked.value, fitted, replayText, showPath);
  if (!resolved.ok) throw new ScenarioError(resolved.issues, where);
  return modelWarnings.length ? { ...resolved.value, warnings: [...modelWarnings, ...resolved.value.warnings] } : resolved.value;
}

/** Parses scenario text, reporting a JSON syntax error with its position. */
export function parseScenarioText(text: string, where = 'scenario'): unknown {
  try {
    return JSON.parse(withoutBom(text));
  } catch (e) {
    throw new ScenarioError([{ path: '(file)', message: `not valid JSON: ${jsonSyntaxMessage(withoutBom(text), e)}` }], where);
  }
}

/** The default scenario: every field at its documented default. */
export function defaultScenario(): ResolvedScenario {
  return loadScenario({ name: 'Default: 10-agent floor, radar cadence, round robin' });
}
