import { describe, expect, it } from 'vitest';
import { classColor } from '../kit/classColors';
import { NEGATIVE, POSITIVE } from '../kit/colors';
import { BINARY_COLOURING, colouringOf, pointColor, readOutput, type PlaneColouring } from './planeOutput';

const iris: PlaneColouring = {
  head: { kind: 'classes', k: 3 },
  classes: ['setosa', 'versicolor', 'virginica'],
  range: [0, 1],
};
const target: PlaneColouring = { head: { kind: 'regression' }, classes: null, range: [10, 20] };

describe('the plane by output head', () => {
  it('colours points by class, or by their target on the value scale', () => {
    expect(pointColor(1, BINARY_COLOURING)).toBe(POSITIVE);
    expect(pointColor(0, BINARY_COLOURING)).toBe(NEGATIVE);
    expect(pointColor(2, iris)).toBe(classColor(2));
    // The low end of the range is orange, the high end blue, as the diverging scale.
    expect(pointColor(10, target)).toBe('rgb(245,147,34)');
    expect(pointColor(20, target)).toBe('rgb(8,119,189)');
  });

  it('reads the output at a point: P(blue), the most probable class, or the predicted value', () => {
    // 2x2 grids; the top-left cell is (-3, 3).
    expect(readOutput(Float32Array.from([0.25, 0, 0, 0]), 2, BINARY_COLOURING, -3, 3)).toBe(
      'P(blue) = 0.250',
    );
    const named = { ...BINARY_COLOURING, classes: ['no', 'yes'] };
    expect(readOutput(Float32Array.from([0.25, 0, 0, 0]), 2, named, -3, 3)).toBe('P(yes) = 0.250');
    const probs = Float32Array.from([0.1, 0.2, 0.7, ...Array<number>(9).fill(1 / 3)]);
    expect(readOutput(probs, 2, iris, -3, 3)).toBe('virginica, P = 0.700');
    expect(readOutput(Float32Array.from([1, 2, 3, 14.5]), 2, target, 3, -3)).toBe('predicted 14.50');
  });

  it('reads nothing from a map of another head (too short for K values a cell)', () => {
    expect(readOutput(Float32Array.from([0.5, 0.5, 0.5, 0.5]), 2, iris, 0, 0)).toBeUndefined();
    expect(readOutput(new Float32Array(0), 0, BINARY_COLOURING, 0, 0)).toBeUndefined();
  });

  it("takes a layout's head and classes, and a numeric target's range from its points", () => {
    const train = Float32Array.from([0, 0, 2.5, 1, 1, -1]);
    const test = Float32Array.from([0, 0, 4]);
    expect(colouringOf({ head: { kind: 'regression' }, classes: null, train, test }).range).toEqual([-1, 4]);
    const classes = colouringOf({ head: iris.head, classes: [...iris.classes!], train, test });
    expect(classes).toEqual(iris);
  });
});
