import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { argmaxClass, CLASS_COLORS, classColor, paintClasses, sureness, targetRange } from './classColors';
import { divergingColor, NEGATIVE, POSITIVE } from './colors';

const rgbOf = (pixels: Uint8ClampedArray, i: number) => Array.from(pixels.subarray(i * 4, i * 4 + 3));

describe('class colours', () => {
  it('keeps the Playground orange and blue for classes 0 and 1, and ten distinct colours', () => {
    expect(classColor(0)).toBe(NEGATIVE);
    expect(classColor(1)).toBe(POSITIVE);
    expect(new Set(Array.from({ length: 10 }, (_, c) => classColor(c))).size).toBe(10);
    // Past the palette a class gets a darker copy, not the same colour as class c - 10.
    expect(classColor(10)).not.toBe(classColor(0));
    expect(CLASS_COLORS.length).toBe(10);
  });

  it('finds the most probable class of a cell in a cell-major map', () => {
    const map = Float32Array.from([0.2, 0.5, 0.3, 0.1, 0.1, 0.8]);
    expect(argmaxClass(map, 3, 0)).toEqual([1, 0.5]);
    expect(argmaxClass(map, 3, 1)[0]).toBe(2);
  });

  it('measures how sure a cell is from 1/K (0) to certain (1)', () => {
    expect(sureness(1 / 3, 3)).toBe(0);
    expect(sureness(1, 3)).toBe(1);
    expect(sureness(2 / 3, 3)).toBeCloseTo(0.5, 12);
    expect(sureness(0.1, 4)).toBe(0);
  });

  it('paints two classes exactly as the binary orange..grey..blue scale', () => {
    for (const p of [0, 0.1, 0.3, 0.5, 0.75, 0.99]) {
      // K = 2 probabilities of one cell: [1 - p, p].
      const one = paintClasses(Float32Array.from([1 - p, p]), 2, 1);
      const want = d3.rgb(divergingColor(2 * p - 1));
      const got = rgbOf(one, 0);
      [want.r, want.g, want.b].forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThanOrEqual(1));
    }
  });

  it('paints a sure cell in its class colour, an unsure one grey, and all full colour when discretised', () => {
    // 4 classes on a 2x2 grid: sure of class 2; unsure; leaning to class 3; sure of class 0.
    const grid = Float32Array.from([0, 0, 1, 0, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.4, 1, 0, 0, 0]);
    const soft = paintClasses(grid, 4, 2);
    const green = d3.rgb(classColor(2));
    expect(rgbOf(soft, 0)).toEqual([green.r, green.g, green.b]);
    expect(rgbOf(soft, 1)).toEqual([232, 234, 235]);
    const hard = paintClasses(grid, 4, 2, true);
    const red = d3.rgb(classColor(3));
    expect(rgbOf(hard, 2)).toEqual([red.r, red.g, red.b]);
    // Opaque everywhere.
    expect([3, 7, 11, 15].map((i) => hard[i])).toEqual([255, 255, 255, 255]);
  });

  it('takes a target range from the labels of the points, widening a flat one', () => {
    const a = Float32Array.from([0, 0, 3, 1, 1, -2]);
    const b = Float32Array.from([0, 0, 7, 0, 0, NaN]);
    expect(targetRange(a, b)).toEqual([-2, 7]);
    expect(targetRange(Float32Array.from([0, 0, 5]))).toEqual([4.5, 5.5]);
    expect(targetRange()).toEqual([0, 1]);
  });
});
