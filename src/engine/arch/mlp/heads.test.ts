import { describe, expect, it } from 'vitest';
import {
  defaultSpec,
  headUnits,
  OPTIMIZERS,
  type ExperimentSpec,
  type OutputHead,
} from '../../../experiment';
import type { DataFeed } from '../../core/dataFeed';
import { fixedValues, gradientGap, PLAIN_STEP, wholeSetStep } from '../../testing/headGradient';
import { frameGap, weightGap } from '../../testing/reference';
import { regressionFeed, threeClassFeed } from '../../testing/tableFeed';
import { fusedMlpFrame } from './fusedFrame';
import { fusedMlpSteps } from './fusedStep';
import { MlpSession } from './session';

const THREE: OutputHead = { kind: 'classes', k: 3 };
const REGRESSION: OutputHead = { kind: 'regression' };
const FEEDS: [string, (s: ExperimentSpec) => DataFeed][] = [
  ['3 classes', threeClassFeed],
  ['regression', regressionFeed],
];

function spec(optimizer: ExperimentSpec['training']['optimizer']): ExperimentSpec {
  const s = defaultSpec('mlp');
  s.task.features = ['x1', 'x2', 'x1^2', 'x2^2'];
  s.mlp = { hiddenLayers: [6, 4], activation: 'tanh' };
  s.training = { ...s.training, optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.03, batchSize: 8 };
  return s;
}

/** Labels of `rows` rows for a head: class indices, numbers, or 0/1. */
const labels = (head: OutputHead, rows: number) =>
  Float32Array.from({ length: rows }, (_, i) =>
    head.kind === 'classes' ? i % head.k : head.kind === 'regression' ? 2 * Math.sin(i) : i % 2,
  );

describe('the MLP with other output heads', () => {
  for (const head of [
    THREE,
    { kind: 'classes', k: 5 } as OutputHead,
    REGRESSION,
    { kind: 'binary' } as OutputHead,
  ])
    it(`has the full gradient of its loss (central differences, float64): ${JSON.stringify(head)}`, () => {
      const [rows, inputWidth] = [7, 4];
      const widths = [5, 4, headUnits(head)];
      const sizes = widths.flatMap((w, l) => [(l === 0 ? inputWidth : widths[l - 1]) * w, w]);
      const weights = sizes.map((n, k) => fixedValues(n, k));
      const x = Float32Array.from(fixedValues(rows * inputWidth, 9));
      const y = labels(head, rows);
      const o = { widths, activation: 'tanh' as const };
      const gap = gradientGap(
        weights,
        (w, state) =>
          fusedMlpSteps({ ...PLAIN_STEP, ...o, inputWidth, head }, wholeSetStep(x, y, rows, false), w, state),
        (w) =>
          fusedMlpFrame(o, { train: { x, y, rows }, test: { x, y, rows }, gate: false, head }, w)
            .metrics[0] as number,
      );
      expect(gap).toBeLessThan(1e-7);
    });

  for (const [name, feed] of FEEDS)
    for (const optimizer of OPTIMIZERS)
      it(`trains fused as by autodiff, step for step: ${name}, ${optimizer}`, async () => {
        const s = spec(optimizer);
        const fused = new MlpSession(s, { feed: feed(s) });
        const autodiff = new MlpSession(s, { fused: false, feed: feed(s) });
        expect([fused.isFused, autodiff.isFused]).toEqual([true, false]);
        for (const steps of [1, 5, 9]) await fused.train(steps);
        await autodiff.train(15);
        expect(weightGap(await fused.exportWeights(), await autodiff.exportWeights())).toBeLessThan(2e-6);
        fused.dispose();
        autodiff.dispose();
      });

  for (const [name, feed] of FEEDS)
    it(`reports the fused frame as the op frame does, its heatmap in bands: ${name}`, async () => {
      const s = spec('adam');
      const fused = new MlpSession(s, { feed: feed(s) });
      // 7 x 7 = 49 cells in bands of 10 (core/mapBands.ts): the last one shorter.
      fused.mapBandRows = 10;
      const oracle = new MlpSession(s, { fused: false, feed: feed(s) });
      await fused.train(40);
      oracle.restore((await fused.snapshot()).weights, fused.step);
      const request = { heatmapRes: 7, neuronRes: 3 };
      const [a, b] = [await fused.snapshot(request), await oracle.snapshot(request)];
      expect(frameGap(a, b)).toBeLessThan(2e-6);
      const units = headUnits(fused.head);
      expect([a.heatmap.length, a.neuronMaps.length]).toEqual([49 * units, 9 * (6 + 4 + units)]);
      fused.dispose();
      oracle.dispose();
    });

  it('learns three classes: a 3 x 3 confusion matrix of the test set, its diagonal the accuracy', async () => {
    const s = spec('adam');
    const session = new MlpSession(s, { feed: threeClassFeed(s) });
    const before = await session.snapshot();
    await session.train(300);
    const { metrics, testPredicted } = await session.snapshot({ heatmapRes: 5 });
    const confusion = metrics.confusion!;
    expect(confusion.length).toBe(9);
    expect(confusion.reduce((a, b) => a + b)).toBe(30);
    // Each true class has 10 test rows (the blobs take turns).
    for (const c of [0, 1, 2])
      expect(confusion[3 * c] + confusion[3 * c + 1] + confusion[3 * c + 2]).toBe(10);
    expect(metrics.testAccuracy).toBeCloseTo((confusion[0] + confusion[4] + confusion[8]) / 30, 6);
    expect(metrics.testAccuracy).toBeGreaterThan(0.8);
    expect(metrics.testAccuracy).toBeGreaterThan(before.metrics.testAccuracy);
    expect(testPredicted!.length).toBe(30);
    session.dispose();
  });

  it('reports no accuracy or confusion matrix for regression, and the value as the heatmap', async () => {
    const s = spec('adam');
    const session = new MlpSession(s, { feed: regressionFeed(s) });
    const before = (await session.snapshot()).metrics.trainLoss;
    await session.train(200);
    const { metrics, testPredicted, heatmap } = await session.snapshot({ heatmapRes: 4 });
    expect(metrics.trainAccuracy).toBeNaN();
    expect(metrics.confusion).toBeUndefined();
    expect(testPredicted).toBeUndefined();
    expect(heatmap.length).toBe(16);
    expect(metrics.trainLoss).toBeLessThan(before / 2);
    session.dispose();
  });
});
