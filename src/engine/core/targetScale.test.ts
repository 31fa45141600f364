/**
 * Standardisation on the training rows only, and a numeric target standardised for training and reported back in
 * its own units (the heatmap's values, the losses).
 */
import { describe, expect, it } from 'vitest';
import { createRng, defaultSpec, deriveSeed, permutation, type ExperimentSpec } from '../../experiment';
import type { DataTable } from '../../experiment/data';
import { MlpSession } from '../arch/mlp/session';
import { WormholeSession } from '../arch/wormhole/session';
import { DataFeed } from './dataFeed';

const csvSpec = (tweak: (s: ExperimentSpec) => void = () => {}) => {
  const spec = defaultSpec('mlp');
  spec.task.kind = 'csv';
  tweak(spec);
  return spec;
};

const meanSd = (v: number[]) => {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return { mean, sd: Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length) };
};

/** n rows of three standard-normal inputs, y = 1000 + 100 (x1 + x2 + x3) (seeded). */
function realScale(n: number, seed: number): DataTable {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: 3 * n }, () => rng.normal());
  const y = Float32Array.from({ length: n }, (_, r) => 1000 + 100 * (x[3 * r] + x[3 * r + 1] + x[3 * r + 2]));
  return { features: ['a', 'b', 'c'], x, y, classes: null };
}

describe('standardisation on the training rows', () => {
  // Six rows; the training rows' inputs differ from the test rows' (a: 1..6 and a large last row in b).
  const TABLE: DataTable = {
    features: ['a', 'b'],
    x: Float32Array.from([1, 0, 2, 1, 3, 0, 4, 1, 5, 0, 6, 100]),
    y: Float32Array.from([10, 20, 30, 40, 50, 1000]),
    classes: null,
  };

  it('takes the inputs means and stds, and the targets, from the training rows and applies them to all', () => {
    const spec = csvSpec((s) => (s.task.trainRatio = 0.5));
    const feed = new DataFeed(spec, TABLE);
    const order = permutation(6, createRng(deriveSeed(spec.seed, 'data:csv')));
    const train = Array.from(order.subarray(0, 3));
    const col = (j: number) => train.map((r) => TABLE.x[2 * r + j]);
    const stats = [meanSd(col(0)), meanSd(col(1))];
    const y = meanSd(train.map((r) => TABLE.y[r]));
    // Every row (train and test) standardised with the training rows' stats.
    const points = [...feed.dataset.train, ...feed.dataset.test];
    points.forEach((p, i) => {
      const row = order[i];
      stats.forEach(({ mean, sd }, j) =>
        expect(p.inputs![j]).toBeCloseTo((TABLE.x[2 * row + j] - mean) / sd, 4),
      );
      // The points keep the target in its units; the network's labels are standardised.
      expect(p.label).toBe(TABLE.y[row]);
    });
    expect(feed.target.mean).toBeCloseTo(y.mean, 4);
    expect(feed.target.sd).toBeCloseTo(y.sd, 4);
    const trainY = feed.train.y.dataSync();
    train.forEach((r, i) => expect(trainY[i]).toBeCloseTo((TABLE.y[r] - y.mean) / y.sd, 4));
    // Not the whole table's: the training inputs have mean 0 and sd 1, which all six rows do not.
    const trainA = feed.dataset.train.map((p) => p.inputs![0]);
    expect(meanSd(trainA).mean).toBeCloseTo(0, 5);
    expect(meanSd(trainA).sd).toBeCloseTo(1, 5);
    feed.dispose();
  });

  it('leaves inputs and target as they are without standardise, and a class label unscaled', () => {
    const raw = new DataFeed(
      csvSpec((s) => (s.task.standardise = false)),
      TABLE,
    );
    expect(raw.target).toEqual({ mean: 0, sd: 1 });
    expect([...raw.dataset.train, ...raw.dataset.test].map((p) => p.label).sort((a, b) => a - b)).toEqual([
      10, 20, 30, 40, 50, 1000,
    ]);
    raw.dispose();
    const classes = new DataFeed(csvSpec(), {
      ...TABLE,
      y: Float32Array.from([0, 1, 0, 1, 0, 1]),
      classes: ['p', 'q'],
    });
    expect(classes.target).toEqual({ mean: 0, sd: 1 });
    expect(Array.from(classes.train.y.dataSync()).every((v) => v === 0 || v === 1)).toBe(true);
    classes.dispose();
  });
});

describe('a regression on a real-scale target', () => {
  it('learns y = 1000 + 100 sum x (MLP defaults) and reports losses and the heatmap in the target units', async () => {
    const table = realScale(200, 7);
    const spec = csvSpec();
    const feed = new DataFeed(spec, table);
    const session = new MlpSession(spec, { feed });
    const y = meanSd(session.dataset.train.map((p) => p.label));
    await session.train(300);
    const { metrics, heatmap, heatmapRes } = await session.snapshot({ heatmapRes: 20 });
    // Half the variance is the loss of predicting the mean; it learns far below that, in the target's units.
    expect(metrics.trainLoss).toBeLessThan(0.1 * 0.5 * y.sd ** 2);
    expect(metrics.trainLoss).toBeGreaterThan(0);
    // The losses as the training rows' half squared errors in the target's units (against the predictions).
    const rows = session.dataset.train.map((p) => p.inputs!);
    const predicted = await session.predict(rows);
    const { mean, sd } = feed.target;
    const halfSquared =
      session.dataset.train.reduce((s, p, i) => s + 0.5 * (mean + sd * predicted[i][0] - p.label) ** 2, 0) /
      rows.length;
    expect(metrics.trainLoss / halfSquared).toBeCloseTo(1, 3);
    // The heatmap's values in the target's units: around its mean, nowhere near the standardised 0.
    expect(heatmap.length).toBe(heatmapRes ** 2);
    const map = meanSd(Array.from(heatmap));
    expect(Math.abs(map.mean - y.mean)).toBeLessThan(0.5 * y.sd);
    expect(map.sd).toBeGreaterThan(0.1 * y.sd);
    session.dispose();
  }, 60_000);

  it('the wormhole network reports its heatmap and losses in the target units too (snapshot and evaluate)', async () => {
    const table = realScale(60, 3);
    const spec = defaultSpec('wormhole');
    spec.task.kind = 'csv';
    const feed = new DataFeed(spec, table);
    const session = new WormholeSession(spec, { feed });
    await session.train(20);
    const y = meanSd(session.dataset.train.map((p) => p.label));
    const { metrics, heatmap } = await session.snapshot({ heatmapRes: 6 });
    expect((await session.evaluate()).trainLoss).toBeCloseTo(metrics.trainLoss, 3);
    const map = meanSd(Array.from(heatmap));
    expect(heatmap.length).toBe(36);
    expect(Math.abs(map.mean - y.mean)).toBeLessThan(y.sd);
    // The loss as the target's half squared errors: at most of the order of its variance, far above the standardised.
    expect(metrics.trainLoss).toBeGreaterThan(1);
    expect(metrics.trainLoss).toBeLessThan(2 * y.sd ** 2);
    session.dispose();
  }, 60_000);
});
