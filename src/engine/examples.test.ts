/** What the examples' captions claim, checked on the engine (cpu, seed 1; the fused kernels the app runs). */
import { describe, expect, it } from 'vitest';
import './test-setup';
import { EXAMPLES } from '../experiment';
import { createSession } from './registry';

const example = (id: string) => EXAMPLES.find((e) => e.id === id)!.spec;

/** Test accuracy after each of `steps` (cumulative). */
async function accuracies(id: string, steps: number[]): Promise<number[]> {
  const session = await createSession(example(id));
  const out: number[] = [];
  try {
    for (const n of steps) {
      await session.train(n - session.step);
      out.push((await session.snapshot({})).metrics.testAccuracy);
    }
  } finally {
    session.dispose();
  }
  return out;
}

describe("the MLP examples' captions", () => {
  it('the spiral with sin features: about 90% by step 2,000 and 95% by 4,000', async () => {
    const [at2000, at4000] = await accuracies('mlp-spiral-sin', [2000, 4000]);
    expect(at2000).toBeGreaterThanOrEqual(0.88);
    expect(at4000).toBeGreaterThanOrEqual(0.945); // 95% as the caption rounds it
  });

  it('the spiral from x1 and x2 alone: under 70% after 4,000 steps', async () => {
    const [at4000] = await accuracies('mlp-spiral-plain', [4000]);
    expect(at4000).toBeLessThan(0.7);
  });

  it('the circle from the squares: one neuron, 100% by step 1,000', async () => {
    const [at1000] = await accuracies('mlp-circle-squares', [1000]);
    expect(at1000).toBe(1);
  });
});
