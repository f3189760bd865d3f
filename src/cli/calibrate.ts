import { runCalibration } from '../calibration/calibrate';
import type { CalibrationRow } from '../calibration/figures';
import { parseArgs, UsageError } from './args';
import type { Command } from './command';
import { table } from './format';
import { readScenarioSource } from './scenarioJson';
import { jsonNumbers } from './run';
import { REPLICATIONS_LIMIT } from './schemaLimits';

const flags = {
  replications: { type: 'number', minInt: 2, max: REPLICATIONS_LIMIT, describe: 'replications of each experiment (default 20; figures 1 and 2 run 3 times as many)' },
  leads: { type: 'number', minInt: 100, describe: 'leads per arm per replication in the speed experiments (default 20000)' },
  seed: { type: 'string', describe: 'seed of the experiments (default "calibration")' },
  json: { type: 'boolean', describe: 'print one JSON object instead of the table' },
} as const;

function fmt(x: number, unit: CalibrationRow['unit']): string {
  if (!Number.isFinite(x)) return '-';
  return unit === 'ratio' ? x.toFixed(1) : unit === 'points' ? x.toFixed(2) : x.toFixed(1);
}

/** `leadlab calibrate`: the published figures against the default model (docs/assumptions.md). */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Check the default contact and conversion model, or a scenario\'s, against the published studies (docs/assumptions.md).',
  usage: 'calibrate [scenario.json] [--replications R] [--leads N] [--seed S] [--json]',
  flags,
  async run(argv, io) {
    const { positional, flags: f } = parseArgs(argv, flags);
    if (positional.length > 1) throw new UsageError(`expected at most one scenario file, got ${positional.join(' ')}`);
    const { source } = readScenarioSource(positional[0], io.cwd);
    const rows = runCalibration({
      scenario: source.json,
      readFile: (path) => source.files[path],
      seed: f.seed as string | undefined,
      replications: f.replications as number | undefined,
      leads: f.leads as number | undefined,
      onRows: io.isTTY && !f.json ? (r) => io.err(`\rfigure ${r[0].figure} done`) : undefined,
    });
    if (io.isTTY && !f.json) io.err('\r\x1b[K');
    const failed = rows.filter((r) => !r.pass).length;
    if (f.json) {
      io.out(JSON.stringify({ rows, failed }, jsonNumbers, 2) + '\n');
    } else {
      const body = rows.map((r) => [
        String(r.figure),
        r.name,
        `${fmt(r.target, r.unit)} (${fmt(r.low, r.unit)}-${fmt(r.high, r.unit)})`,
        `${fmt(r.simulated.mean, r.unit)} [${fmt(r.simulated.low, r.unit)}, ${fmt(r.simulated.high, r.unit)}]`,
        r.pass ? 'pass' : 'FAIL',
        r.source,
      ]);
      io.out(table(body, ['Fig', 'Measure', 'Target (band)', 'Simulated [95% CI]', 'Result', 'Source']) + '\n');
      const reps = [...new Set(rows.map((r) => r.simulated.replications))].sort((a, b) => a - b);
      const each = reps.length === 1 ? `${reps[0]} replications each` : `${reps[0]} replications each (${reps.slice(1).join(', ')} for figures ${[...new Set(rows.filter((r) => r.simulated.replications !== reps[0]).map((r) => r.figure))].join(' and ')})`;
      io.out(`${rows.length - failed} of ${rows.length} figures within their bands; ${each}.\n`);
    }
    return failed === 0 ? 0 : 1;
  },
};
