import * as Plot from '@observablehq/plot';
import { lossMoneySpec, waterfallSpec } from '../charts';
import { stepSentenceFor, type Diagnosis } from '../diagnose/diagnosis';
import { LOST_REVENUE_NOTE, lossRows } from '../diagnose/lossWords';
import { formatMoney, plural } from '../format';
import { MINUS_SIGN } from '../stats/signedFixed';
import type { ReplayRejects } from '../scenario/replay';

/** A sentence does not start with a digit: the ladder has five rungs. */
const NUMBER_WORDS: Record<number, string> = { 2: 'Two', 3: 'Three', 4: 'Four', 5: 'Five' };

/** A printed page writes negatives with the minus sign, as the page and the comparison report's charts do. */

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Rows of an input file that were rejected, what was done with the rest, and the command that lists them. */
function rejectsParagraph(r: ReplayRejects, kept: string, used: string): string {
  return `<p class="rejects">${escape(`${r.file}: ${plural(r.rejected, 'row')} rejected, ${plural(r.kept, kept)} kept; ${used}. \`${r.seeReasons}\` lists the rejected rows with their line numbers and reasons.`)}</p>\n`;
}

/**
 * The one-page diagnosis a consultant prints to PDF from the browser: the production waterfall, the loss buckets as
 * money and one plain sentence per step. Self-contained (inline SVG and style, no scripts, nothing fetched); sized
 * for one Letter or A4 page. `document` is a DOM document for Plot: `svgDocument()` in Node, or a browser's.
 */
export function renderDiagnosisReport(d: Diagnosis, document: Document): string {
  const draw = (options: Plot.PlotOptions) => (Plot.plot({ ...options, document }) as Element).outerHTML;
  const won = d.steps.filter((s) => s.adopted);
  const gain = d.best.fundedPerMonth.mean - d.current.fundedPerMonth.mean;
  // More loans can bring less revenue (loans of a product that brings less): the words follow the sign.
  const revenue = d.best.revenuePerMonth.mean - d.current.revenuePerMonth.mean;
  const revenueWords = Math.round(revenue) < 0 ? `though ${formatMoney(-revenue)} less revenue a month` : `${formatMoney(revenue)} of revenue a month`;
  const lead =
    won.length > 0
      ? `This floor funds about <b>${d.current.fundedPerMonth.mean.toFixed(1)}</b> loans a month. ${won.length === 1 ? 'One fix wins' : `${NUMBER_WORDS[won.length] ?? won.length} fixes together win`} about <b>${gain.toFixed(1)}</b> more (${escape(revenueWords)}).`
      : `This floor funds about <b>${d.current.fundedPerMonth.mean.toFixed(1)}</b> loans a month. None of the fixes tried wins clearly on it.`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(`Where production is lost: ${d.scenario}`)}</title>
<style>
@page { size: auto; margin: 12mm; }
body { font: 12px system-ui, sans-serif; margin: 0 auto; max-width: 760px; color: #222; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 14px; margin: 10px 0 2px; }
p { margin: 4px 0; } ol { margin: 4px 0; padding-left: 18px; } li { margin: 2px 0; }
svg { max-width: 100%; height: auto; } .note { color: #666; font-size: 10px; } .defs { font-size: 9px; line-height: 1.25; }
.interrupted, .rejects { background: #fff3cd; padding: 2px 6px; border: 1px solid #e0c060; }
section { break-inside: avoid; }
</style></head><body>
<h1>Where production is lost</h1>
<p><b>${escape(d.scenario)}</b></p>
${d.logRejects ? rejectsParagraph(d.logRejects, 'call attempt', 'the contact curves were fitted to the kept calls') : ''}${d.replayRejects ? rejectsParagraph(d.replayRejects, 'lead', 'the floor was simulated on the kept leads') : ''}${(d.warnings ?? []).map((w) => `<p class="rejects">Warning: ${escape(w)}</p>\n`).join('')}${d.interrupted ? `<p class="interrupted">The ladder was interrupted (Ctrl-C) after ${d.steps.length} steps; the steps shown are those that finished.</p>\n` : ''}<p>${lead}</p>
<section><h2>Funded loans a month: current floor, each fix, best found</h2>
${draw({ ...waterfallSpec(d), height: Math.min(230, waterfallSpec(d).height ?? 230) })}</section>
<section><h2>Revenue lost a month, by where the lead was lost (current floor)</h2>
${draw({ ...lossMoneySpec(d.current.losses), height: 210 })}
<p class="defs">${lossRows(d.current.losses).map((r) => `<b>${escape(r.label)}</b>: ${escape(r.definition)}`).join(' ')}</p>
<p>${escape(LOST_REVENUE_NOTE)}</p></section>
<section><h2>Step by step</h2>
<ol>${d.steps.map((s) => `<li>${escape(stepSentenceFor(s, MINUS_SIGN))}</li>`).join('')}</ol></section>
<p class="note">Simulated with Leadlab: ${d.replications} replications per step, seed ${escape(String(d.seed))}. Each fix is run on the same leads as the floor before it (common random numbers) and judged by the paired 95% interval of funded loans a month; a fix is kept, and counted as a win, only when that interval lies above zero.</p>
</body></html>
`;
}
