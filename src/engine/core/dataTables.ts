/**
 * Data tasks in the engine: the table (bundled, or the user's from the load message), split into train and test by
 * the task's ratio with a seeded permutation (the same stream and rule as the generated tasks), standardised when
 * the spec says so with the TRAINING rows' means and stds (applied to every row: the test rows never shape it, as
 * they do not shape the plane's means, its PCA or Live's scaler), and projected onto the plane. A numeric target
 * is standardised too (the training rows' mean and sd: `target`); the points keep it in its own units.
 */
import type { TaskSpec, ViewSpec } from '../../experiment';
import { DIGITS } from '../../experiment/data/digits';
import { IRIS } from '../../experiment/data/iris';
import { featureStats, standardiseWith, type DataTable } from '../../experiment/data';
import { createRng, deriveSeed, permutation } from '../../experiment';
import { planeCoordinates, planeFor, type PlaneProjection } from './plane';
import type { Dataset, Point } from './points';
import { SpecError } from './specError';

export interface TableData {
  /** The table as the network sees it (standardised when asked). */
  table: DataTable;
  dataset: Dataset;
  plane: PlaneProjection;
  /** Image data sets: the test rows' raw pixels, row-major. */
  testImages?: Float32Array;
  /**
   * A numeric target standardised (the spec says standardise): the training rows' mean and population sd. The
   * network learns (y - mean) / sd; the points' labels stay in the target's units.
   */
  target?: TargetScale;
}

/** A numeric target's standardisation: the network's value v stands for mean + sd v. */
export interface TargetScale {
  mean: number;
  sd: number;
}

/** The data task's table: bundled, or the user's (which a CSV task must be given). */
export function tableFor(task: TaskSpec, userData?: DataTable): DataTable {
  if (task.kind === 'digits') return DIGITS.table();
  if (task.kind === 'iris') return IRIS.table();
  if (task.kind !== 'csv') throw new SpecError(`${task.kind} is not a data task`);
  const name = task.dataName ? ` "${task.dataName}"` : '';
  if (!userData) throw new SpecError(`this experiment uses your own data${name}: load that CSV to run it`);
  if (task.dataRows > 0 && userData.y.length !== task.dataRows)
    throw new SpecError(
      `the data given has ${userData.y.length} rows; the experiment's${name} has ${task.dataRows}`,
    );
  return userData;
}

const rowsOf = (x: Float32Array, d: number, indices: ArrayLike<number>): Float32Array => {
  const out = new Float32Array(indices.length * d);
  for (let r = 0; r < indices.length; r++) out.set(x.subarray(indices[r] * d, (indices[r] + 1) * d), r * d);
  return out;
};

export function tableData(task: TaskSpec, view: ViewSpec, seed: number, userData?: DataTable): TableData {
  const raw = tableFor(task, userData);
  const d = raw.features.length;
  const n = raw.y.length;
  const order = permutation(n, createRng(deriveSeed(seed, `data:${task.kind}`)));
  const numTrain = Math.max(1, Math.min(n - 1, Math.round(n * task.trainRatio)));
  const train = order.subarray(0, numTrain);
  const trainTable = { ...raw, x: rowsOf(raw.x, d, train), y: Float32Array.from(train, (r) => raw.y[r]) };
  const table = task.standardise ? standardiseWith(raw, featureStats(trainTable)).table : raw;
  const target = task.standardise && !raw.classes ? targetScale(trainTable.y) : undefined;
  const trainX = rowsOf(table.x, d, train);
  const all = rowsOf(table.x, d, order);
  const plane = planeFor(table.features, trainX, all, view);
  const coords = planeCoordinates(plane, all);
  const points: Point[] = Array.from(order, (row, r) => ({
    x1: coords[2 * r],
    x2: coords[2 * r + 1],
    label: table.y[row],
    inputs: Array.from(all.subarray(r * d, (r + 1) * d)),
  }));
  const dataset = { train: points.slice(0, numTrain), test: points.slice(numTrain) };
  const testImages = raw.image ? rowsOf(raw.x, d, order.subarray(numTrain)) : undefined;
  return { table, dataset, plane, testImages, ...(target ? { target } : {}) };
}

/** Mean and population sd of the training targets (sd 1 for a constant target: it is only shifted). */
function targetScale(y: Float32Array): TargetScale {
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const sd = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length);
  return { mean, sd: sd > 0 ? sd : 1 };
}
