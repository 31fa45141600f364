/** What the gradient-trained sessions (MLP/DIAN and Wormhole) share: data, optimizer, named weights, step. */
import * as tf from '@tensorflow/tfjs';
import type { ExperimentSpec, WeightMap } from '../spec';
import { DataFeed } from './dataFeed';
import type { LiveEvent } from './liveSession';
import type { NamedWeight } from './models/model';
import { assignFlat, exportNamed, importNamed } from './models/namedWeights';
import { createOptimizer } from './optimizer';
import { SpecError } from './specError';
import type { Dataset } from './tasks';

export abstract class GradientSession {
  readonly dataset: Dataset;
  step = 0;
  protected feed: DataFeed;
  protected optimizer: tf.Optimizer;

  constructor(readonly spec: ExperimentSpec) {
    this.feed = new DataFeed(spec);
    this.dataset = this.feed.dataset;
    this.optimizer = createOptimizer(spec.training);
  }

  /** The model's weights, in the order of DESIGN.md section 4. */
  protected abstract get named(): NamedWeight[];

  get weightLayout() {
    return this.named.map((w) => ({ name: w.name, shape: w.variable.shape }));
  }

  async exportWeights(): Promise<WeightMap> {
    return exportNamed(this.named);
  }

  importWeights(weights: WeightMap, step?: number): void {
    importNamed(this.named, weights);
    if (step !== undefined) this.step = Math.max(0, Math.floor(step));
  }

  /** Puts back flat weights and the step, and restarts the optimizer (its state may hold NaN). */
  restore(weights: Float32Array, step: number): void {
    assignFlat(this.named, weights);
    this.step = step;
    this.optimizer.dispose();
    this.optimizer = createOptimizer(this.spec.training);
  }

  async propagate(): Promise<number[]> {
    throw new SpecError('propagate is for the Dynamic-Live network; use train(steps) or predict(points)');
  }

  async reinforce(): Promise<LiveEvent[]> {
    throw new SpecError('reinforce is for the Dynamic-Live network; this model learns from gradients');
  }

  dispose(): void {
    this.feed.dispose();
    tf.dispose(this.named.map((w) => w.variable));
    this.optimizer.dispose();
  }
}
