/**
 * Distribution patterns side by side: the six patterns that work on one floor of closers (the row of
 * scripts/tradeoffs-table.mjs; the specialists and the telemarketing warm-up need teams of their own,
 * docs/distribution.md), each with the trade-off it carries as docs/tradeoffs.md describes it.
 */
import { notebookFloor, type Story } from './story';

export interface Pattern {
  strategy: string;
  label: string;
  tradeOff: string;
}

export const PATTERNS: Pattern[] = [
  { strategy: 'round-robin', label: 'Round robin', tradeOff: 'equal shares within caps; ignores who converts.' },
  { strategy: 'top-producers', label: 'Top producers', tradeOff: 'more leads to the best closers, until their pipelines outgrow what they can follow through.' },
  { strategy: 'hunt-group', label: 'Hunt group', tradeOff: 'a lead only to an agent free right now: fresh leads queue behind stale ones while agents are on callbacks.' },
  { strategy: 'pull', label: 'Pull (lean)', tradeOff: 'an agent takes a lead only with room and time: no overload, but leads wait for a free agent.' },
  { strategy: 'push', label: 'Push', tradeOff: 'every lead assigned on arrival whatever the agent\'s load: agents off shift or busy sit on fresh leads.' },
  { strategy: 'grab-bag', label: 'Grab bag', tradeOff: 'a shared pool agents pick from between pipeline calls: leads wait and cool.' },
];

export const distributionStory: Story = {
  seed: 12,
  replications: 4,
  scenarios: PATTERNS.map((p) => notebookFloor({ name: p.label, distribution: { strategy: p.strategy, options: {} } })),
};
