import { describe, expect, it } from 'vitest';
import { decodeLink, defaultSpec, SPEEDS, type ExperimentSpec } from '../../../experiment';
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
  it('with the defaults the first rewiring, a disconnect, comes within 41 steps on seeds 1-10, at step 8 on seed 1', async () => {
    const spec = liveExampleSpec(LIVE_EXAMPLES.rewiring);
    expect(spec.live).toEqual(defaultSpec('live').live);
    expect(SPEEDS[spec.speed].label).toBe('slow motion');
    const firsts: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const perStep = await rewiresPerStep(withSeed(spec, seed), 41);
      firsts.push(firstRewire(perStep));
      if (firsts[seed - 1] > 0) expect(perStep[firsts[seed - 1] - 1][0].change).toBe('disconnect');
    }
    expect(firsts[0]).toBe(8);
    expect(Math.min(...firsts)).toBeGreaterThan(0);
    // The example itself is seed 2, which rewires at step 5.
    expect(spec.seed).toBe(2);
    expect(firstRewire(await rewiresPerStep(spec, 5))).toBe(5);
  });

  it("at the design's learning rate 0.1 nothing rewires for the first 1,200 steps, seeds 1-5", async () => {
    const spec = liveExampleSpec(LIVE_EXAMPLES.designRate);
    expect(spec.live.lr).toBe(0.1);
    for (let seed = 1; seed <= 5; seed++)
      expect(firstRewire(await rewiresPerStep(withSeed(spec, seed), 1200))).toBe(0);
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

  it('each example is a link that opens to its spec, played at its speed', () => {
    for (const example of Object.values(LIVE_EXAMPLES)) {
      const { spec, problems } = decodeLink(liveExampleLink(example));
      expect(problems).toEqual([]);
      expect(spec).toEqual(liveExampleSpec(example));
      expect(spec.architecture).toBe('live');
      expect(SPEEDS[spec.speed].label).toBe(example.speed);
      expect(example.caption.length).toBeGreaterThan(20);
    }
  });
});
