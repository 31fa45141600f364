/** What the gradient-trained sessions (MLP, DIAN, Wormhole) share: data, optimizer, named weights, step. */
import * as tf from '@tensorflow/tfjs-core';
import { inputNames, type ExperimentSpec, type WeightMap } from '../../experiment';
import type { EngineEvent, WeightShape } from '../../protocol';
import { DataFeed } from './dataFeed';
import type { NamedWeight } from './model';
import { assignFlat, exportNamed, gradientMap, importNamed } from './namedWeights';
import { createOptimizer, disposeOptimizer } from './optimizer';
import { MAP_INTERVAL_MS } from './session';
import type { Dataset } from './tasks';

export abstract class GradientSession {
  readonly dataset: Dataset;
  readonly mapIntervalMs: number = MAP_INTERVAL_MS;
  readonly alwaysHasLoss = true;
  step = 0;
  protected feed: DataFeed;
  protected optimizer: tf.Optimizer;

  constructor(readonly spec: ExperimentSpec) {
    this.feed = new DataFeed(spec);
    this.dataset = this.feed.dataset;
    this.optimizer = createOptimizer(spec.training);
  }

  /** The model's weights, in the order of docs/DESIGN.md section 4. */
  protected abstract get named(): NamedWeight[];

  get inputNames(): string[] {
    return inputNames(this.spec.task);
  }

  get weightLayout(): WeightShape[] {
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
    disposeOptimizer(this.optimizer);
    this.optimizer = createOptimizer(this.spec.training);
  }

  /** Gradient-trained sessions report nothing between frames unless they say otherwise. */
  takeEvents(): EngineEvent[] {
    return [];
  }

  /** Gradients (tfjs variable name -> tensor) as a WeightMap by weight name; disposes the tensors. */
  protected async toWeightMap(grads: tf.NamedTensorMap): Promise<WeightMap> {
    const out = await gradientMap(this.named, grads);
    tf.dispose(Object.values(grads));
    return out;
  }

  dispose(): void {
    this.feed.dispose();
    tf.dispose(this.named.map((w) => w.variable));
    disposeOptimizer(this.optimizer);
  }
}
