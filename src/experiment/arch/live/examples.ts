/**
 * Dynamic-Live experiments that show its phenomenon within seconds, for an "Examples" gallery (issue 14). Nothing
 * is unconnected at the start, so the first rewiring must be a disconnect: a weight of 1/k pushed to 0 by punished
 * steps. Measured over seeds 1-10 of the default temporal XOR (examples.test.ts pins these): at the default
 * learning rate 1.5 the first rewiring comes at steps 5-41 (step 8 on the default seed, 4 s in slow motion; step 5 on seed 2); at
 * the design's 0.1 at steps 1,270-3,722 (10-30 minutes in slow motion).
 */
import { defaultSpec } from '../../defaults';
import { encodeLink } from '../../link';
import { SPEEDS } from '../../kinds';
import type { ExperimentSpec } from '../../spec';
import type { LiveSpec } from './slice';

export interface LiveExample {
  name: string;
  /** One line: what to look for. */
  caption: string;
  /** The Live options that differ from the defaults. */
  live: Partial<LiveSpec>;
  /** How fast it plays. */
  speed: (typeof SPEEDS)[number]['label'];
  /** Another seed than the default (an example equal to the defaults would caption every default Live run). */
  seed?: number;
}

export const LIVE_EXAMPLES = {
  rewiring: {
    name: 'Rewiring in slow motion',
    caption:
      'The default options, seed 2, at 2 steps a second: a punished weight falls to 0 and disconnects (a fading ' +
      'edge) at step 5; later negative rewards reconnect it (an edge growing in). Watch the counter above the graph.',
    live: {},
    seed: 2,
    speed: 'slow motion',
  },
  designRate: {
    name: "The design's learning rate 0.1",
    caption:
      "Learning rate 0.1 (the reference design's default): no weight reaches 0 for over a thousand steps, " +
      'so nothing rewires for minutes at this speed; at full speed the first rewiring comes within a second.',
    live: { lr: 0.1 },
    speed: 'slow',
  },
  churn: {
    name: 'Lost and regained in one step',
    caption:
      'Learning rate 1 and rewiring probability 0.5: an edge often disconnects and reconnects in the same step, ' +
      'shown as one yellow "rewired" flash (dozens of times in 300 steps).',
    live: { lr: 1, pRewire: 0.5 },
    speed: 'slow',
  },
} satisfies Record<string, LiveExample>;

/** The example's full spec: the default Live experiment, its options, at its speed. */
export function liveExampleSpec(example: LiveExample): ExperimentSpec {
  const spec = defaultSpec('live');
  const speed = SPEEDS.findIndex((s) => s.label === example.speed);
  return { ...spec, seed: example.seed ?? spec.seed, speed, live: { ...spec.live, ...example.live } };
}

/** The example as a link (the address's hash). */
export const liveExampleLink = (example: LiveExample): string => encodeLink(liveExampleSpec(example));
