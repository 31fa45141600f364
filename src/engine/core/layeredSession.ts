/**
 * What the layered feed-forward sessions (MLP and DIAN) share: mini-batch training with the model's loss,
 * predictions, gradients, and a frame read from the device in one `await data()` (by the architecture's fused
 * frame kernel on cpu and wasm, else by tfjs ops). A subclass says when the DIAN's gate takes part and adds its
 * own numbers to the frame.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OutputHead, TrainingState, WeightMap } from '../../experiment';
import type { ArchFrame, Metrics, Snapshot } from '../../protocol';
import type { UpdateOptions } from './fused';
import { headMapOp, headMetricOps, headPredicted } from './headOps';
import { classCount } from './outputHead';
import { frameKernelRuns, runFusedFrame } from './fusedFrame';
import {
  bandOf,
  gridBands,
  joinLaterBands,
  MAP_BAND_ROWS,
  noRows,
  sizesIn,
  type Band,
  type FusedSize,
} from './mapBands';
import { fusedBackend } from './fusedKernel';
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

/**
 * The kernel a layered session trains with: the typed-array kernel on cpu and wasm (any head); the WGSL kernel on
 * webgpu when the adapter is a hardware one (on the software adapter only with `fused: 'always'`, for tests and
 * the bench) and the head is binary: the WGSL kernels are written for one logit, so K classes and regression train
 * by tfjs autodiff there. (The session still checks that the WGSL kernel's buffers fit the device.)
 */
export function kernelFor(
  backend: string,
  head: OutputHead,
  fused: boolean | 'always',
  hardware: boolean,
): TrainingPath {
  if (fused === false) return 'autodiff';
  if (fusedBackend(backend)) return 'fused';
  const wgsl = backend === 'webgpu' && head.kind === 'binary' && (fused === 'always' || hardware);
  return wgsl ? 'wgsl' : 'autodiff';
}

export abstract class LayeredSession<
  F extends ArchFrame,
  O extends UpdateOptions = UpdateOptions,
