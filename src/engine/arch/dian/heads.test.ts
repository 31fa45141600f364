import { describe, expect, it } from 'vitest';
import { defaultSpec, headUnits, OPTIMIZERS, type DianSpec, type ExperimentSpec } from '../../../experiment';
import type { OutputHead } from '../../../experiment';
import type { DataFeed } from '../../core/dataFeed';
import { fixedValues, gradientGap, PLAIN_STEP, wholeSetStep } from '../../testing/headGradient';
import { frameGap, weightGap } from '../../testing/reference';
import { regressionFeed, threeClassFeed } from '../../testing/tableFeed';
import { fusedDianFrame } from './fusedFrame';
import { fusedDianSteps } from './fusedStep';
import { DianSession } from './session';

const THREE: OutputHead = { kind: 'classes', k: 3 };
const REGRESSION: OutputHead = { kind: 'regression' };
const FEEDS: [string, (s: ExperimentSpec) => DataFeed][] = [
  ['3 classes', threeClassFeed],
  ['regression', regressionFeed],
];

function spec(dian: Partial<DianSpec>, optimizer: ExperimentSpec['training']['optimizer']): ExperimentSpec {
  const s = defaultSpec('dian');
  s.task.features = ['x1', 'x2', 'x1^2', 'x2^2'];
  s.dian = { ...s.dian, layer1: 6, layer2: 5, schedule: 'periodic', ...dian };
  s.training = { ...s.training, optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.03, batchSize: 8 };
  return s;
}

const labels = (head: OutputHead, rows: number) =>
  Float32Array.from({ length: rows }, (_, i) =>
    head.kind === 'classes' ? i % head.k : head.kind === 'regression' ? 2 * Math.sin(i) : i % 2,
  );

describe('the DIAN with other output heads', () => {
  for (const head of [THREE, REGRESSION])
    for (const source of ['x', 'h1'] as const)
      for (const finalActivation of ['none', 'relu'] as const)
        it(`has the full gradient (central differences, float64): ${head.kind}, source ${source}, final ${finalActivation}`, () => {
          const [rows, n0, n1, n2, U] = [7, 4, 5, 4, headUnits(head)];
          const sizes = [n0 * n1, n1, n1 * n2, n2, n2 * U, U, (source === 'x' ? n0 : n1) * n2, n2, n2, 1];
          // Biases lifted a little so that the relus are mostly open.
          const weights = sizes.map((n, k) => fixedValues(n, k).map((v) => (k % 2 ? v + 0.3 : v)));
          const x = Float32Array.from(fixedValues(rows * n0, 9));
          const y = labels(head, rows);
          const shape = { layer1: n1, layer2: n2, source, finalActivation };
          for (const open of [true, false]) {
            const gap = gradientGap(
              weights,
              (w, state) =>
                fusedDianSteps(
                  { ...PLAIN_STEP, ...shape, inputWidth: n0, head },
                  wholeSetStep(x, y, rows, open),
                  w,
                  state,
                ),
              (w) => {
                const data = { train: { x, y, rows }, test: { x, y, rows }, gate: open, head };
                return fusedDianFrame({ ...shape, outputs: U }, data, w).metrics[0] as number;
              },
            );
            expect(gap).toBeLessThan(1e-7);
          }
        });

  for (const [name, feed] of FEEDS)
    for (const finalActivation of ['none', 'relu'] as const)
      it(`trains fused as by autodiff, step for step: ${name}, final ${finalActivation}, every optimizer`, async () => {
        for (const optimizer of OPTIMIZERS) {
          const s = spec({ finalActivation, source: 'h1' }, optimizer);
          const fused = new DianSession(s, { feed: feed(s) });
          const autodiff = new DianSession(s, { fused: false, feed: feed(s) });
          expect([fused.isFused, autodiff.isFused]).toEqual([true, false]);
          for (const steps of [1, 6, 9]) await fused.train(steps);
          await autodiff.train(16);
          expect(weightGap(await fused.exportWeights(), await autodiff.exportWeights())).toBeLessThan(2e-6);
          fused.dispose();
          autodiff.dispose();
        }
      });

  for (const [name, feed] of FEEDS)
    it(`reports the fused frame as the op frame does, gate on and off included: ${name}`, async () => {
      const s = spec({ finalActivation: 'relu', evaluation: 'on' }, 'adam');
      const fused = new DianSession(s, { feed: feed(s) });
      const oracle = new DianSession(s, { fused: false, feed: feed(s) });
      await fused.train(60);
      oracle.restore((await fused.snapshot()).weights, fused.step);
      const request = { heatmapRes: 6, neuronRes: 3 };
      const [a, b] = [await fused.snapshot(request), await oracle.snapshot(request)];
      expect(frameGap(a, b)).toBeLessThan(2e-6);
      expect(a.heatmap.length).toBe(36 * headUnits(fused.head));
      const gates = (f: typeof a) => [f.arch.testAccuracyGateOn, f.arch.testAccuracyGateOff];
      expect(gates(a)).toEqual(gates(b));
      fused.dispose();
      oracle.dispose();
    });

  it('learns three classes; its gate on/off accuracies and confusion matrix are of argmax', async () => {
    const s = spec({ evaluation: 'on' }, 'adam');
    const session = new DianSession(s, { feed: threeClassFeed(s) });
    await session.train(300);
    const m = await session.evaluate();
    expect(m.testAccuracy).toBeGreaterThan(0.8);
    expect(m.testAccuracyGateOn).toBe(m.testAccuracy);
    expect(Number.isFinite(m.testAccuracyGateOff)).toBe(true);
    const confusion = m.confusion!;
    expect(confusion.reduce((p, q) => p + q)).toBe(30);
    expect(m.testAccuracy).toBeCloseTo((confusion[0] + confusion[4] + confusion[8]) / 30, 6);
    session.dispose();
  });

  it("with the paper's relu output, scores a class whose logits all died as never predicted (ties: the first)", async () => {
    // Seed 1: this net's relu output leaves one class's logit at 0 everywhere (the K-class cost of the option).
    const s = spec({ finalActivation: 'relu', evaluation: 'on' }, 'adam');
    const session = new DianSession(s, { feed: threeClassFeed(s) });
    await session.train(300);
    const { metrics } = await session.snapshot();
    const confusion = metrics.confusion!;
    const predictedAs = [0, 1, 2].map((c) => confusion[c] + confusion[3 + c] + confusion[6 + c]);
    expect(predictedAs.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(metrics.testAccuracy).toBeCloseTo((confusion[0] + confusion[4] + confusion[8]) / 30, 6);
    session.dispose();
  });
});
