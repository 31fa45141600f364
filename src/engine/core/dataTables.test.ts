import { describe, expect, it } from 'vitest';
import { createRng, defaultSpec, deriveSeed, permutation, type ExperimentSpec } from '../../experiment';
import type { DataTable } from '../../experiment/data';
import { DataFeed } from './dataFeed';

const specFor = (kind: ExperimentSpec['task']['kind'], tweak: (s: ExperimentSpec) => void = () => {}) => {
  const spec = defaultSpec('mlp');
  spec.task.kind = kind;
  tweak(spec);
  return spec;
};

/** Six rows of three inputs, three classes. */
const USER: DataTable = {
  features: ['a', 'b', 'c'],
  x: Float32Array.from([1, 10, 0, 2, 20, 0, 3, 30, 0, 4, 40, 1, 5, 50, 1, 6, 60, 1]),
  y: Float32Array.from([0, 1, 2, 0, 1, 2]),
  classes: ['p', 'q', 'r'],
};

describe('data tasks in the feed', () => {
  it('feeds iris as 4-input rows split by the ratio with the seeded permutation, three classes', () => {
    const feed = new DataFeed(
      specFor('iris', (s) => ((s.task.trainRatio = 0.6), (s.task.standardise = false))),
    );
    expect(feed.inputNames).toEqual(['sepal length', 'sepal width', 'petal length', 'petal width']);
    expect(feed.train.x.shape).toEqual([90, 4]);
    expect(feed.test.x.shape).toEqual([60, 4]);
    expect(feed.head).toEqual({ kind: 'classes', k: 3 });
    expect(feed.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    // The first training row is the table's row the permutation puts first (Fisher's 150 rows, 50 per species).
    const first = permutation(150, createRng(deriveSeed(1, 'data:iris')))[0];
    expect(feed.dataset.train[0].label).toBe(Math.floor(first / 50));
    expect(feed.planeAxes).toMatchObject({ x: 'sepal length', y: 'sepal width' });
    feed.dispose();
  });

  it('standardises a table with its training rows means and stds when asked (targetScale.test.ts)', () => {
    const feed = new DataFeed(
      specFor('csv', (s) => (s.task.trainRatio = 0.5)),
      USER,
    );
    const train = feed.dataset.train.map((p) => p.inputs!);
    const mean = (j: number) => train.reduce((s, r) => s + r[j], 0) / train.length;
    const sd = (j: number) => Math.sqrt(train.reduce((s, r) => s + (r[j] - mean(j)) ** 2, 0) / train.length);
    expect(mean(0)).toBeCloseTo(0, 6);
    expect(sd(0)).toBeCloseTo(1, 5);
    expect(feed.head).toEqual({ kind: 'classes', k: 3 });
    feed.dispose();
  });

  it('evaluates grid rows of the plane: two inputs vary, the other at its training mean', async () => {
    const spec = specFor('csv', (s) => {
      s.task.standardise = false;
      s.view.planeX = 2;
      s.view.planeY = 0;
    });
    const feed = new DataFeed(spec, USER);
    const trainRows = feed.dataset.train.map((p) => p.inputs!);
    const meanB = trainRows.reduce((s, r) => s + r[1], 0) / trainRows.length;
    const grid = (await feed.grid(2).data()) as Float32Array;
    expect(grid.length).toBe(4 * 3);
    const { extent } = feed.planeAxes;
    // Cell (row 0, col 0): c at the left quarter of its extent, a at the top quarter.
    expect(grid[0]).toBeCloseTo(extent.y[1] - (extent.y[1] - extent.y[0]) / 4, 5);
    expect(grid[1]).toBeCloseTo(meanB, 4);
    expect(grid[2]).toBeCloseTo(extent.x[0] + (extent.x[1] - extent.x[0]) / 4, 5);
    expect(feed.planeAxes).toMatchObject({ x: 'c', y: 'a', note: 'the other inputs held at their mean' });
    // A point of the plane (a click) is the row there.
    feed.planeRow([7, -3]).forEach((v, j) => expect(v).toBeCloseTo([-3, meanB, 7][j], 4));
    // Points drawn at their own (c, a).
    for (const p of feed.dataset.train) expect([p.x1, p.x2]).toEqual([p.inputs![2], p.inputs![0]]);
    feed.dispose();
  });

  it('refuses a CSV task without its data, naming the file, and data of another row count', () => {
    const spec = specFor('csv', (s) => ((s.task.dataName = 'mine.csv'), (s.task.dataRows = 7)));
    expect(() => new DataFeed(spec)).toThrow(
      'this experiment uses your own data "mine.csv": load that CSV to run it',
    );
    expect(() => new DataFeed(spec, USER)).toThrow(/has 6 rows; the experiment's "mine.csv" has 7/);
  });

  it('gives digits as 64 inputs, ten classes, and the test rows raw pixels as 8x8 images', () => {
    const feed = new DataFeed(specFor('digits'));
    expect(feed.inputWidth).toBe(64);
    expect(feed.head).toEqual({ kind: 'classes', k: 10 });
    const images = feed.images!;
    expect([images.width, images.height, images.test.length]).toEqual([8, 8, feed.dataset.test.length * 64]);
    expect(images.test.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
    feed.dispose();
  });

  it('a numeric target is regression; the 2-D tasks stay binary with classes 0 and 1', () => {
    const feed = new DataFeed(specFor('csv'), { ...USER, classes: null });
    expect(feed.head).toEqual({ kind: 'regression' });
    expect(feed.classes).toBeNull();
    feed.dispose();
    const plane = new DataFeed(defaultSpec('mlp'));
    expect([plane.head, plane.classes, plane.images]).toEqual([{ kind: 'binary' }, ['0', '1'], undefined]);
    expect(plane.planeAxes).toEqual({ x: 'x1', y: 'x2', extent: { x: [-6, 6], y: [-6, 6] } });
    plane.dispose();
  });
});
