import { describe, expect, it } from 'vitest';
import { diff, mean, median, pm, pmSigned, readDifference, sd } from './stats';

describe('bench statistics', () => {
  it('mean, sample sd (n - 1), median and paired differences', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    // Mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, over n - 1 = 7.
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sd([5])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(diff([3, 5], [1, 1])).toEqual([2, 4]);
  });

  it('writes mean ± sd scaled, with a sign when asked', () => {
    // Mean 0.6, sd sqrt(0.02) = 0.1414.
    expect(pm([0.5, 0.7], 100, 1)).toBe('60.0 ± 14.1');
    expect(pmSigned([-0.01, -0.03], 100, 1)).toBe('−2.0 ± 1.4');
    expect(pmSigned([0.25, 0.25], 1, 2)).toBe('+0.25 ± 0.00');
    expect(pmSigned([0, 0], 1, 2)).toBe('±0.00 ± 0.00');
  });

  it('reads paired differences with a two-sided t-test at 95%', () => {
    expect(readDifference([0, 0, 0], true)).toBe('identical');
    // No spread: any non-zero mean is significant.
    expect(readDifference([1, 1, 1], true)).toBe('better');
    expect(readDifference([1, 1, 1], false)).toBe('worse');
    // Mean 3, sd 1: t = 3 / (1 / sqrt 3) = 5.20 > 4.303 (2 degrees of freedom).
    expect(readDifference([2, 3, 4], true)).toBe('better');
    expect(readDifference([-2, -3, -4], true)).toBe('worse');
    // Mean 3, sd sqrt 7: t = 1.96 < 4.303.
    expect(readDifference([1, 2, 6], true)).toBe('within noise');
  });
});
