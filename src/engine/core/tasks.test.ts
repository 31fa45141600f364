import { describe, expect, it } from 'vitest';
import { defaultSpec, TASKS } from '../../experiment';
import { createRng } from '../../experiment';
import { gridCoords } from '../../experiment';
import { featurize, makeDataset } from './tasks';

describe('tasks', () => {
  it.each(TASKS)('%s is deterministic per seed and differs between seeds', (kind) => {
    const task = { ...defaultSpec().task, kind, noise: 0.2 };
    const a = makeDataset(task, 7);
    expect(makeDataset(task, 7)).toEqual(a);
    expect(makeDataset(task, 8)).not.toEqual(a);
  });

  it.each(TASKS)('%s splits by the train ratio and has both labels', (kind) => {
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
