import { describe, expect, it } from 'vitest';
import { cellShade, summarise } from './confusion';

describe('the confusion matrix', () => {
  it('sums rows and gives each true class its share predicted right', () => {
    // 3 classes: true 0 -> 8 right, 2 as class 1; true 1 -> 5 right, 5 as class 2; no test row of class 2.
    const counts = [8, 2, 0, 0, 5, 5, 0, 0, 0];
    const { rowTotals, perClass, accuracy } = summarise(counts, 3);
    expect(rowTotals).toEqual([10, 10, 0]);
    expect(perClass.slice(0, 2)).toEqual([0.8, 0.5]);
    expect(perClass[2]).toBeNaN();
    expect(accuracy).toBe(13 / 20);
  });

  it('has no accuracy without test rows', () => {
    expect(summarise([0, 0, 0, 0], 2).accuracy).toBeNaN();
  });

  it('shades a cell by the share of its row in tenths, blue on the diagonal and orange off it', () => {
    expect(cellShade(8, 10, true)).toBe('rgba(8,119,189,0.48)');
    expect(cellShade(2, 10, false)).toBe('rgba(245,147,34,0.12)');
    // Under a twentieth: no shade, and no write when a count moves a little.
    expect(cellShade(1, 30, false)).toBeNull();
    expect(cellShade(0, 0, true)).toBeNull();
  });
});
