/** A 2-D task's data as tensors, seeded mini-batches over it, and cached grids over the input plane. */
import * as tf from '@tensorflow/tfjs-core';
import {
  gridCoords,
  inputNames,
  isSequenceTask,
  type BatchOrder,
  type ExperimentSpec,
  type OutputHead,
} from '../../experiment';
import { createRng, deriveSeed, permutation, type Rng } from '../../experiment';
import { SpecError } from './specError';
import { featurize, makeDataset, type Dataset, type Point } from './tasks';

export interface LabelledSet {
  x: tf.Tensor2D;
  /** Labels 0/1, [n, 1]. */
  y: tf.Tensor2D;
}

export class DataFeed {
  readonly dataset: Dataset;
  readonly train: LabelledSet;
  readonly test: LabelledSet;
  /** What the network outputs and how it is scored (binary for the 2-D tasks). */
  readonly head: OutputHead = { kind: 'binary' };
  /** The classes' names by index; null for a numeric target. */
  readonly classes: string[] | null = ['0', '1'];
  private batchRng: Rng;
  private order: Int32Array = new Int32Array(0);
  /** The batch RNG's state when `order` was drawn (it regenerates the permutation). */
  private orderRng = 0;
  private cursor = 0;
  /** Batch indices drawn but given back (training stopped early): they come before the permutation's next. */
  private givenBack: Int32Array = new Int32Array(0);
  private grids = new Map<number, tf.Tensor2D>();

  constructor(private spec: ExperimentSpec) {
    this.dataset = makeDataset(spec.task, spec.seed);
    this.train = this.labelled(this.dataset.train);
    this.test = this.labelled(this.dataset.test);
    this.batchRng = createRng(deriveSeed(spec.seed, 'batches'));
  }

  get inputWidth(): number {
    return inputNames(this.spec.task).length;
  }

  /** Whether inputs are points of the plane (with heatmaps) or sequence windows. */
  get isPlane(): boolean {
    return !isSequenceTask(this.spec.task.kind);
  }

  /** Network input rows: features of 2-D points [x1, x2], or sequence windows as they are. */
  features(rows: ArrayLike<number>[]): tf.Tensor2D {
    if (!this.isPlane)
      return tf.tensor2d(
        rows.map((r) => Array.from(r)),
        [rows.length, this.inputWidth],
      );
    const f = this.spec.task.features;
    return tf.tensor2d(featurize(rows, f), [rows.length, f.length]);
  }

  private labelled(points: Point[]): LabelledSet {
    return {
      x: this.features(points.map((p) => p.inputs ?? [p.x1, p.x2])),
      y: tf.tensor2d(
        points.map((p) => p.label),
        [points.length, 1],
      ),
    };
  }

  /** Indices of the next mini-batch: walks a fresh seeded permutation of the training set each epoch. */
  nextBatch(): Int32Array {
    const n = this.dataset.train.length;
    const size = Math.min(this.spec.training.batchSize, n);
    const batch = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      if (this.givenBack.length > 0) {
        batch[i] = this.givenBack[0];
        this.givenBack = this.givenBack.subarray(1);
        continue;
      }
      if (this.cursor >= this.order.length) {
        this.orderRng = this.batchRng.state();
        this.order = permutation(n, this.batchRng);
        this.cursor = 0;
      }
      batch[i] = this.order[this.cursor++];
    }
    return batch;
  }

  /** Gives back drawn batch indices that were not trained on: the next batches are drawn from them first. */
  giveBack(indices: Int32Array): void {
    const merged = new Int32Array(indices.length + this.givenBack.length);
    merged.set(indices);
    merged.set(this.givenBack, indices.length);
    this.givenBack = merged;
  }

  /**
   * Where the batch order stands, in a few numbers: the RNG's state when this epoch's permutation was drawn
   * and the position in it (an epoch used up is given as the next one, at position 0), and the indices given back.
   */
  exportOrder(): BatchOrder {
    const done = this.cursor >= this.order.length;
    return {
      rng: done ? this.batchRng.state() : this.orderRng,
      cursor: done ? 0 : this.cursor,
      givenBack: Array.from(this.givenBack),
    };
  }

  /** Puts the batch order back where `exportOrder` found it; refuses (changing nothing) one that does not fit. */
  importOrder(order: BatchOrder): void {
    const n = this.dataset.train.length;
    const index = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
    if (!(Number.isInteger(order.rng) && order.rng >= 0 && order.rng < 2 ** 32))
      throw new SpecError('the batch order has no valid RNG state');
    if (!index(order.cursor) || !order.givenBack.every(index))
      throw new SpecError(`the batch order does not fit a training set of ${n} points`);
    this.batchRng = createRng(order.rng);
    this.orderRng = order.rng;
    this.order = permutation(n, this.batchRng);
    this.cursor = order.cursor;
    this.givenBack = Int32Array.from(order.givenBack);
  }

  /** The training rows of a batch (new tensors). */
  gather(batch: Int32Array): LabelledSet {
    return tf.tidy(() => {
      const idx = tf.tensor1d(batch, 'int32');
      return { x: tf.gather(this.train.x, idx), y: tf.gather(this.train.y, idx) };
    });
  }

  /** Feature rows of a res x res grid over the input plane, cached (and kept out of any tidy). */
  grid(res: number): tf.Tensor2D {
    let g = this.grids.get(res);
    if (!g) {
      g = tf.keep(this.features(gridCoords(res)));
      this.grids.set(res, g);
    }
    return g;
  }

  dispose(): void {
    tf.dispose([this.train.x, this.train.y, this.test.x, this.test.y, ...this.grids.values()]);
  }
}
