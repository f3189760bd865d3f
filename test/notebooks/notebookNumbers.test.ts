import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { simApi } from '../../src/worker/simApi';
import { readLink, stateToHash } from '../../src/ui/workbenchState';
import { storySummaries, storyState, storyTasks, type Story } from '../../src/ui/notebooks/story';
import { rendezvousStory } from '../../src/ui/notebooks/rendezvousStory';
import { callbackPeriodsStory } from '../../src/ui/notebooks/callbackPeriodsStory';
import { pipelineStory } from '../../src/ui/notebooks/pipelineStory';
import { distributionStory } from '../../src/ui/notebooks/distributionStory';
import { scoringStory } from '../../src/ui/notebooks/scoringStory';

/** Every notebook's story, as its page imports it. */
const STORIES: [string, Story][] = [
  ['rendezvous', rendezvousStory],
  ['callback-periods', callbackPeriodsStory],
  ['pipeline', pipelineStory],
  ['distribution', distributionStory],
  ['scoring', scoringStory],
];

describe.each(STORIES)('the %s notebook', (_name, story) => {
  it('gives, for its seed and replications, the numbers leadlab gives for the same scenarios', async () => {
    // The page's path: each run through the worker API (what a web worker serves), summarized by the story.
    const tasks = storyTasks(story);
    const results = await Promise.all(tasks.map((t) => simApi.runReplication(t.source, t.replication, t.seed)));
    const page = storySummaries(story, results);
    // The command line's path: the scenario loaded and run by runScenario, as `leadlab run --seed --replications`.
    const cli = story.scenarios.map((json) => runScenario(loadScenario(json), { seed: story.seed, replications: story.replications }).summary);
    expect(page.map((s) => s.name)).toEqual(story.scenarios.map((s) => s.name));
    expect(page.map((s) => s.metrics)).toEqual(cli.map((s) => s.metrics));
    expect(page.map((s) => s.losses)).toEqual(cli.map((s) => s.losses));
  }, 60_000);

  it('links to the workbench with its scenarios, seed and replications', () => {
    const link = readLink(stateToHash(storyState(story)));
    expect(link.kind).toBe('ok');
    if (link.kind !== 'ok') return;
    expect(link.state.scenarios.map((s) => JSON.parse(s) as unknown)).toEqual(story.scenarios);
    expect([link.state.seed, link.state.replications]).toEqual([story.seed, story.replications]);
  });
});