> extends GradientSession<O> {
  protected abstract readonly model: Model;
  /** Rows of the heatmap's grid per frame kernel call (mapBands.ts); tests make it small to see the bands joined. */
  mapBandRows = MAP_BAND_ROWS;
  /** The WGSL kernel that trains it on webgpu. */
  protected wgsl?: WgslTrainer<O>;

  /** The architecture's kernel options for the spec as it is (shapes, activation, optimizer, rates). */
  protected abstract fusedOptions(): O;

  /** Trains with the architecture's fused kernel where it runs and pays, unless told not to (`kernelFor`). */
  protected useKernels(kernels: FusedKernels<O>, options: SessionOptions): void {
    const { fused = true } = options;
    const backend = tf.getBackend();
    const path = kernelFor(backend, this.head, fused, backend === 'webgpu' && hardwareAdapter());
    if (path === 'fused') this.useFusedKernel(kernels.typedArray, options);
    else if (path === 'wgsl') {
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

  restore(weights: Float32Array, step: number): void {
    super.restore(weights, step);
    this.wgsl?.disposeState();
  }

  /**
   * The WGSL kernel keeps its optimizer's state on the GPU, where exporting and importing it is not built (and no
   * hardware adapter was at hand to test it): on that path nothing is carried, and an imported state is refused
   * (the weights still load; training goes on with a fresh optimizer), rather than carrying tfjs's unused one.
   */
  async exportTrainingState(): Promise<TrainingState | undefined> {
    return this.trainingPath === 'wgsl' ? undefined : super.exportTrainingState();
  }

  async importTrainingState(saved: TrainingState): Promise<void> {
    if (this.trainingPath === 'wgsl')
      throw new Error('the WebGPU kernels do not take a saved optimizer state yet');
    return super.importTrainingState(saved);
  }

  dispose(): void {
    super.dispose();
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

  /**
   * Tensors this architecture adds to a frame (inside a tidy), and the frame payload made from their values. With
   * `fused`, the frame kernel has computed the leading values already (`fusedSizes` long, the kernel's extras) and
   * `tensors` are only the rest.
   */
  protected abstract archPieces(
    heatmapRes: number,
    fused: boolean,
    neuronRes: number,
  ): {
    tensors: tf.Tensor[];
    fusedSizes?: FusedSize[];
    frame: (values: Float32Array[]) => F;
  };

  /** This architecture's fused frame kernel and its options, if it has one. */
  protected frameKernel(): { name: string; options: unknown } | undefined {
    return undefined;
  }

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

  /** [loss, accuracy] of a labelled set with the gate as given (headOps.ts), and its confusion matrix. */
  protected setMetrics(set: TensorSet, gate: boolean): [tf.Scalar, tf.Scalar, tf.Tensor1D] {
    const { loss, accuracy, confusion } = headMetricOps(this.head, this.model.predict(set.x, gate), set.y);
    return [loss, accuracy, confusion];
  }

  /**
   * The head's map over a res x res grid of the plane (binary: P(class 1); classes: K probabilities per cell;
   * regression: the value): the WGSL kernel's forward pass on its path (binary only), else tfjs's.
   */
  protected heatmap(res: number, gate: boolean): tf.Tensor {
    const grid = this.feed.grid(res);
    if (this.trainingPath === 'wgsl') return this.wgsl!.heatmap(grid, this.fusedOptions(), gate);
    return headMapOp(this.head, this.model.predict(grid, gate));
  }

  async evaluate(): Promise<Metrics> {
    return (await this.snapshot()).metrics;
  }

  async snapshot(request: SnapshotRequest = {}): Promise<Snapshot & { arch: F }> {
    // Maps over the input plane only exist for 2-D tasks.
    const { heatmapRes = 0, neuronRes = 0 } = this.feed.isPlane ? request : {};
    const gate = this.evalGate();
    // The step these numbers are of, read now: on the WGSL kernels the next tick trains while this frame reads
    // back (src/worker/framePipeline.ts), and read after the read-back it named the later step (0 -> 2 on Play).
    const step = this.step;
    // The fused frame runs where the session trains fused and the kernel is registered; else the op path.
    const kernel = this.fused ? this.frameKernel() : undefined;
    const fused = kernel !== undefined && frameKernelRuns(kernel.name);
    let archFrame: ((values: Float32Array[]) => F) | undefined;
    let fusedSizes: FusedSize[] | undefined;
    const classes = classCount(this.head);
    const sizes = [4 + classes ** 2, ...this.model.weights.map((w) => w.variable.size)];
    const mapUnits = this.head.kind === 'classes' ? this.head.k : 1;
    // The fused kernel takes the heatmap's grid in bands (mapBands.ts); the first comes with the frame.
    const bands = fused && heatmapRes > 0 ? gridBands(heatmapRes ** 2, this.mapBandRows) : undefined;
    const firstRows = bands ? bands[0][1] : heatmapRes ** 2;
    if (heatmapRes > 0) sizes.push(firstRows * mapUnits, classes > 0 ? this.feed.test.y.shape[0] : 0);
    if (neuronRes > 0) sizes.push(...this.model.layerWidths.map((w) => w * neuronRes ** 2));
    // The weights as the first band reads them, for the later bands: training between two bands (not in the runner,
    // whose messages wait for the frame, but a caller could) would tear the map.
    const frozen =
      bands && bands.length > 1 ? this.model.weights.map((w) => tf.clone(w.variable)) : undefined;
    const all = tf.tidy(() => {
      const arch = this.archPieces(heatmapRes, fused, neuronRes);
      archFrame = arch.frame;
      fusedSizes = arch.fusedSizes;
      const pieces = fused
        ? [this.fusedFrame(kernel!, gate, neuronRes, bands && { res: heatmapRes, band: bands[0] })]
        : this.framePieces(gate, heatmapRes, neuronRes);
      sizes.push(...(fused ? sizesIn(fusedSizes, firstRows) : []), ...arch.tensors.map((t) => t.size));
      const packed = [...pieces, ...arch.tensors];
      // The frame kernel's one tensor is the frame when the architecture adds nothing else.
      return packed.length === 1 && fused ? packed[0] : tf.concat(packed.map((p) => tf.reshape(p, [-1])));
    });
    const values = (await all.data()) as Float32Array;
    all.dispose();
    if (values.length !== sizes.reduce((a, b) => a + b, 0)) throw new Error('A frame of the wrong size.');
    // Cut the one read back into its parts, in the order they were packed.
    const parts: Float32Array[] = [];
    let offset = 0;
    for (const size of sizes) parts.push(values.slice(offset, (offset += size)));
    const [m, ...rest] = parts;
    const weights = concat(rest.splice(0, this.model.weights.length));
    const heat = heatmapRes > 0 ? [rest.shift()!] : [];
    const predicted = heatmapRes > 0 ? rest.shift()! : undefined;
    const testPredicted = classes > 0 ? predicted : undefined;
    const neuronMaps =
      neuronRes > 0 ? concat(rest.splice(0, this.model.layerWidths.length)) : new Float32Array(0);
    if (bands && bands.length > 1) {
      // rest now starts with the kernel's extras; the later bands add to the heatmap and the extras over the grid.
      const extras = rest.slice(0, fusedSizes?.length ?? 0).map((part) => [part]);
      const lead = m.length + weights.length;
      const layout = { lead, unitsPerRow: mapUnits, sizes: fusedSizes };
      const band = (b: Band) => this.fusedBand(kernel!, gate, { res: heatmapRes, band: b }, frozen!);
      await joinLaterBands(bands.slice(1), band, layout, heat, extras).finally(() => tf.dispose(frozen!));
      extras.forEach((parts, k) => (rest[k] = concat(parts)));
    }
    const heatmap = concat(heat);
    // A standardised numeric target: the heatmap and the losses back in the target's units (dataFeed.ts).
    return this.feed.inTargetUnits({
      step,
      metrics: {
        trainLoss: m[0],
        testLoss: m[1],
        trainAccuracy: m[2],
        testAccuracy: m[3],
        ...(classes > 0 ? { confusion: Array.from(m.subarray(4)) } : {}),
      },
      weights,
      heatmap,
      ...(testPredicted ? { testPredicted } : {}),
      heatmapRes,
      neuronMaps,
      neuronRes,
      arch: archFrame!(rest),
    });
  }

  /** The frame by tfjs ops (the oracle): metrics, weights, heatmap, neuron maps, as the fused kernel packs them. */
  private framePieces(gate: boolean, heatmapRes: number, neuronRes: number): tf.Tensor[] {
    const [trainLoss, trainAcc] = this.setMetrics(this.feed.train, gate);
    const [testLoss, testAcc, confusion] = this.setMetrics(this.feed.test, gate);
    const pieces: tf.Tensor[] = [tf.stack([trainLoss, testLoss, trainAcc, testAcc]), confusion];
    pieces.push(...this.model.weights.map((w) => w.variable));
    if (heatmapRes > 0) pieces.push(this.heatmap(heatmapRes, gate), this.testPredicted(gate));
    if (neuronRes > 0)
      pieces.push(...this.model.activations(this.feed.grid(neuronRes), gate).map((a) => tf.transpose(a)));
    return pieces;
  }

  /** Each test row's predicted class (none for regression), as float32. */
  private testPredicted(gate: boolean): tf.Tensor {
    if (classCount(this.head) === 0) return tf.zeros([0]);
    return tf.cast(headPredicted(this.head, this.model.predict(this.feed.test.x, gate)), 'float32');
  }

  /** The same by the architecture's frame kernel, as one tensor (with the heatmap's first band, if any). */
  private fusedFrame(
    kernel: { name: string; options: unknown },
    gate: boolean,
    neuronRes: number,
    heat: { res: number; band: Band } | undefined,
  ): tf.Tensor {
    return runFusedFrame(
      kernel.name,
      {
        train: this.feed.train,
        test: this.feed.test,
        heatGrid: heat && bandOf(this.feed.grid(heat.res), heat.band),
        neuronGrid: neuronRes > 0 ? this.feed.grid(neuronRes) : undefined,
        weights: this.model.weights.map((w) => w.variable),
      },
      { options: kernel.options, gate, head: this.head },
    );
  }

  /** A later band of the heatmap's grid by the frame kernel, on sets of no rows (mapBands.ts), read back. */
  private async fusedBand(
    kernel: { name: string; options: unknown },
    gate: boolean,
    heat: { res: number; band: Band },
    weights: tf.Tensor[],
  ): Promise<Float32Array> {
    const { train, test } = this.feed;
    const none = (set: TensorSet) => ({ x: noRows(set.x), y: noRows(set.y) });
    const out = tf.tidy(() =>
      runFusedFrame(
        kernel.name,
        {
          train: none(train),
          test: none(test),
          heatGrid: bandOf(this.feed.grid(heat.res), heat.band),
          weights,
        },
        { options: kernel.options, gate, head: this.head },
      ),
    );
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
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
