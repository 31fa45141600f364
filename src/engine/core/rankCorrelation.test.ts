import { describe, expect, it } from 'vitest';
import { ranks, spearman } from './rankCorrelation';

describe("Spearman's rank correlation", () => {
  it('ranks with ties sharing their mean rank', () => {
    expect(Array.from(ranks([10, 30, 20, 30]))).toEqual([1, 3.5, 2, 3.5]);
  });

  it('is 1 for any increasing relation and -1 for a decreasing one', () => {
    const x = [1, 2, 3, 4, 5];
    expect(
      spearman(
        x,
        x.map((v) => v ** 3),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        x,
        x.map((v) => -Math.exp(v)),
      ),
    ).toBeCloseTo(-1, 12);
  });

  it('matches a hand-computed value with ties', () => {
    // ranks a = [1, 2.5, 2.5, 4], ranks b = [2, 1, 3, 4]; centred: [-1.5, 0, 0, 1.5] and [-0.5, -1.5, 0.5, 1.5]
    // sum of products 0.75 + 2.25 = 3; sums of squares 4.5 and 5: rho = 3 / sqrt(22.5).
    expect(spearman([1, 2, 2, 3], [20, 10, 30, 40])).toBeCloseTo(3 / Math.sqrt(22.5), 12);
  });

  it('is NaN without a ranking (a constant sample), for fewer than 2 values and for non-finite values', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1], [2])).toBeNaN();
    expect(spearman([1, NaN, 3], [1, 2, 3])).toBeNaN();
  });
});
