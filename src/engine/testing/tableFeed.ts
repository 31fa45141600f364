/**
 * Data feeds with other heads, for the tests: points of the plane with labels 0..K-1 (or numeric targets), fed
 * through the spec's features (e.g. four of them: x1, x2, x1^2, x2^2), as a data set's table would be.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, headOf, type ExperimentSpec, type OutputHead } from '../../experiment';
import { DataFeed } from '../core/dataFeed';
import type { Point } from '../core/points';

/** A feed for `spec` holding these points (labels as given) and this head. */
export function tableFeed(
  spec: ExperimentSpec,
  sets: { train: Point[]; test: Point[] },
  head: OutputHead,
  classes: string[] | null,
): DataFeed {
  const feed = new DataFeed(spec);
  tf.dispose([feed.train.x, feed.train.y, feed.test.x, feed.test.y]);
  const labelled = (points: Point[]) => ({
    x: feed.features(points.map((p) => [p.x1, p.x2])),
    y: tf.tensor2d(
      points.map((p) => p.label),
      [points.length, 1],
    ),
  });
  return Object.assign(feed, {
    dataset: sets,
    train: labelled(sets.train),
    test: labelled(sets.test),
    head,
    classes,
  });
}

/** n points in three blobs around the corners of a triangle, labelled 0, 1, 2 (seeded). */
export function threeBlobs(n: number, seed: number): Point[] {
  const rng = createRng(seed);
  const centres = [
    [-3, -2],
    [3, -2],
    [0, 3],
  ];
  return Array.from({ length: n }, (_, i) => {
    const c = i % 3;
    const [x, y] = centres[c];
    return { x1: x + 1.5 * rng.normal(), x2: y + 1.5 * rng.normal(), label: c as 0 | 1 };
  });
}

/** n points with a numeric target 0.5 x1 - 0.3 x2 + 0.1 x1 x2 (seeded). */
export function regressionPoints(n: number, seed: number): Point[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const [x1, x2] = [rng.normal() * 3, rng.normal() * 3];
    return { x1, x2, label: (0.5 * x1 - 0.3 * x2 + 0.1 * x1 * x2) as 0 | 1 };
  });
}

/** A feed of the three blobs (70 train, 30 test) with a 3-class head. */
export const threeClassFeed = (spec: ExperimentSpec, seed = 1) =>
  tableFeed(spec, { train: threeBlobs(70, seed), test: threeBlobs(30, seed + 1) }, headOf(['a', 'b', 'c']), [
    'a',
    'b',
    'c',
  ]);

/** A feed of the regression points (60 train, 20 test) with a regression head. */
export const regressionFeed = (spec: ExperimentSpec, seed = 1) =>
  tableFeed(
    spec,
    { train: regressionPoints(60, seed), test: regressionPoints(20, seed + 1) },
    { kind: 'regression' },
    null,
  );
