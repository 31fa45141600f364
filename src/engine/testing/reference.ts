/** Test helpers: reference vectors computed by independent implementations, copied into fixtures/ (see its README). */
import { readFileSync } from 'node:fs';
import type { WeightMap } from '../../experiment';
import type { Snapshot } from '../../protocol';

export function readReference<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as T;
}

export interface DianVectors {
  weights: WeightMap;
  xs: number[][];
  gate: number[];
  y_on: number[][];
  y_off: number[][];
}

/** Relative closeness for float32 against float64 references: |a - b| <= tol * max(1, |b|). */
export function expectClose(actual: number, expected: number, tol: number): void {
  const err = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
  if (!(err <= tol)) throw new Error(`expected ${actual} to be within ${tol} (relative) of ${expected}`);
}

/** The largest difference between two weight sets, relative to max(1, |w|) of the second. */
export function weightGap(a: WeightMap, b: WeightMap): number {
  let worst = 0;
  for (const [name, { values }] of Object.entries(a))
    values.forEach((v, i) => {
      const w = b[name].values[i];
      worst = Math.max(worst, Math.abs(v - w) / Math.max(1, Math.abs(w)));
    });
  return worst;
}

/** A frame's single metrics, in order. */
const scalars = ({ trainLoss, testLoss, trainAccuracy, testAccuracy }: Snapshot['metrics']) => [
  trainLoss,
  testLoss,
  trainAccuracy,
  testAccuracy,
];

/**
 * The largest difference between two frames' numbers (metrics and the confusion matrix, weights, heatmap, the test
 * rows' predicted classes, neuron maps), relative to max(1, |b|); Infinity when their shapes differ or a NaN of one
 * is not a NaN of the other.
 */
export function frameGap(a: Snapshot, b: Snapshot): number {
  const none = new Float32Array(0);
  const pairs: [ArrayLike<number>, ArrayLike<number>][] = [
    [scalars(a.metrics), scalars(b.metrics)],
    [a.metrics.confusion ?? none, b.metrics.confusion ?? none],
    [a.weights, b.weights],
    [a.heatmap, b.heatmap],
    [a.testPredicted ?? none, b.testPredicted ?? none],
    [a.neuronMaps, b.neuronMaps],
  ];
  if ((a.metrics.confusion === undefined) !== (b.metrics.confusion === undefined)) return Infinity;
  if ((a.testPredicted === undefined) !== (b.testPredicted === undefined)) return Infinity;
  if (a.heatmapRes !== b.heatmapRes || a.neuronRes !== b.neuronRes) return Infinity;
  return Math.max(...pairs.map(([x, y]) => arrayGap(x, y)));
}

/** The largest difference between two arrays, relative to max(1, |b|) (NaN matches NaN only). */
export function arrayGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) {
      if (!(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return Infinity;
      continue;
    }
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  return worst;
}
