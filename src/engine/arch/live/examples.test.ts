import { describe, expect, it } from 'vitest';
import { decodeLink, defaultSpec, type ExperimentSpec } from '../../../experiment';
import { LIVE_EXAMPLES, liveExampleLink, liveExampleSpec } from '../../../experiment/arch/live/examples';
import { createSession, sessionOf } from '../..';

type Rewire = { change: string; source: string; neuron: string; step: number };

/** Trains step by step; the rewiring events of each step. */
async function rewiresPerStep(spec: ExperimentSpec, steps: number): Promise<Rewire[][]> {
  const s = sessionOf(await createSession(spec), 'live');
  const out: Rewire[][] = [];
  for (let i = 0; i < steps; i++) {
    await s.train(1);
    out.push(s.takeEvents() as Rewire[]);
  }
  return out;
}

const firstRewire = (perStep: Rewire[][]) => perStep.findIndex((e) => e.length > 0) + 1;
const withSeed = (spec: ExperimentSpec, seed: number) => ({ ...spec, seed });

describe('Live examples (issue 14: rewiring visible)', () => {
  it('with the defaults nothing rewires in the first 300 steps (30 s at 10 steps/s), seeds 1-5', async () => {
    for (let seed = 1; seed <= 5; seed++)
      expect(firstRewire(await rewiresPerStep(withSeed(defaultSpec('live'), seed), 300))).toBe(0);
  });

  it('"Rewiring within seconds" rewires within 80 steps on seeds 1-10, first by a disconnect', async () => {
    const spec = liveExampleSpec(LIVE_EXAMPLES.rewiring);
    expect(spec.live.lr).toBe(1);
    expect(spec.live.pRewire).toBe(defaultSpec('live').live.pRewire);
    for (let seed = 1; seed <= 10; seed++) {
      const perStep = await rewiresPerStep(withSeed(spec, seed), 80);
      const first = firstRewire(perStep);
      expect(first).toBeGreaterThan(0);
      expect(perStep[first - 1][0].change).toBe('disconnect');
    }
  });

  it('"Lost and regained in one step" disconnects and reconnects one edge within one step', async () => {
    const perStep = await rewiresPerStep(liveExampleSpec(LIVE_EXAMPLES.churn), 100);
    const both = perStep.filter((events) =>
      events.some(
        (d) =>
          d.change === 'disconnect' &&
          events.some((c) => c.change === 'connect' && c.source === d.source && c.neuron === d.neuron),
      ),
    );
    expect(both.length).toBeGreaterThan(0);
  });

  it('each example is a link that opens to its spec, played at 10 steps/s', () => {
    for (const example of Object.values(LIVE_EXAMPLES)) {
      const { spec, problems } = decodeLink(liveExampleLink(example));
      expect(problems).toEqual([]);
      expect(spec).toEqual(liveExampleSpec(example));
      expect(spec.architecture).toBe('live');
      expect(spec.speed).toBe(1);
      expect(example.caption.length).toBeGreaterThan(20);
    }
  });
});
