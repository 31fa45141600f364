/**
 * Dynamic-Live experiments that show its phenomenon within seconds, for an "Examples" gallery (issue 14). With
 * the defaults (learning rate 0.1) rewiring is rare: nothing is unconnected at the start, so the first event must
 * be a disconnect, and a weight of 1/k only reaches 0 after many punished steps. Measured over seeds 1-10 of the
 * default temporal XOR (examples.test.ts pins the first of these): the first rewiring came at steps 1,270-3,722
 * (2-6 minutes at 10 steps/s); with learning rate 1 at steps 15-77 (2-8 s at 10 steps/s).
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
}

export const LIVE_EXAMPLES = {
  rewiring: {
    name: 'Rewiring within seconds',
    caption:
      'Learning rate 1: punished weights fall to 0 and disconnect (a fading edge) within the first 80 steps; ' +
      'later negative rewards reconnect them (an edge growing in). Watch the rewiring counter above the graph.',
    live: { lr: 1 },
  },
  churn: {
    name: 'Lost and regained in one step',
    caption:
      'Learning rate 1 and rewiring probability 0.5: an edge often disconnects and reconnects in the same step, ' +
      'shown as one yellow "rewired" flash (dozens of times in 300 steps).',
    live: { lr: 1, pRewire: 0.5 },
  },
} satisfies Record<string, LiveExample>;

/** Slow: 10 steps a second, where each rewiring can be followed. */
const SLOW = SPEEDS.findIndex((s) => s.label === 'slow');

/** The example's full spec: the default Live experiment, its options, played slowly. */
export function liveExampleSpec(example: LiveExample): ExperimentSpec {
  const spec = defaultSpec('live');
  return { ...spec, speed: SLOW, live: { ...spec.live, ...example.live } };
}

/** The example as a link (the address's hash). */
export const liveExampleLink = (example: LiveExample): string => encodeLink(liveExampleSpec(example));
