import { describe, expect, it } from 'vitest';
import { INPUT_MAP_RES, inputMap, neuronPlane } from './neuronPlane';

describe('a neuron over the plane', () => {
  it('draws an input from its feature: x1 grows to the right, x2 upwards, squares over 18', () => {
    const { raw, shown } = inputMap('x1', 2);
    // Cells of a 2 x 2 grid over [-6, 6]^2 are centred at +-3; row 0 is the top.
    expect(Array.from(raw)).toEqual([-3, 3, -3, 3]);
    expect(Array.from(shown)).toEqual([-0.5, 0.5, -0.5, 0.5]);
    expect(Array.from(inputMap('x2', 2).raw)).toEqual([3, 3, -3, -3]);
    expect(Array.from(inputMap('x1^2', 2).shown)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it("takes a layer neuron's map out of the frame's maps; an output's logit is shown as tanh(v / 2)", () => {
    const maps = { values: Float32Array.from([1, 2, 3, 4, 0, 2, -2, 0]), res: 2 };
    const hidden = neuronPlane({ id: 'h1.0', mapIndex: 0, output: false }, maps)!;
    expect(Array.from(hidden.raw)).toEqual([1, 2, 3, 4]);
    expect(Array.from(hidden.shown)).toEqual([1, 2, 3, 4]);
    const output = neuronPlane({ id: 'y', mapIndex: 1, output: true }, maps)!;
    expect(Array.from(output.raw)).toEqual([0, 2, -2, 0]);
    expect(output.shown[1]).toBeCloseTo(Math.tanh(1), 6);
    expect(output.shown[2]).toBeCloseTo(-Math.tanh(1), 6);
    expect(output.res).toBe(2);
  });

  it('shows nothing when there is nothing to show', () => {
    const maps = { values: new Float32Array(4), res: 2 };
    // No maps yet, a map past the end (a frame of a smaller network), an input that is no function of the plane.
    expect(neuronPlane({ id: 'h1.0', mapIndex: 0, output: false }, undefined)).toBeUndefined();
    expect(neuronPlane({ id: 'h1.1', mapIndex: 1, output: false }, maps)).toBeUndefined();
    expect(neuronPlane({ id: 'petal', feature: 'petal', mapIndex: -1, output: false }, maps)).toBeUndefined();
    expect(neuronPlane({ id: 'x1', feature: 'x1', mapIndex: -1, output: false }, undefined)?.res).toBe(
      INPUT_MAP_RES,
    );
  });
});
