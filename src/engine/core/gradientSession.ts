/**
 * What the gradient-trained sessions (MLP, DIAN, Wormhole) share: data, optimizer, named weights, step, and the
 * fused kernel that trains them on the backends it runs on (O: the options the architecture's kernel takes).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  type ExperimentSpec,
  type OutputHead,
  type TrainingState,
  type WeightMap,
} from '../../experiment';
import type { EngineEvent, WeightShape } from '../../protocol';
import { DataFeed } from './dataFeed';
import type { UpdateOptions } from './fused';
import { fusedBackend } from './fusedKernel';
import { FusedTrainer } from './fusedTrainer';
import type { NamedWeight } from './model';
import { assignFlat, exportNamed, gradientMap, importNamed } from './namedWeights';
import { createOptimizer, disposeOptimizer } from './optimizer';
import { optimizerFrom, optimizerPart, readTfjsOptimizer, tfjsOptimizerFrom } from './optimizerState';
import type { SessionOptions } from './session';
import type { Dataset } from './tasks';

export abstract class GradientSession<O = unknown> {
  readonly dataset: Dataset;
  readonly alwaysHasLoss = true;
  step = 0;
  protected feed: DataFeed;
  protected optimizer: tf.Optimizer;
  /** The fused kernel that trains this session, where it runs (set by the architecture's constructor). */
  protected fused?: FusedTrainer<O>;

  constructor(
    readonly spec: ExperimentSpec,
    options: SessionOptions = {},
  ) {
    this.feed = options.feed ?? new DataFeed(spec, options.userData);
    this.dataset = this.feed.dataset;
    this.optimizer = createOptimizer(spec.training);
  }

  /** What the network outputs and how it is scored: the data's. */
  get head(): OutputHead {
    return this.feed.head;
  }

  /** The model's weights, in the order of docs/DESIGN.md section 4. */
  protected abstract get named(): NamedWeight[];

  /** Trains with the architecture's fused kernel on the backends it runs on, unless told not to. */
  protected useFusedKernel(kernelName: string, { fused = true }: SessionOptions): void {
    if (fused && fusedBackend(tf.getBackend()))
      this.fused = new FusedTrainer(kernelName, this.spec.training, this.named);
  }

  /** Whether training runs a fused kernel (not after the backend changed to one it does not run on). */
  get isFused(): boolean {
    return this.fused !== undefined && fusedBackend(tf.getBackend());
  }

  /** The optimizer and regularisation as the fused arithmetic takes them. */
  protected updateOptions(): UpdateOptions {
    const { optimizer, learningRate, regularization, regularizationRate } = this.spec.training;
    return { optimizer, learningRate, regularization, regularizationRate, epsilon: tf.backend().epsilon() };
  }

  /** The next `steps` mini-batches, one after another. */
  protected nextBatches(steps: number): { batches: Int32Array; batchSize: number } {
    const batchSize = Math.min(this.spec.training.batchSize, this.dataset.train.length);
    const batches = new Int32Array(steps * batchSize);
    for (let i = 0; i < steps; i++) batches.set(this.feed.nextBatch(), i * batchSize);
    return { batches, batchSize };
  }

  get inputNames(): string[] {
    return this.feed.inputNames;
  }

  /** The data's output head, classes and plane (the layout's). */
  get data(): Pick<DataFeed, 'head' | 'classes' | 'planeAxes' | 'images'> {
    return this.feed;
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

  /** The optimizer's state (of the path that trains: fused or tfjs's optimizer) and the batch order. */
  async exportTrainingState(): Promise<TrainingState | undefined> {
    const kind = this.spec.training.optimizer;
    const state =
      this.fused && this.isFused
        ? await this.fused.readState()
        : await readTfjsOptimizer(this.optimizer, kind, this.named);
    return { ...optimizerPart(kind, this.named, state), batches: this.feed.exportOrder() };
  }

  /**
   * Goes on from an exported state (after its weights were imported): the next steps are the ones the exporting
   * session would have taken. Refuses, changing nothing, a state for another optimizer, network or data set.
   */
  async importTrainingState(saved: TrainingState): Promise<void> {
    const state = optimizerFrom(this.spec.training.optimizer, this.named, saved);
    // Checks the order before it changes anything; nothing below refuses.
    this.feed.importOrder(saved.batches);
    if (this.fused && this.isFused) return this.fused.writeState(state);
    const optimizer = await tfjsOptimizerFrom(this.spec.training, this.named, state);
    disposeOptimizer(this.optimizer);
    this.optimizer = optimizer;
  }

  /** Puts back flat weights and the step, and restarts the optimizer (its state may hold NaN). */
  restore(weights: Float32Array, step: number): void {
    assignFlat(this.named, weights);
    this.step = step;
    disposeOptimizer(this.optimizer);
    this.optimizer = createOptimizer(this.spec.training);
    this.fused?.disposeState();
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
    this.fused?.disposeState();
  }
}
