/** A training session: one model, its data and optimizer, driven by steps (never by wall-clock). */
import * as tf from '@tensorflow/tfjs';
import { validateSpec, type ExperimentSpec } from '../spec';
import { createMlp } from './models/mlp';
import type { Model, WeightMap } from './models/model';
import { createOptimizer } from './optimizer';
import { createRng, deriveSeed, permutation, type Rng } from './rng';
import { gridCoords } from '../spec';
import { featurize, makeDataset, type Dataset, type Point } from './tasks';

export interface Metrics {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
}

export interface SnapshotRequest {
  /** Resolution of the decision-boundary heatmap (res x res points, one batched forward pass); 0 for none. */
  heatmapRes?: number;
  /** Resolution of the per-neuron thumbnails; 0 for none. */
  neuronRes?: number;
}

/** Everything the UI draws for one frame, read from the device in one `await data()`. */
export interface Snapshot {
  step: number;
  metrics: Metrics;
  /** All weights, flattened in `weightLayout` order. */
  weights: Float32Array;
  /** P(label 1) per heatmap cell, row 0 at the top; empty when not requested. */
  heatmap: Float32Array;
  /** Per neuron (layer order), its activation per thumbnail cell; empty when not requested. */
  neuronMaps: Float32Array;
}

export interface Session {
  readonly spec: ExperimentSpec;
  readonly dataset: Dataset;
  readonly step: number;
  readonly layerWidths: number[];
  readonly weightLayout: { name: string; shape: number[] }[];
  train(steps: number): Promise<void>;
  /** Model outputs (logits) for 2-D points [x1, x2]; features are computed as the spec says. */
  predict(points: number[][]): Promise<number[][]>;
  evaluate(): Promise<Metrics>;
  snapshot(request?: SnapshotRequest): Promise<Snapshot>;
  /** Gradient of the training loss on the given points and labels, per named weight. */
  gradients(points: number[][], labels: number[]): Promise<WeightMap>;
  exportWeights(): Promise<WeightMap>;
  /** Sets every named weight (and the step count, when given); refuses missing names or wrong shapes. */
  importWeights(weights: WeightMap, step?: number): void;
  /** Puts back flat weights (as a Snapshot holds them) and the step, and restarts the optimizer. */
  restore(weights: Float32Array, step: number): void;
  dispose(): void;
}

export class SpecError extends Error {}

export async function createSession(specInput: ExperimentSpec): Promise<Session> {
  const { spec, problems } = validateSpec(specInput);
  if (problems.length > 0) throw new SpecError(`Invalid experiment: ${problems.join('; ')}.`);
  await tf.ready();
  return new TrainingSession(spec);
}

const asTensors = (points: Point[], features: ExperimentSpec['task']['features']) => ({
  x: tf.tensor2d(
    featurize(
      points.map((p) => [p.x1, p.x2]),
      features,
    ),
    [points.length, features.length],
  ),
  y: tf.tensor2d(
    points.map((p) => p.label),
    [points.length, 1],
  ),
});

class TrainingSession implements Session {
  readonly dataset: Dataset;
  step = 0;
  private model: Model;
  private optimizer: tf.Optimizer;
  private trainSet: { x: tf.Tensor2D; y: tf.Tensor2D };
  private testSet: { x: tf.Tensor2D; y: tf.Tensor2D };
  private batchRng: Rng;
  private order: Int32Array = new Int32Array(0);
  private cursor = 0;
  private grids = new Map<number, tf.Tensor2D>();

  constructor(readonly spec: ExperimentSpec) {
    this.dataset = makeDataset(spec.task, spec.seed);
    this.trainSet = asTensors(this.dataset.train, spec.task.features);
    this.testSet = asTensors(this.dataset.test, spec.task.features);
    this.model = createMlp(spec, spec.task.features.length, createRng(deriveSeed(spec.seed, 'init')));
    this.optimizer = createOptimizer(spec.training);
    this.batchRng = createRng(deriveSeed(spec.seed, 'batches'));
  }

  get layerWidths() {
    return this.model.layerWidths;
  }

  get weightLayout() {
    return this.model.weights.map((w) => ({ name: w.name, shape: w.variable.shape }));
  }

