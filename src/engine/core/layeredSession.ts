/**
 * What the layered feed-forward sessions (MLP and DIAN) share: mini-batch training with the model's loss,
 * predictions, gradients, and a frame read from the device in one `await data()`. A subclass says when the
 * DIAN's gate takes part and adds its own numbers to the frame.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightMap } from '../../experiment';
import type { ArchFrame, Metrics, Snapshot } from '../../protocol';
import type { UpdateOptions } from './fused';
import { fusedBackend } from './fusedKernel';
import { FusedTrainer } from './fusedTrainer';
import { GradientSession } from './gradientSession';
import type { Model } from './model';
import type { SessionOptions, SnapshotRequest } from './session';
import { hardwareAdapter } from './webgpu/adapter';
import type { WgslShaders } from './webgpu/shader';
import type { WgslKernelNames } from './webgpu/wgslKernel';
import { WgslTrainer } from './webgpu/wgslTrainer';

/** A labelled set as tensors. */
export interface TensorSet {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
}

/** An architecture's fused kernels: typed arrays on cpu and wasm, WGSL on webgpu. */
export interface FusedKernels<O> {
  typedArray: string;
  wgsl: WgslKernelNames & { shaders: WgslShaders<O> };
}

/** How a layered session trains: tfjs autodiff, the typed-array kernel (cpu, wasm), or the WGSL kernel (webgpu). */
export type TrainingPath = 'autodiff' | 'fused' | 'wgsl';

export abstract class LayeredSession<
  F extends ArchFrame,
  O extends UpdateOptions = UpdateOptions,
