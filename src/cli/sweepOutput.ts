import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sweepCombinationsCsv, sweepRunsCsv, type SweepResult } from '../compare';
import { METRICS, type MetricName } from '../sim/runResult';
import type { CliIO } from './command';
import { formatValue, table } from './format';
import { replacedWords } from './outputPath';
import { jsonNumbers } from './run';

const HEADLINE: MetricName[] = ['contactRate', 'fundedRate', 'funded', 'medianMinutesToFirstAttempt', 'costPerFunded'];

/** Writes `<prefix>.json`, `<prefix>.runs.csv` and `<prefix>.combinations.csv`; returns the file names. */
export function writeSweepOutputs(result: SweepResult, prefix: string, cwd: string): { names: string[]; replaced: string } {
  const names = [`${prefix}.json`, `${prefix}.runs.csv`, `${prefix}.combinations.csv`];
  const replaced = replacedWords(names, cwd);
  writeFileSync(resolve(cwd, names[0]), JSON.stringify(result, jsonNumbers, 2) + '\n');
  writeFileSync(resolve(cwd, names[1]), sweepRunsCsv(result));
  writeFileSync(resolve(cwd, names[2]), sweepCombinationsCsv(result));
  return { names, replaced };
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The combinations with the headline metrics, mean and 95% interval. */
export function formatSweep(result: SweepResult): string {
  const paths = result.sweep.parameters.map((p) => p.path);
  const rows = result.combinations.map((c) => [
    String(c.index),
    ...paths.map((p) => valueText(c.values[p])),
    ...HEADLINE.map((m) => {
      const s = c.metrics[m];
      return s.ci95 ? `${formatValue(m, s.mean)} [${formatValue(m, s.ci95[0], s.mean)}, ${formatValue(m, s.ci95[1], s.mean)}]` : formatValue(m, s.mean);
    }),
  ]);
  const header = ['#', ...paths, ...HEADLINE.map((m) => METRICS[m].label)];
  const s = result.sweep;
  const partial = result.partial ? `PARTIAL (interrupted): ${result.partial.runsFinished} of ${result.partial.runsPlanned} runs finished; each combination's n is in the JSON and in combinations.csv\n` : '';
  // Said above the table, where it is read: these combinations ran with changes the sweep file does not spell out.
  const notes = (s.notes ?? []).map((n) => `Note: ${n}\n`).join('');
  return `${s.name}: ${result.combinations.length} combinations x ${s.replications} replications, seed ${s.seed} (common random numbers across combinations)\n${partial}${notes}\n${table(rows, header)}\n`;
}

/** Prints the result (table or JSON), then writes the files: the table is out even when a file cannot be written. */
export function reportSweep(result: SweepResult, options: { json: boolean; out: string }, io: CliIO): void {
  if (options.json) io.out(JSON.stringify(result, jsonNumbers, 2) + '\n');
  else io.out(formatSweep(result));
  const { names, replaced } = writeSweepOutputs(result, options.out, io.cwd);
  io.err(`Wrote ${names.join(', ')}${result.partial ? ' (marked partial)' : ''}${replaced}\n`);
}
