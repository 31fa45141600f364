import { describe, expect, it } from 'vitest';
import { featureStats, standardise, unstandardise } from './standardise';
import type { DataTable } from './table';

const TABLE: DataTable = {
  features: ['a', 'b', 'const'],
  // a = 1, 2, 3 (mean 2, population std sqrt(2/3)); b = 0, 0, 6 (mean 2, std sqrt(8)); const = 5.
  x: Float32Array.from([1, 0, 5, 2, 0, 5, 3, 6, 5]),
  y: Float32Array.from([0, 1, 0]),
  classes: ['n', 'y'],
};

describe('standardisation', () => {
  it('gives each feature mean 0 and std 1, by hand-computed means and stds', () => {
    const { table, standardisation: s } = standardise(TABLE);
    expect(s.means).toEqual([2, 2, 5]);
    expect(s.stds[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(s.stds[1]).toBeCloseTo(Math.sqrt(8), 12);
    const a = Math.sqrt(3 / 2);
    const b = 1 / Math.sqrt(8);
    const expected = [-a, -2 * b, 5, 0, -2 * b, 5, a, 4 * b, 5];
    Array.from(table.x).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(
      featureStats(table)
        .means.slice(0, 2)
        .map((m) => Math.abs(m) < 1e-7),
    ).toEqual([true, true]);
  });

  it('leaves a constant feature as it is and names it', () => {
    expect(standardise(TABLE).standardisation.constant).toEqual(['const']);
  });

  it('is undone by unstandardise, and leaves the labels and the input table alone', () => {
    const { table, standardisation } = standardise(TABLE);
    Array.from(unstandardise(table, standardisation).x).forEach((v, i) =>
      expect(v).toBeCloseTo(TABLE.x[i], 5),
    );
    expect(table.y).toBe(TABLE.y);
    expect(Array.from(TABLE.x)).toEqual([1, 0, 5, 2, 0, 5, 3, 6, 5]);
  });
});
