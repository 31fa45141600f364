import { describe, expect, it } from 'vitest';
import { createRng } from '../../experiment';
import { planePoints } from './tasks';

describe('two moons', () => {
  it('puts the clean points on the two half circles, scaled by 3.5 about (0.5, 0.25)', () => {
    // n = 6: t = 0, pi/2, pi on each moon. Outer q = (1, 0), (0, 1), (-1, 0); inner q = (0, 0.5), (1, -0.5), (2, 0.5).
    const points = planePoints('moons', 6, 0, createRng(1));
    const expected = [
      [1.75, -0.875, 0],
      [-1.75, 2.625, 0],
      [-5.25, -0.875, 0],
      [-1.75, 0.875, 1],
      [1.75, -2.625, 1],
      [5.25, 0.875, 1],
    ];
    points.forEach((p, i) => {
      expect(p.x1).toBeCloseTo(expected[i][0], 12);
      expect(p.x2).toBeCloseTo(expected[i][1], 12);
      expect(p.label).toBe(expected[i][2]);
    });
  });

  it('adds a normal of standard deviation noise to each coordinate, x1 then x2, from the stream', () => {
    const clean = planePoints('moons', 5, 0, createRng(4));
    const noisy = planePoints('moons', 5, 0.2, createRng(4));
    const rng = createRng(4);
    noisy.forEach((p, i) => {
      expect(p.x1 - clean[i].x1).toBeCloseTo(3.5 * 0.2 * rng.normal(), 10);
      expect(p.x2 - clean[i].x2).toBeCloseTo(3.5 * 0.2 * rng.normal(), 10);
    });
  });

  it('has floor(n / 2) points of label 0 and the rest of label 1', () => {
    const points = planePoints('moons', 7, 0.1, createRng(2));
    expect(points.filter((p) => p.label === 0)).toHaveLength(3);
    expect(points.filter((p) => p.label === 1)).toHaveLength(4);
  });
});
