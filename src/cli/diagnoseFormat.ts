import type { Diagnosis } from '../diagnose/diagnosis';
import { formatMoney, formatTenths, plural } from '../format';
import { LOST_REVENUE_NOTE, lossRows } from '../diagnose/lossWords';
import { table } from './format';
import { signedFixed } from '../stats/signedFixed';

const signed = (x: number, digits = 1) => signedFixed(x, digits);
const signedMoney = (x: number) => `${x >= 0 ? '+' : '-'}${formatMoney(Math.abs(x))}`;

/** The terminal table of `leadlab diagnose`: the ladder, the losses of the current floor, and a sentence per step. */
export function formatDiagnosis(d: Diagnosis): string {
  const out: string[] = [];
  out.push(`Diagnosis: ${d.scenario}`);
  out.push(`${d.replications} replications per step, seed ${d.seed}; each fix is run on the same leads as the floor before it (common random numbers) and scaled from ${plural(d.measuredDays, 'measured day')} to a month.`);
  out.push('');
  const rows = [['Current floor', d.current.fundedPerMonth.mean.toFixed(1), '', '', formatMoney(d.current.revenuePerMonth.mean), '', '']];
  for (const s of d.steps) {
    const w = s.fundedPerMonth.win, r = s.revenuePerMonth.win;
    rows.push([
      s.label,
      s.fundedPerMonth.after.toFixed(1),
      s.status === 'in place' ? '' : signed(w.mean),
      w.ci95 ? `${signed(w.ci95[0])} to ${signed(w.ci95[1])}` : '',
      formatMoney(s.revenuePerMonth.after),
      s.status === 'in place' ? '' : signedMoney(r.mean),
      s.status === 'won' ? 'won (kept)' : s.nothingToJudge ? `nothing to judge (${s.nothingToJudge})` : s.status,
    ]);
  }
  rows.push(['Best found', d.best.fundedPerMonth.mean.toFixed(1), signed(d.best.fundedPerMonth.mean - d.current.fundedPerMonth.mean), '', formatMoney(d.best.revenuePerMonth.mean), signedMoney(d.best.revenuePerMonth.mean - d.current.revenuePerMonth.mean), '']);
  out.push(table(rows, ['Step', 'Funded/month', 'Win', 'Win 95% interval', 'Revenue/month', 'Revenue win', 'Verdict']));
  if (d.interrupted) out.push(`(Interrupted: ${d.steps.length} steps finished.)`);
  out.push('');
  out.push('Where the current floor loses production (a month; revenue at the floor\'s own conversion from the stage reached)');
  const losses = lossRows(d.current.losses);
  out.push(table(losses.map((r) => [r.label, formatTenths(r.leads), formatMoney(r.leadCost), formatMoney(r.lostRevenue)]), ['Bucket', 'Leads', 'Lead cost', 'Lost revenue']));
  for (const r of losses) out.push(`  ${r.label}: ${lowerFirst(r.definition)}`);
  out.push(LOST_REVENUE_NOTE);
  out.push('');
  for (const s of d.steps) out.push(`- ${s.sentence}`);
  return out.join('\n') + '\n';
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