> extends GradientSession {
  protected abstract readonly model: Model;
  /** The fused kernel that trains this session on cpu or wasm (set by the architecture's constructor). */
  protected fused?: FusedTrainer<O>;
  /** The WGSL kernel that trains it on webgpu. */
  protected wgsl?: WgslTrainer<O>;

  /** The architecture's kernel options for the spec as it is (shapes, activation, optimizer, rates). */
  protected abstract fusedOptions(): O;

  /**
   * Trains with the architecture's fused kernel where it runs and pays, unless told not to: the typed-array
   * kernel on cpu and wasm; the WGSL kernel on webgpu when the adapter is a hardware one (on the software
   * adapter it only with `fused: 'always'`, for tests and the bench) and its buffers fit the device.
   */
  protected useFusedKernel(kernels: FusedKernels<O>, options: SessionOptions): void {
    const { fused = true } = options;
    const backend = tf.getBackend();
    if (fused === false) return;
    if (fusedBackend(backend)) {
      this.fused = new FusedTrainer(kernels.typedArray, this.spec.training, this.model.weights);
    } else if (backend === 'webgpu' && (fused === 'always' || hardwareAdapter())) {
      const batchSize = Math.min(this.spec.training.batchSize, this.dataset.train.length);
      if (WgslTrainer.fits(kernels.wgsl.shaders, this.fusedOptions(), batchSize))
        this.wgsl = new WgslTrainer(
          kernels.wgsl,
          this.spec.training,
          this.model.weights,
          options.workgroupBytes,
        );
    }
  }

  /** How training runs now (autodiff again after the backend changed to one the kernel does not run on). */
  get trainingPath(): TrainingPath {
    const backend = tf.getBackend();
    if (this.fused && fusedBackend(backend)) return 'fused';
    if (this.wgsl && backend === 'webgpu') return 'wgsl';
    return 'autodiff';
  }

  /** Whether training runs a fused kernel, typed-array or WGSL. */
  get isFused(): boolean {
    return this.trainingPath !== 'autodiff';
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

  restore(weights: Float32Array, step: number): void {
    super.restore(weights, step);
    this.fused?.disposeState();
    this.wgsl?.disposeState();
  }

  dispose(): void {
    super.dispose();
    this.fused?.disposeState();
    this.wgsl?.disposeState();
  }

  protected get named() {
    return this.model.weights;
  }

  get layerWidths() {
    return this.model.layerWidths;
  }

  /** Does the gate take part in training step `stepNumber`? (Models without a gate: never.) */
  protected trainingGate(_stepNumber: number): boolean {
    return false;
  }

  /** The gate used when not training (heatmap, metrics, predictions). */
  protected evalGate(): boolean {
    return false;
  }

  /** Called after each training step with the batch's inputs, inside a tidy. */
  protected afterStep(_stepNumber: number, _x: tf.Tensor2D, _gate: boolean): void {}

  /** Tensors this architecture adds to a frame (inside a tidy), and the frame payload made from their values. */
  protected abstract archPieces(heatmapRes: number): {
    tensors: tf.Tensor[];
    frame: (values: Float32Array[]) => F;
  };

  async train(steps: number): Promise<void> {
    const vars = this.model.weights.map((w) => w.variable);
    for (let i = 0; i < steps; i++) {
      // Training steps are numbered from 1: the counter shows the number of the step just taken.
      const stepNumber = this.step + 1;
      const gate = this.trainingGate(stepNumber);
      const batch = this.feed.nextBatch();
      tf.tidy(() => {
        const { x, y } = this.feed.gather(batch);
        this.optimizer.minimize(() => this.model.loss(x, y, gate), false, vars);
        this.afterStep(stepNumber, x, gate);
      });
      this.step = stepNumber;
    }
  }

  protected async predictWith(points: number[][], gate: boolean): Promise<number[][]> {
    const out = tf.tidy(() => this.model.predict(this.feed.features(points), gate));
    const values = await out.data();
    const width = out.shape[1];
    out.dispose();
    return points.map((_, i) => Array.from(values.subarray(i * width, (i + 1) * width)));
  }

  protected async gradientsWith(points: number[][], labels: number[], gate: boolean): Promise<WeightMap> {
    const vars = this.model.weights.map((w) => w.variable);
    const { grads } = tf.tidy(() => {
      const x = this.feed.features(points);
      const y = tf.tensor2d(labels, [labels.length, 1]);
      return tf.variableGrads(() => this.model.loss(x, y, gate), vars);
    });
    // A weight outside the graph (DIAN's extra path on an inactive iteration) has gradient zero.
    return this.toWeightMap(grads);
  }

  /** [loss, accuracy] of a labelled set with the gate as given. */
  protected setMetrics(set: TensorSet, gate: boolean): [tf.Scalar, tf.Scalar] {
    const logits = this.model.predict(set.x, gate);
    const loss = tf.losses.sigmoidCrossEntropy(set.y, logits) as tf.Scalar;
    const correct = tf.equal(tf.cast(tf.greater(logits, 0), 'float32'), set.y);
    return [loss, tf.mean(tf.cast(correct, 'float32'))];
  }

  /** P(blue) over a res x res grid of the plane: the WGSL kernel's forward pass on its path, else tfjs's. */
  protected heatmap(res: number, gate: boolean): tf.Tensor {
    const grid = this.feed.grid(res);
    if (this.trainingPath === 'wgsl') return this.wgsl!.heatmap(grid, this.fusedOptions(), gate);
    const logits = this.model.predict(grid, gate);
    return tf.sigmoid(tf.slice(logits, [0, 0], [-1, 1]));
  }

  async evaluate(): Promise<Metrics> {
    return (await this.snapshot()).metrics;
  }

  async snapshot(request: SnapshotRequest = {}): Promise<Snapshot & { arch: F }> {
    // Maps over the input plane only exist for 2-D tasks.
    const { heatmapRes = 0, neuronRes = 0 } = this.feed.isPlane ? request : {};
    const gate = this.evalGate();
    let archFrame: ((values: Float32Array[]) => F) | undefined;
    const sizes: number[] = [];
    const all = tf.tidy(() => {
      const [trainLoss, trainAcc] = this.setMetrics(this.feed.train, gate);
      const [testLoss, testAcc] = this.setMetrics(this.feed.test, gate);
      const pieces: tf.Tensor[] = [tf.stack([trainLoss, testLoss, trainAcc, testAcc])];
      pieces.push(...this.model.weights.map((w) => w.variable));
      if (heatmapRes > 0) pieces.push(this.heatmap(heatmapRes, gate));
      if (neuronRes > 0)
        pieces.push(...this.model.activations(this.feed.grid(neuronRes), gate).map((a) => tf.transpose(a)));
      const arch = this.archPieces(heatmapRes);
      archFrame = arch.frame;
      pieces.push(...arch.tensors);
      sizes.push(...pieces.map((p) => p.size));
      return tf.concat(pieces.map((p) => tf.reshape(p, [-1])));
    });
    const values = (await all.data()) as Float32Array;
    all.dispose();
    // Cut the one read back into its parts, in the order they were packed.
    const parts: Float32Array[] = [];
    let offset = 0;
    for (const size of sizes) parts.push(values.slice(offset, (offset += size)));
    const [m, ...rest] = parts;
    const weights = concat(rest.splice(0, this.model.weights.length));
    const heatmap = heatmapRes > 0 ? rest.shift()! : new Float32Array(0);
    const neuronMaps =
      neuronRes > 0 ? concat(rest.splice(0, this.model.layerWidths.length)) : new Float32Array(0);
    return {
      step: this.step,
      metrics: { trainLoss: m[0], testLoss: m[1], trainAccuracy: m[2], testAccuracy: m[3] },
      weights,
      heatmap,
      heatmapRes,
      neuronMaps,
      neuronRes,
      arch: archFrame!(rest),
    };
  }
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