  /** Next mini-batch: walks a fresh seeded permutation of the training set each epoch. */
  private nextBatch(): Int32Array {
    const n = this.dataset.train.length;
    const size = Math.min(this.spec.training.batchSize, n);
    const batch = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      if (this.cursor >= this.order.length) {
        this.order = permutation(n, this.batchRng);
        this.cursor = 0;
      }
      batch[i] = this.order[this.cursor++];
    }
    return batch;
  }

  async train(steps: number): Promise<void> {
    const vars = this.model.weights.map((w) => w.variable);
    for (let i = 0; i < steps; i++) {
      const batch = this.nextBatch();
      tf.tidy(() => {
        const idx = tf.tensor1d(batch, 'int32');
        const x = tf.gather(this.trainSet.x, idx);
        const y = tf.gather(this.trainSet.y, idx);
        this.optimizer.minimize(() => this.model.loss(x, y), false, vars);
      });
      this.step++;
    }
  }

  async predict(points: number[][]): Promise<number[][]> {
    const features = this.spec.task.features;
    const out = tf.tidy(() =>
      this.model.predict(tf.tensor2d(featurize(points, features), [points.length, features.length])),
    );
    const values = await out.data();
    out.dispose();
    return points.map((_, i) => [values[i]]);
  }

  /** [trainLoss, testLoss, trainAccuracy, testAccuracy] as a tensor of 4. */
  private metricsTensor(): tf.Tensor1D {
    const of = (set: { x: tf.Tensor2D; y: tf.Tensor2D }) => {
      const logits = this.model.predict(set.x);
      const loss = tf.losses.sigmoidCrossEntropy(set.y, logits);
      const correct = tf.equal(tf.cast(tf.greater(logits, 0), 'float32'), set.y);
      return [loss, tf.mean(tf.cast(correct, 'float32'))];
    };
    const [trainLoss, trainAcc] = of(this.trainSet);
    const [testLoss, testAcc] = of(this.testSet);
    return tf.stack([trainLoss, testLoss, trainAcc, testAcc]) as tf.Tensor1D;
  }

  async evaluate(): Promise<Metrics> {
    return (await this.snapshot()).metrics;
  }

  private grid(res: number): tf.Tensor2D {
    let g = this.grids.get(res);
    if (!g) {
      const features = this.spec.task.features;
      // Created inside a tidy on first use: keep it for later frames.
      g = tf.keep(tf.tensor2d(featurize(gridCoords(res), features), [res * res, features.length]));
      this.grids.set(res, g);
    }
    return g;
  }

  async snapshot({ heatmapRes = 0, neuronRes = 0 }: SnapshotRequest = {}): Promise<Snapshot> {
    const parts = tf.tidy(() => {
      const pieces: tf.Tensor1D[] = [this.metricsTensor()];
      pieces.push(...this.model.weights.map((w) => tf.reshape(w.variable, [-1]) as tf.Tensor1D));
      if (heatmapRes > 0)
        pieces.push(tf.reshape(tf.sigmoid(this.model.predict(this.grid(heatmapRes))), [-1]));
      if (neuronRes > 0) {
        const acts = this.model.activations(this.grid(neuronRes));
        pieces.push(...acts.map((a) => tf.reshape(tf.transpose(a), [-1]) as tf.Tensor1D));
      }
      return tf.concat(pieces);
    });
    const all = (await parts.data()) as Float32Array;
    parts.dispose();
    const numWeights = this.model.weights.reduce((n, w) => n + w.variable.size, 0);
    const heatmapSize = heatmapRes * heatmapRes;
    const [trainLoss, testLoss, trainAccuracy, testAccuracy] = all.subarray(0, 4);
    return {
      step: this.step,
      metrics: { trainLoss, testLoss, trainAccuracy, testAccuracy },
      weights: all.slice(4, 4 + numWeights),
      heatmap: all.slice(4 + numWeights, 4 + numWeights + heatmapSize),
      neuronMaps: all.slice(4 + numWeights + heatmapSize),
    };
  }

  async gradients(points: number[][], labels: number[]): Promise<WeightMap> {
    const features = this.spec.task.features;
    const { grads } = tf.tidy(() => {
      const x = tf.tensor2d(featurize(points, features), [points.length, features.length]);
      const y = tf.tensor2d(labels, [labels.length, 1]);
      return tf.variableGrads(
        () => this.model.loss(x, y),
        this.model.weights.map((w) => w.variable),
      );
    });
    const out: WeightMap = {};
    for (const { name, variable } of this.model.weights) {
      const g = grads[variable.name];
      out[name] = { shape: g.shape, values: Array.from(await g.data()) };
    }
    tf.dispose(grads);
    return out;
  }

  async exportWeights(): Promise<WeightMap> {
    const out: WeightMap = {};
    for (const { name, variable } of this.model.weights) {
      out[name] = { shape: variable.shape, values: Array.from(await variable.data()) };
    }
    return out;
  }

  importWeights(weights: WeightMap, step?: number): void {
    for (const { name, variable } of this.model.weights) {
      const w = weights[name];
      const expected = variable.shape.join('x');
      if (!w || w.shape.join('x') !== expected || w.values.length !== variable.size)
        throw new SpecError(`weight ${name} must have shape [${variable.shape.join(', ')}]`);
      if (!w.values.every(Number.isFinite))
        throw new SpecError(`weight ${name} has a value that is not finite`);
    }
    for (const { name, variable } of this.model.weights) {
      tf.tidy(() => variable.assign(tf.tensor(weights[name].values, variable.shape)));
    }
    if (step !== undefined) this.step = Math.max(0, Math.floor(step));
  }

  restore(weights: Float32Array, step: number): void {
    let offset = 0;
    for (const { variable } of this.model.weights) {
      const values = weights.subarray(offset, offset + variable.size);
      tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
      offset += variable.size;
    }
    this.step = step;
    this.optimizer.dispose();
    this.optimizer = createOptimizer(this.spec.training);
  }

  dispose(): void {
    tf.dispose([this.trainSet.x, this.trainSet.y, this.testSet.x, this.testSet.y, ...this.grids.values()]);
    tf.dispose(this.model.weights.map((w) => w.variable));
    this.optimizer.dispose();
  }
}
