import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { allCandidatesSame, confirmationSplit, firstFreshReplication, pairedDifference, parseSweepSpec, successiveHalving, sweepCombinations, verdictOf } from '../compare';
import { clampInterval } from '../sim/metricRange';
import { ScenarioError } from '../scenario/load';
import { METRIC_NAMES, METRICS, type MetricName } from '../sim/runResult';
import { meanInterval } from '../stats/meanInterval';
import { BadInputError, parseArgs, UsageError } from './args';
import type { Command } from './command';
import { formatDifference } from './compareFormat';
import { formatValue, table } from './format';
import { jsonNumbers } from './run';
import { runTasks } from './runTasks';
import { FORCE_FLAG } from './runSize';
import { prepareSweepSpec, readJsonFile } from './sweep';
import { SimPool } from '../worker/pool';
import { BUDGET_LIMIT, MAX_BUDGET, WORKERS_LIMIT } from './schemaLimits';

const flags = {
  budget: { type: 'number', minInt: 2, max: BUDGET_LIMIT, describe: 'most runs in all: the search and the confirmation of its best on fresh replications (default: the file\'s "budget", else 200)' },
  seed: { type: 'string', describe: 'run seed (default: the file\'s, else the base scenario\'s)' },
  workers: { type: 'number', minInt: 0, max: WORKERS_LIMIT, describe: 'worker threads (default: the cores; 0 runs in this thread)' },
  json: { type: 'boolean', describe: 'print the result as JSON' },
  force: FORCE_FLAG,
} as const;

class Interrupted extends Error {}

