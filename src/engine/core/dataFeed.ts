/**
 * A task's data as tensors, seeded mini-batches over it, and cached grids over the input plane. Data tasks (tables
 * of N inputs, dataTables.ts) feed their rows as they are, and their grids are rows of the plane's projection.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  gridCoords,
  headOf,
  inputNames,
  isDataTask,
  isSequenceTask,
  type BatchOrder,
  type ExperimentSpec,
  type OutputHead,
} from '../../experiment';
import type { DataTable } from '../../experiment/data';
import type { Metrics, Snapshot } from '../../protocol';
import { tableData, type TableData, type TargetScale } from './dataTables';
import { gridOver, planeRows, PLANE_EXTENT, type PlaneProjection } from './plane';
import { createRng, deriveSeed, permutation, type Rng } from '../../experiment';
import { SpecError } from './specError';
import { featurize, makeDataset, type Dataset, type Point } from './tasks';

export interface LabelledSet {
  x: tf.Tensor2D;
  /** Labels, [n, 1]: 0/1 (binary), the class index (classes) or the target (regression; standardised: target). */
  y: tf.Tensor2D;
}

/** What the plane shows: its axes' names, the extent of its coordinates, and a note for data of N inputs. */
export interface PlaneAxes {
  x: string;
  y: string;
  note?: string;
  extent: { x: [number, number]; y: [number, number] };
}

export class DataFeed {
  readonly dataset: Dataset;
  /** What the network outputs and how it is scored: binary for the 2-D and sequence tasks, the table's otherwise. */
  readonly head: OutputHead;
  /** The class names by index (two for the generated tasks: '0', '1'); null for a numeric target. */
  readonly classes: string[] | null;
  /** Data tasks: the table, its split and its plane. */
  readonly tableData?: TableData;
  /**
   * A numeric target's standardisation (a data task with standardise on): the network trains on (y - mean) / sd,
   * and `inTargetUnits` puts what it reports back; mean 0, sd 1 otherwise.
   */
  readonly target: TargetScale;
  readonly train: LabelledSet;
  readonly test: LabelledSet;
  private batchRng: Rng;
  private order: Int32Array = new Int32Array(0);
  /** The batch RNG's state when `order` was drawn (it regenerates the permutation). */
  private orderRng = 0;
  private cursor = 0;
  /** Batch indices drawn but given back (training stopped early): they come before the permutation's next. */
  private givenBack: Int32Array = new Int32Array(0);
  private grids = new Map<number, tf.Tensor2D>();

  constructor(
    private spec: ExperimentSpec,
    userData?: DataTable,
  ) {
    this.tableData = isDataTask(spec.task.kind)
      ? tableData(spec.task, spec.view, spec.seed, userData)
      : undefined;
    this.dataset = this.tableData?.dataset ?? makeDataset(spec.task, spec.seed);
    this.classes = this.tableData ? this.tableData.table.classes : ['0', '1'];
    this.head = headOf(this.classes);
    this.target = this.tableData?.target ?? { mean: 0, sd: 1 };
    this.train = this.labelled(this.dataset.train);
    this.test = this.labelled(this.dataset.test);
    this.batchRng = createRng(deriveSeed(spec.seed, 'batches'));
  }

  /** Names of the network's inputs: 2-D features, sequence positions, or a table's columns. */
  get inputNames(): string[] {
    return this.tableData?.table.features ?? inputNames(this.spec.task);
  }

  get inputWidth(): number {
    return this.inputNames.length;
  }

  /** Whether the data has a plane (with heatmaps): the 2-D tasks and the data tasks; not sequence windows. */
  get isPlane(): boolean {
    return !isSequenceTask(this.spec.task.kind);
  }

  /** The plane's projection for a data task (undefined for the 2-D tasks, whose plane is their input). */
  get projection(): PlaneProjection | undefined {
    return this.tableData?.plane;
  }

  /** What the plane's axes are and how far they reach. */
  get planeAxes(): PlaneAxes {
    const p = this.tableData?.plane;
    if (!p) return { x: 'x1', y: 'x2', extent: PLANE_EXTENT };
    return { x: p.axes[0], y: p.axes[1], note: p.note, extent: p.extent };
  }

  /** Network input rows for points of the plane (x1, x2): 2-D features, or a data task's projected rows. */
  planeInputs(coords: [number, number][]): tf.Tensor2D {
    const p = this.tableData?.plane;
    if (!p) return this.features(coords);
    return tf.tensor2d(planeRows(p, coords), [coords.length, this.inputWidth]);
  }

  /** The input row (as `features` takes rows) at a point of the plane: the point itself, or a data task's row there. */
  planeRow(point: [number, number]): number[] {
    const p = this.tableData?.plane;
    return p ? Array.from(planeRows(p, [point])) : point;
  }

  /** Network input rows: features of 2-D points [x1, x2]; sequence windows and table rows as they are. */
  features(rows: ArrayLike<number>[]): tf.Tensor2D {
    if (!isPlaneFeatures(this.spec))
      return tf.tensor2d(
        rows.map((r) => Array.from(r)),
        [rows.length, this.inputWidth],
      );
    const f = this.spec.task.features;
    return tf.tensor2d(featurize(rows, f), [rows.length, f.length]);
  }

  /**
   * A snapshot in the target's units (regression on a standardised target; else as it is): the heatmap's values
   * mean + sd v, and the losses (half squared errors) times sd^2. The one place a session's frame is mapped back.
   */
  inTargetUnits<S extends Pick<Snapshot, 'heatmap' | 'metrics'>>(snapshot: S): S {
    const { mean, sd } = this.target;
    if (this.head.kind !== 'regression' || (mean === 0 && sd === 1)) return snapshot;
    return {
      ...snapshot,
      heatmap: snapshot.heatmap.map((v) => mean + sd * v),
      metrics: this.metricsInTargetUnits(snapshot.metrics),
    };
  }

  /** Metrics in the target's units: the losses times sd^2 (regression on a standardised target; else as they are). */
  metricsInTargetUnits<M extends Metrics>(metrics: M): M {
    const s2 = this.target.sd ** 2;
    if (this.head.kind !== 'regression' || s2 === 1) return metrics;
    return { ...metrics, trainLoss: metrics.trainLoss * s2, testLoss: metrics.testLoss * s2 };
  }

  private labelled(points: Point[]): LabelledSet {
    const { mean, sd } = this.target;
    return {
      x: this.features(points.map((p) => p.inputs ?? [p.x1, p.x2])),
      y: tf.tensor2d(
        points.map((p) => (this.head.kind === 'regression' ? (p.label - mean) / sd : p.label)),
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
      const p = this.tableData?.plane;
      g = tf.keep(p ? this.planeInputs(gridOver(res, p.extent)) : this.features(gridCoords(res)));
      this.grids.set(res, g);
    }
    return g;
  }

  /** Image data sets (digits): the test rows' raw pixels and the image size, for thumbnails. */
  get images(): { width: number; height: number; test: Float32Array } | undefined {
    const image = this.tableData?.table.image;
    const test = this.tableData?.testImages;
    return image && test ? { ...image, test } : undefined;
  }

  dispose(): void {
    tf.dispose([this.train.x, this.train.y, this.test.x, this.test.y, ...this.grids.values()]);
  }
}

/** Whether network inputs are computed from (x1, x2) by the task's features (the 2-D tasks). */
const isPlaneFeatures = (spec: ExperimentSpec) =>
  !isSequenceTask(spec.task.kind) && !isDataTask(spec.task.kind);
