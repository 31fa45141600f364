/**
 * A plain scalar JavaScript reference (no tfjs): the default network trained the way the TensorFlow Playground
 * trains it (playground/src/nn.ts and playground.ts): per-sample forward and backward passes, the gradient
 * accumulated and applied (averaged) every batchSize samples, one epoch over the training set per animation
 * frame. As in the Playground: tanh hidden and output units, square loss 0.5 (o - y)^2 on labels -1/+1, weights
 * uniform in [-0.5, 0.5), biases 0.1. Flat Float64Arrays instead of the Playground's node and link objects, so
 * this is an upper bound on the Playground's own arithmetic speed.
 */
import { makeDataset } from '../src/engine';
import { boundary, createScalarMlp, evaluate, trainEpoch, type Data } from './scalarMlp';
import { defaultSpec } from '../src/experiment';
import type { Throughput } from './report';

export function toData(points: { x1: number; x2: number; label: number }[]): Data {
  return {
    x: Float64Array.from(points.flatMap((p) => [p.x1, p.x2])),
    y: Float64Array.from(points, (p) => (p.label === 1 ? 1 : -1)),
  };
}

/** Repeats `work` for at least `ms` after a short warm-up; returns calls per second. */
function rate(work: () => void, ms: number): number {
  for (let i = 0; i < 20; i++) work();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    work();
    calls++;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}

export function runReference(batchSizes: number[], ms = 1500): Throughput[] {
  const spec = defaultSpec('mlp');
  const { train, test } = makeDataset(spec.task, spec.seed);
  const trainData = toData(train);
  const testData = toData(test);
  const sizes = [2, ...spec.mlp.hiddenLayers, 1];
  const lr = spec.training.learningRate;
  const n = trainData.y.length;
  const rows: Throughput[] = [];
  for (const batch of batchSizes) {
    // Sanity: the reference really learns the task (Playground's own settings).
    const check = createScalarMlp(sizes, 1);
    for (let e = 0; e < 300; e++) trainEpoch(check, trainData, batch, lr);
    const { accuracy } = evaluate(check, testData);
    const net = createScalarMlp(sizes, 1);
    const epochs = rate(() => trainEpoch(net, trainData, batch, lr), ms);
    rows.push({
      name: 'scalar JS, training only (uncapped)',
      batchSize: batch,
      stepsPerSecond: (epochs * n) / batch,
      trainPoints: n,
      note: `test accuracy ${(accuracy * 100).toFixed(0)}% after 300 epochs`,
    });
  }
  // One full Playground frame: an epoch, train and test loss, and the 100x100 boundary of every unit.
  const batch = spec.training.batchSize;
  const net = createScalarMlp(sizes, 1);
  const grid = new Float64Array(100 * 100 * sizes.slice(1).reduce((s, v) => s + v, 0));
  const frames = rate(() => {
    trainEpoch(net, trainData, batch, lr);
    evaluate(net, trainData);
    evaluate(net, testData);
    boundary(net, 100, grid);
  }, ms);
  rows.push({
    name: 'scalar JS, epoch + per-frame work (losses, 100x100 boundary; no drawing), uncapped',
    batchSize: batch,
    stepsPerSecond: (frames * n) / batch,
    trainPoints: n,
    note: `${frames.toFixed(0)} frames/s of compute alone`,
  });
  rows.push({
    name: 'TF Playground as shipped: one epoch per animation frame at 60 fps',
    batchSize: batch,
    stepsPerSecond: (60 * n) / batch,
    trainPoints: n,
    note: 'the cap the budget is measured against',
  });
  return rows;
}