/** `leadlab optimize`: successive halving over the combinations of a sweep, for the best value of one metric. */
export const optimizeCommand: Command = {
  name: 'optimize',
  summary: 'Search parameter values (as in a sweep) for the best value of one metric under a budget of runs, by successive halving on common random numbers.',
  usage: 'optimize optimize.json [--budget RUNS] [--seed S] [--workers N] [--json]',
  flags,
  async run(argv, io) {
    const { positional, flags: f } = parseArgs(argv, flags);
    if (positional.length !== 1) throw new UsageError(`expected one optimize file, got ${positional.length}`);
    const json = readJsonFile(positional[0], io.cwd, 'optimize file') as Record<string, unknown>;
    const { metric: rawMetric, goal: rawGoal, budget: rawBudget, ...sweepPart } = json ?? {};
    if (typeof rawMetric !== 'string' || !METRIC_NAMES.includes(rawMetric as MetricName)) {
      throw new BadInputError(`optimize.metric: expected one of ${METRIC_NAMES.join(', ')}, got ${JSON.stringify(rawMetric)}`);
    }
    const metric = rawMetric as MetricName;
    if (rawGoal !== undefined && rawGoal !== 'max' && rawGoal !== 'min') throw new BadInputError(`optimize.goal: expected "max" or "min", got ${JSON.stringify(rawGoal)}`);
    const direction = METRICS[metric].higherIsBetter;
    if (rawGoal === undefined && direction === null) {
      throw new BadInputError(`optimize.goal: ${METRICS[metric].label} (${metric}) is neither better nor worse in itself; say which way to go, "max" or "min"`);
    }
    const higherIsBetter = rawGoal === undefined ? direction! : rawGoal === 'max';
    // The flag was checked by the parser; the file's field is checked here, with the same bounds.
    const budgetGiven: unknown = (f.budget as number | undefined) ?? (rawBudget === undefined ? 200 : rawBudget);
    if (typeof budgetGiven !== 'number' || !Number.isInteger(budgetGiven) || budgetGiven < 2 || budgetGiven > MAX_BUDGET) {
      throw new BadInputError(`optimize.budget: expected an integer from 2 to ${MAX_BUDGET.toLocaleString('en-US')} (${BUDGET_LIMIT.why}), got ${JSON.stringify(rawBudget)}`);
    }
    const budget = budgetGiven;
    let prepared;
    try {
      const spec = parseSweepSpec(sweepPart);
      prepared = prepareSweepSpec(spec, dirname(resolve(io.cwd, positional[0])), { seed: f.seed as string | undefined, force: Boolean(f.force) });
    } catch (e) {
      if (e instanceof ScenarioError || e instanceof UsageError || e instanceof BadInputError) throw e;
      throw new BadInputError((e as Error).message.replace(/^sweep\./, 'optimize.'));
    }
    const { definition, sources, baseSource, warnings } = prepared;
    for (const w of warnings) io.err(`warning: ${w}\n`);
    const combos = sweepCombinations(definition.parameters);
    const workers = (f.workers as number | undefined) ?? availableParallelism();
    const seed = definition.seed;
    const pool = workers > 0 ? new SimPool(workers) : undefined;
    try {
      return await optimizeOn(pool);
    } finally {
      await pool?.close();
    }

    async function optimizeOn(pool: SimPool | undefined): Promise<number> {
      // Every finished run, kept for the report of an interrupted search (candidate -1 is the starting policy).
      const finished: { candidate: number; replication: number; value: number }[] = [];
      // Every metric of each candidate's runs, by replication: a setting that does not bind gives them all the same.
      const fingerprints: string[][] = combos.map(() => []);
      const measure = async (tasks: { source: (typeof sources)[number]; replication: number; candidate: number }[]) => {
        const outcome = await runTasks(tasks.map((t) => ({ source: t.source, replication: t.replication, seed })), { workers, io, label: 'runs', pool });
        outcome.results.forEach((r, i) => {
          if (!r) return;
          finished.push({ candidate: tasks[i].candidate, replication: tasks[i].replication, value: r.metrics[metric] });
          if (tasks[i].candidate >= 0) fingerprints[tasks[i].candidate][tasks[i].replication] = JSON.stringify(r.metrics);
        });
        if (outcome.interrupted) throw new Interrupted();
        return outcome.results.map((r) => r!.metrics[metric]);
      };
      // After Ctrl-C: the runs that finished, by candidate, so that none is lost (no best is chosen from them).
      const reportInterrupted = (stage: string, best?: number): number => {
        const byCandidate = new Map<number, number[]>();
        for (const r of finished) byCandidate.set(r.candidate, [...(byCandidate.get(r.candidate) ?? []), r.value]);
        const rows = [...byCandidate].sort((a, b) => a[0] - b[0]).map(([c, values]) => ({
          candidate: c < 0 ? 'starting policy' : c,
          values: c < 0 ? {} : combos[c].values,
          runs: values.length,
          [metric]: meanInterval(values),
        }));
        const chosen = best === undefined ? 'no best candidate was chosen from them' : `the search had chosen candidate ${best}, but its gain over the starting policy was not measured`;
        io.err(`Interrupted ${stage}: ${finished.length} runs finished and are listed; ${chosen}.\n`);
        if (f.json) io.out(JSON.stringify({ metric, interrupted: true, runsFinished: finished.length, best: best ?? null, candidates: rows }, jsonNumbers, 2) + '\n');
        else {
          const show = (x: number) => formatValue(metric, x);
          io.out(table(rows.map((r) => [String(r.candidate), Object.entries(r.values).map(([p, v]) => `${p} = ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', '), String(r.runs), show((r[metric] as ReturnType<typeof meanInterval>).mean)]), ['Candidate', 'Values', 'Runs', `${METRICS[metric].label} (mean of finished runs)`]) + '\n');
        }
        return 130;
      };
      // The budget covers the confirmation too: its runs are set aside before the search starts.
      let split;
      try {
        split = confirmationSplit(budget, combos.length);
      } catch (e) {
        throw new BadInputError((e as Error).message.replace(/^optimize: /, ''));
      }
      let search;
      try {
        search = await successiveHalving({
          candidates: combos.length,
          budget: split.search,
          higherIsBetter,
          evaluate: (tasks) => measure(tasks.map((t) => ({ source: sources[t.candidate], replication: t.replication, candidate: t.candidate }))),
        });
      } catch (e) {
        if (e instanceof Interrupted) return reportInterrupted('during the search');
        throw e;
      }
      // The search's replications picked the best, so its gain on them is optimistic (the winner's curse): the best
      // and the starting policy are measured again on replications the search never used, the same ones for both.
      const fresh = firstFreshReplication(search);
      const confirmReplications = Array.from({ length: split.confirmReplications }, (_, k) => fresh + k);
      let bestValues: number[], startValues: number[];
      try {
        const measured = await measure([
          ...confirmReplications.map((r) => ({ source: sources[search.best], replication: r, candidate: search.best })),
          ...confirmReplications.map((r) => ({ source: baseSource, replication: r, candidate: -1 })),
        ]);
        bestValues = measured.slice(0, confirmReplications.length);
        startValues = measured.slice(confirmReplications.length);
      } catch (e) {
        if (e instanceof Interrupted) return reportInterrupted('while confirming the best on fresh replications', search.best);
        throw e;
      }
      const best = { index: search.best, values: combos[search.best].values, [metric]: clampInterval(metric, meanInterval(bestValues)), inSearch: clampInterval(metric, meanInterval(search.values[search.best])) };
      // Cut at what the metric can be (no negative count), as every summary of the project.
      const start = clampInterval(metric, meanInterval(startValues));
      const gain = pairedDifference(metric, startValues, bestValues);
      // The verdict follows the goal of the search, which may differ from the metric's usual direction (or be the only one).
      gain.verdict = verdictOf(metric, gain.ci95, higherIsBetter);
      const confirmation = { replications: confirmReplications, runs: 2 * confirmReplications.length };
      // Searched on the search's replications only (the confirmation runs the first candidate alone).
      const allSame = allCandidatesSame(fingerprints.map((f, c) => f.slice(0, search.values[c].length)));
      const names = [...new Set(definition.parameters.map((p) => p.path))].join(' and ');
      const sameNote = `every value of ${names} gave the same results in every replication: the setting does not bind on this floor, so there is no best value to use`;
      const result = {
        metric, goal: higherIsBetter ? 'max' : 'min', budget, seed, runs: search.runs + confirmation.runs, searchBudget: split.search, searchRuns: search.runs,
        candidates: combos.length, rounds: search.rounds, budgetRanOutAfter: search.budgetRanOutAfter,
        // With every candidate the same there is no best: `best` is then the first of equals (any one, all alike), kept
        // so that readers of the JSON find the confirmation's numbers where they always are, and the note says so.
        allSame, ...(allSame && { note: `${sameNote}; "best" is only the first of equals` }), best, start, gain, confirmation,
        ...(warnings.length > 0 && { warnings }),
      };
      if (f.json) {
        io.out(JSON.stringify(result, jsonNumbers, 2) + '\n');
        return 0;
      }
      const show = (x: number, scaleOf = x) => formatValue(metric, x, scaleOf);
      const ci = (s: { mean: number; ci95: [number, number] | null }) => `${show(s.mean)}${s.ci95 ? ` [${show(s.ci95[0], s.mean)}, ${show(s.ci95[1], s.mean)}]` : ''}`;
      const label = (c: number) => Object.entries(combos[c].values).map(([p, v]) => `${p} = ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
      const bestMeanOf = (means: number[]) => {
        const finite = means.filter(Number.isFinite);
        return finite.length ? (higherIsBetter ? Math.max(...finite) : Math.min(...finite)) : NaN;
      };
      const out: string[] = [];
      out.push(`${definition.name}: ${higherIsBetter ? 'maximize' : 'minimize'} ${METRICS[metric].label} over ${combos.length} candidates, seed ${seed}`);
      out.push(`A budget of ${budget} runs: ${split.search} for the search (successive halving spent ${search.runs}), ${confirmation.runs} to confirm the best on fresh replications (${confirmReplications.length} each of the best and the starting policy); ${result.runs} runs in all.`);
      out.push('');
      out.push(table(search.rounds.map((r, k) => [String(k + 1), String(r.candidates.length), String(r.replications), show(bestMeanOf(r.means))]), ['Round', 'Candidates', 'Replications each', 'Best mean']));
      if (search.budgetRanOutAfter !== null) {
        const left = search.rounds[search.rounds.length - 1].candidates.length;
        out.push(`The budget ran out after round ${search.budgetRanOutAfter}: the best of its ${left} candidates was chosen on the replications already run (later rounds ran nothing and are not shown).`);
      }
      out.push('');
      if (allSame) out.push(`${sameNote[0].toUpperCase()}${sameNote.slice(1)}.`, 'Every candidate (they are alike):');
      else {
        out.push(`Best: ${label(search.best)}`);
        out.push(`  ${METRICS[metric].label} in the search: ${ci(best.inSearch)} over ${search.values[search.best].length} replications (the ones that picked it, which tend to flatter it)`);
      }
      out.push(`  On ${confirmReplications.length} fresh replications (${confirmReplications[0]}-${confirmReplications[confirmReplications.length - 1]}, not used by the search; the same for both):`);
      out.push(`  ${METRICS[metric].label}: ${ci(best[metric] as ReturnType<typeof meanInterval>)}`);
      out.push(`  Starting policy (the base scenario): ${ci(start)}`);
      const gainText = `${formatDifference(metric, gain.mean)}${gain.ci95 ? ` [${formatDifference(metric, gain.ci95[0], gain.mean)}, ${formatDifference(metric, gain.ci95[1], gain.mean)}]` : ''}`;
      out.push(`  ${allSame ? 'Any candidate' : 'Best'} minus starting, paired on the fresh replications: ${gainText}${gain.verdict === 'no clear difference' ? ' (no clear difference)' : ` ${gain.verdict}`}`);
      io.out(out.join('\n') + '\n');
      return 0;
    }
  },
};
