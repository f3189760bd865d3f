#!/usr/bin/env node
// The trade-off experiments of docs/tradeoffs.md, re-measured: each row runs `leadlab compare` on common random
// numbers over variants of the default floor and prints funded leads per replication (mean and paired difference
// against the row's first variant, with its 95% interval). Usage:
//   node scripts/tradeoffs-table.mjs [--replications 20] [--seed S] [--only name] [--json out.json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, root } from './flags.mjs';

const replications = Number(flag('replications', 20));
const only = flag('only', undefined);
const seed = flag('seed', undefined);
const jsonOut = flag('json', undefined);

const radarWith = (statuses, extra = {}) => ({ callbacks: { preset: 'radar', statuses, ...extra } });
// The field's production cycle tightens contacted follow-ups by 0.75 and applications by 0.5 (src/strategies/callbackPresets.ts).
const contactedOn = ([fromDay, toDay]) => ({ status: 'contacted', fromDay, toDay, intervalFactor: 0.75 });
const applicationsOn = ([fromDay, toDay]) => ({ status: 'application', fromDay, toDay, intervalFactor: 0.5 });
const cycle = (contactedDays, applicationDays) => [contactedOn(contactedDays), applicationsOn(applicationDays)];

/** The field's cycle, none, the reversed cycle, then each half alone (to see where a difference comes from). */
const cycleVariants = [
  ['field', {}],
  ['none', radarWith({}, { productionCycle: [] })],
  ['reversed', radarWith({}, { productionCycle: cycle([21, 31], [1, 10]) })],
  ['applications late only', radarWith({}, { productionCycle: [applicationsOn([21, 31])] })],
  ['applications early only', radarWith({}, { productionCycle: [applicationsOn([1, 10])] })],
  ['contacted early only', radarWith({}, { productionCycle: [contactedOn([1, 10])] })],
  ['contacted late only', radarWith({}, { productionCycle: [contactedOn([21, 31])] })],
];

/** Each row: a name and its variants, [label, scenario patch over {} (the built-in default)]. */
export const experiments = [
  { name: 'attempted-interval', title: 'radar, attempted-status interval (h)', variants: [0.25, 1, 3, 8, 24].map((h) => [`${h} h`, radarWith({ attempted: { intervalHours: [h, h] } })]) },
  { name: 'contacted-interval', title: 'radar, contacted-status interval (h)', variants: [[1, 2], [4, 6], [18, 24], [48, 72], [120, 168]].map((iv) => [`${iv[0]}-${iv[1]} h`, radarWith({ contacted: { intervalHours: iv } })]) },
  { name: 'volume', title: 'new leads a day, same staff', variants: [40, 60, 80, 120].map((n) => [`${n}/day`, { leads: { perDay: n } }]) },
  { name: 'attempts', title: 'attempts while unreached', variants: [14, 60].map((n) => [`${n}`, radarWith({ attempted: { maxAttempts: n } })]) },
  { name: 'production-cycle', title: 'production cycle', variants: cycleVariants },
  {
    // The same cycles where the month's deadline binds (docs/tradeoffs.md, "Production cycle"): every borrower wants a
    // month-end closing, the closing disclosure's 3 days are the only lead time, conditions need a touch every day.
    name: 'production-cycle-month-binds',
    title: 'production cycle where the month binds',
    variants: cycleVariants.slice(0, 5).map(([label, patch]) => [label, { ...patch, loanProcess: { monthEndShare: 1, closingLeadDays: 3, touchWindowHours: 24 } }]),
  },
  { name: 'new-lead-cap', title: 'new-lead cap a day (10 agents)', variants: [3, 5, 7, 15].map((n) => [`${n}`, { agents: [{ name: 'Day closer', count: 7, shift: '08:00-17:00', skillSpread: 0.5, newLeadsPerDay: n }, { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', skillSpread: 0.5, newLeadsPerDay: n }] }]) },
  {
    name: 'distribution',
    title: 'distribution pattern',
    variants: ['round-robin', 'top-producers', 'hunt-group', 'pull', 'push', 'grab-bag'].map((strategy) => [strategy, { distribution: { strategy } }]),
  },
  { name: 'scoring', title: 'lead scoring and drip', variants: [['every lead to sales', {}], ['scored, drip below threshold', { scoring: {} }]] },
];

const dir = mkdtempSync(join(tmpdir(), 'leadlab-tradeoffs-'));
const rows = [];
try {
  for (const e of experiments) {
    if (only && e.name !== only) continue;
    const files = e.variants.map(([label, patch], i) => {
      const file = join(dir, `${e.name}-${i}.json`);
      writeFileSync(file, JSON.stringify({ name: label, ...patch }));
      return file;
    });
    const out = execFileSync(process.execPath, [join(root, 'bin/leadlab.mjs'), 'compare', ...files, '--replications', String(replications), ...(seed ? ['--seed', seed] : []), '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
    const c = JSON.parse(out);
    const cells = c.scenarios.map((s) => {
      const d = s.vsBaseline?.funded;
      return {
        label: s.name,
        funded: s.metrics.funded.mean,
        contactRate: s.metrics.contactRate.mean,
        utilization: s.metrics.agentUtilization.mean,
        diff: d ? { mean: d.mean, ci95: d.ci95 } : null,
      };
    });
    rows.push({ name: e.name, title: e.title, cells });
    const text = cells
      .map((x) => `${x.label}: ${x.funded.toFixed(1)}${x.diff ? ` (${x.diff.mean >= 0 ? '+' : ''}${x.diff.mean.toFixed(1)} [${x.diff.ci95.map((v) => v.toFixed(1)).join(', ')}])` : ''} contact ${(100 * x.contactRate).toFixed(1)}%`)
      .join(' | ');
    console.log(`${e.title}: ${text}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ replications, rows }, null, 2));
