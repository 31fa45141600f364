import { describe, expect, it } from 'vitest';
import { inkLevel, mistakes } from './digits';

describe('digit thumbnails', () => {
  it('names what each misclassified test digit was taken for, -1 for the right ones', () => {
    // Test points as [x1, x2, label] triples with labels 3, 8, 1.
    const test = Float32Array.from([0, 0, 3, 0, 0, 8, 0, 0, 1]);
    expect(mistakes(Float32Array.from([3, 3, 1]), test, 60)).toEqual([-1, 3, -1]);
    expect(mistakes(Float32Array.from([0, 8, 1]), test, 2)).toEqual([0, -1]);
    // Fewer predictions than rows (a frame of another data set): only those compared.
    expect(mistakes(Float32Array.from([3]), test, 60)).toEqual([-1]);
  });

  it('draws 0 as blank and the largest pixel as full ink', () => {
    expect(inkLevel(0, 16)).toBe(255);
    expect(inkLevel(16, 16)).toBe(0);
    expect(inkLevel(8, 16)).toBe(128);
    expect(inkLevel(-1, 16)).toBe(255);
  });
});
