import { describe, expect, it } from 'vitest';
import { defaultSpec, isDataTask, TASKS } from '../../experiment';
import { createRng } from '../../experiment';
import { gridCoords } from '../../experiment';
import { featurize, makeDataset, planePoints, type PlaneTask } from './tasks';
import {
  classifyCircleData,
  classifySpiralData,
  classifyTwoGaussData,
  classifyXORData,
  type Example2D,
  type Random,
} from '../testing/playgroundDataset';

/** The Playground's generator of each task (src/engine/testing/playgroundDataset.ts transcribes them). */
const PLAYGROUND: Record<
  Exclude<PlaneTask, 'moons'>,
  (random: Random, n: number, noise: number) => Example2D[]
> = {
  circle: classifyCircleData,
  xor: classifyXORData,
  gaussian: classifyTwoGaussData,
  spiral: classifySpiralData,
};
/** The tasks made by a generator (data tasks are tables: dataTable.test.ts). */
const GENERATED = TASKS.filter((kind) => !isDataTask(kind));
const PLANE = ['circle', 'xor', 'gaussian', 'spiral'] as const;

/** The share of points whose label is not the one their own (stored) position gives. */
function labelNoise(kind: 'circle' | 'xor', noise: number): number {
  const points = planePoints(kind, 4000, noise, createRng(11));
  const clean = (p: { x1: number; x2: number }) =>
    kind === 'circle' ? Math.hypot(p.x1, p.x2) < 2.5 : p.x1 * p.x2 >= 0;
  return points.filter((p) => p.label !== (clean(p) ? 1 : 0)).length / points.length;
}

describe('tasks', () => {
  it.each(GENERATED)('%s is deterministic per seed and differs between seeds', (kind) => {
    const task = { ...defaultSpec().task, kind, noise: 0.2 };
    const a = makeDataset(task, 7);
    expect(makeDataset(task, 7)).toEqual(a);
    expect(makeDataset(task, 8)).not.toEqual(a);
  });

  it.each(GENERATED)('%s splits by the train ratio and has both labels', (kind) => {
    const task = { ...defaultSpec().task, kind, numSamples: 400, trainRatio: 0.3 };
    const { train, test } = makeDataset(task, 1);
    expect(train.length).toBe(120);
    expect(test.length).toBe(280);
    const positives = [...train, ...test].filter((p) => p.label === 1).length;
    expect(positives).toBeGreaterThan(100);
    expect(positives).toBeLessThan(300);
  });

  it('labels circle points by their radius and xor points by quadrant (no noise)', () => {
    const circle = makeDataset({ ...defaultSpec().task, kind: 'circle' }, 3);
    for (const p of [...circle.train, ...circle.test])
      expect(p.label).toBe(Math.hypot(p.x1, p.x2) < 2.5 ? 1 : 0);
    const xor = makeDataset({ ...defaultSpec().task, kind: 'xor' }, 3);
    for (const p of [...xor.train, ...xor.test]) expect(p.label).toBe(p.x1 * p.x2 >= 0 ? 1 : 0);
  });

  it.each(PLANE.flatMap((kind) => [0, 0.1, 0.5].map((noise) => [kind, noise] as const)))(
    '%s at noise %s draws the same points and labels as the TensorFlow Playground fed the same stream',
    (kind, noise) => {
      const ours = planePoints(kind, 500, noise, createRng(2024));
      // The same stream, counted: how many numbers the Playground's generator takes from it.
      const stream = createRng(2024);
      let draws = 0;
      const theirs = PLAYGROUND[kind](() => (draws++, stream.next()), 500, noise);
      expect(ours.map((p) => [p.x1, p.x2, p.label])).toEqual(
        theirs.map((p) => [p.x, p.y, p.label === 1 ? 1 : 0]),
      );
      // Ours took exactly as many: the next number of both streams is the same.
      const after = createRng(2024);
      for (let i = 0; i < draws; i++) after.next();
      const oursAfter = createRng(2024);
      planePoints(kind, 500, noise, oursAfter);
      expect(oursAfter.next()).toBe(after.next());
      // The gaussian's polar method rejects about 21% of its pairs: the comparison went through rejections.
      if (kind === 'gaussian') expect(draws).toBeGreaterThan(2 * 2 * 500 * 1.1);
    },
  );

  it('circle and xor keep the clean shape and turn noise into label noise, as the Playground does', () => {
    for (const noise of [0.1, 0.5]) {
      const circle = planePoints('circle', 2000, noise, createRng(5));
      // The clean points: inside radius 2.5 or between 3.5 and 5, never outside the plane.
      for (const p of circle) {
        const r = Math.hypot(p.x1, p.x2);
        expect(r < 2.5 + 1e-12 || (r >= 3.5 - 1e-12 && r <= 5 + 1e-12)).toBe(true);
      }
      const xor = planePoints('xor', 2000, noise, createRng(5));
      // The 0.3 padding gap along both axes stays empty.
      for (const p of xor) {
        expect(Math.min(Math.abs(p.x1), Math.abs(p.x2))).toBeGreaterThanOrEqual(0.3);
        expect(Math.max(Math.abs(p.x1), Math.abs(p.x2))).toBeLessThanOrEqual(5.3);
      }
    }
    expect(labelNoise('circle', 0)).toBe(0);
    expect(labelNoise('xor', 0)).toBe(0);
    // Noise 0.5 moves a label check by up to 2.5 in each coordinate: many points near the boundary flip.
    expect(labelNoise('circle', 0.5)).toBeGreaterThan(0.1);
    expect(labelNoise('xor', 0.5)).toBeGreaterThan(0.1);
    expect(labelNoise('circle', 0.1)).toBeGreaterThan(0);
    expect(labelNoise('circle', 0.1)).toBeLessThan(labelNoise('circle', 0.5));
  });

  it('makes exactly the number of points asked, also when it is odd', () => {
    for (const kind of PLANE) {
      const points = planePoints(kind, 501, 0.2, createRng(1));
      expect(points.length).toBe(501);
      // The classes that are not labelled by position: floor(n / 2) of the first, the rest of the second.
      if (kind === 'gaussian' || kind === 'spiral')
        expect(points.filter((p) => p.label === 1).length).toBe(250);
    }
  });

  it('computes the optional features', () => {
    const rows = featurize([[2, -3]], ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin x1', 'sin x2']);
    expect(Array.from(rows)).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)].map((v) => Math.fround(v)));
  });

  it('lays the grid out row-major from the top-left corner', () => {
    const g = gridCoords(4);
    expect(g[0]).toEqual([-4.5, 4.5]);
    expect(g[3]).toEqual([4.5, 4.5]);
    expect(g[15]).toEqual([4.5, -4.5]);
  });

  it('the seeded RNG repeats and is uniform enough', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 10000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
