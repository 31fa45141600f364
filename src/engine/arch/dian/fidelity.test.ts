import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec } from '../../../experiment';
import { DianSession, iterationOf } from './session';

const spec = (dian: Partial<ExperimentSpec['dian']>): ExperimentSpec => {
  const s = defaultSpec('dian');
  s.dian = { ...s.dian, ...dian };
  return s;
};

/** The extra path's weights (E, be, G, bg) of a session, flat. */
async function extraPath(s: DianSession): Promise<number[]> {
  const named = await s.exportWeights();
  return ['extra/kernel', 'extra/bias', 'gate/kernel', 'gate/bias'].flatMap((n) => named[n].values);
}

describe("the DIAN's fidelity options", () => {
  it('iterations count from 1 (the step counter) or from 0 (the paper loop), by step and by epoch', () => {
    const session = new DianSession(defaultSpec('dian'));
    const { dataset } = session;
    session.dispose();
    expect(dataset.train).toHaveLength(250);
    const at = (counting: 'from1' | 'from0', iteration: 'step' | 'epoch', step: number) =>
      iterationOf(spec({ counting, iteration }), step, dataset);
    expect([1, 2, 3].map((n) => at('from1', 'step', n))).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((n) => at('from0', 'step', n))).toEqual([0, 1, 2]);
    // Batch 10 of 250 training points: 25 steps an epoch; step 26 starts the second.
    expect([1, 25, 26].map((n) => at('from1', 'epoch', n))).toEqual([1, 1, 2]);
    expect([1, 25, 26].map((n) => at('from0', 'epoch', n))).toEqual([0, 0, 1]);
  });

  for (const [counting, firstOpen] of [
    ['from1', false],
    ['from0', true],
  ] as const) {
    it(`counting ${counting}: the gate is ${firstOpen ? 'open' : 'closed'} on the first training step (period 2)`, async () => {
      const s = new DianSession(spec({ counting, period: 2 }));
      const before = await extraPath(s);
      await s.train(1);
      const after = await extraPath(s);
      // A closed step leaves the extra path untouched; an open one trains it.
      expect(after.some((v, i) => v !== before[i])).toBe(firstOpen);
      await s.train(1);
      const third = await extraPath(s);
      expect(third.some((v, i) => v !== after[i])).toBe(!firstOpen);
      s.dispose();
    });
  }

  it("PyTorch's nn.Linear initialisation: kernels and biases uniform in +-1/sqrt(fan in)", async () => {
    const s = new DianSession(spec({ init: 'pytorch', layer1: 64, layer2: 64 }));
    const w = await s.exportWeights();
    const check = (name: string, fanIn: number) => {
      const values = w[name].values;
      const bound = 1 / Math.sqrt(fanIn);
      expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
      // Uniform on [-b, b]: mean |v| = b / 2 (64 x 64 = 4,096 draws: the spread of the mean is ~0.5%).
      if (values.length >= 1000)
        expect(values.reduce((a, v) => a + Math.abs(v), 0) / values.length).toBeCloseTo(bound / 2, 2);
      expect(values.some((v) => v !== 0)).toBe(true);
    };
    check('layer2/kernel', 64);
    check('layer2/bias', 64);
    check('layer1/kernel', 2);
    check('gate/bias', 64);
    s.dispose();
  });

  it('the defaults are Glorot (zero biases) and counting from 1', async () => {
    const glorot = new DianSession(spec({}));
    const explicit = new DianSession(spec({ init: 'glorot', counting: 'from1' }));
    const [a, b] = [await glorot.exportWeights(), await explicit.exportWeights()];
    expect(a).toEqual(b);
    expect(a['layer1/bias'].values.every((v) => v === 0)).toBe(true);
    glorot.dispose();
    explicit.dispose();
  });
});
