import { describe, expect, it } from 'vitest';
import { gridPixel, sweepsScale } from './iterationMap';

describe('the sweeps map', () => {
  it("colours the map's own range of sweeps, with whole-number ticks", () => {
    expect(sweepsScale(Float32Array.of(2, 3, 4, 3))).toEqual({ domain: [2, 4], ticks: [2, 3, 4] });
    // Long solves: at most about six ticks, all whole numbers.
    const { domain, ticks } = sweepsScale(Float32Array.of(5, 40, 12));
    expect(domain).toEqual([5, 40]);
    expect(ticks.every(Number.isInteger)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]).toBeGreaterThanOrEqual(5);
    expect(ticks.at(-1)).toBeLessThanOrEqual(40);
  });

  it('a map of one value still has a range of two', () => {
    expect(sweepsScale(Float32Array.of(2, 2))).toEqual({ domain: [2, 3], ticks: [2, 3] });
    expect(sweepsScale(new Float32Array(0)).domain).toEqual([1, 2]);
  });

  it('places grid points on the canvas: the top-left corner is (-6, 6)', () => {
    expect(gridPixel([-6, 6], 300)).toEqual([0, 0]);
    expect(gridPixel([0, 0], 300)).toEqual([150, 150]);
    expect(gridPixel([3, -3], 300)).toEqual([225, 225]);
  });
});
