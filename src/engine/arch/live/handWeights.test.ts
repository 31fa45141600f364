import { describe, expect, it } from 'vitest';
import { handWeights } from './handWeights';

const set = (weights: number[], index: number, value: number, beta = false) =>
  handWeights('h1', weights, { name: 'neuron/h1', index, value }, beta);
const putBack = (weights: number[], restore: unknown[], beta = false) =>
  handWeights('h1', weights, { name: 'neuron/h1', index: 0, value: 0, restore: restore as number[] }, beta);

/** Each value close to the expected one (hand-computed; float64 rounding only). */
function expectWeights(got: number[] | string, expected: number[]) {
  if (typeof got === 'string') throw new Error(got);
  expect(got).toHaveLength(expected.length);
  got.forEach((w, j) => expect(w).toBeCloseTo(expected[j], 12));
}

describe('a Dynamic-Live weight set by hand', () => {
  it('sets it and scales the others to share the rest in their proportions: the sum stays 1', () => {
    // Others 0.3 and 0.5 share 1 - 0.6 = 0.4 as 3 : 5.
    expectWeights(set([0.2, 0.3, 0.5], 0, 0.6), [0.6, 0.15, 0.25]);
    expectWeights(set([0.2, 0.3, 0.5], 2, 1), [0, 0, 1]);
    // 0: the connection is left unconnected (the README's rule may rewire it after a negative reward).
    expectWeights(set([0.2, 0.3, 0.5], 1, 0), [0.2 / 0.7, 0, 0.5 / 0.7]);
    // Others at 0 stay at 0: an unconnected source is not reconnected by another's weight.
    expectWeights(set([0, 0.4, 0.6], 1, 0.1), [0, 0.1, 0.9]);
  });

  it('as the README describes: from 0 to 1 only; as the beta code does, negative too (the sum still 1)', () => {
    for (const v of [1.5, -0.1, NaN]) expect(set([0.5, 0.5], 0, v)).toMatch(/from 0 to 1/);
    // Beta: others 0.3 + 0.5 share 1.5, scaled by 1.875.
    expectWeights(set([0.2, 0.3, 0.5], 0, -0.5, true), [-0.5, 0.5625, 0.9375]);
  });

  it('refuses another value for a single source, and a rest that the others (summing to 0) cannot share', () => {
    expect(set([1], 0, 0.5)).toMatch(/one source: its weight is always 1/);
    expectWeights(set([1], 0, 1), [1]);
    expect(set([1, 0, 0], 0, 0.4)).toMatch(/other weights of h1 sum to 0/);
    expectWeights(set([1, 0, 0], 1, 0.3), [0.7, 0.3, 0]);
    // Beta: others summing to 0 stay when v = 1.
    expectWeights(set([1, 0.5, -0.5], 0, 1, true), [1, 0.5, -0.5]);
    expect(set([1, 0.5, -0.5], 0, 2, true)).toMatch(/sum to 0/);
    // Beta: others that cancel but for rounding (0.3 - 0.1 - 0.2 = -2.8e-17) would be scaled to ~1e16: refused.
    expect(set([0.4, 0.3, -0.1, -0.2], 0, 0.5, true)).toMatch(/nearly cancel: .* larger than ±1000000/);
  });

  it('puts a whole list back, divided by its sum; a set undone by putting the list back is that list', () => {
    expectWeights(putBack([0.6, 0.15, 0.25], [1, 1, 2]), [0.25, 0.25, 0.5]);
    const before = [0.2, 0.3, 0.5];
    const after = set(before, 2, 1) as number[];
    expectWeights(putBack(after, before), before);
    expect(putBack([0.5, 0.5], [1])).toMatch(/takes 2 finite weights/);
    expect(putBack([0.5, 0.5], [1, NaN])).toMatch(/takes 2 finite weights/);
    expect(putBack([0.5, 0.5], ['1', 0])).toMatch(/takes 2 finite weights/);
    expect(putBack([0.5, 0.5], [1.5, -0.5])).toMatch(/cannot be negative/);
    expectWeights(putBack([0.5, 0.5], [1.5, -0.5], true), [1.5, -0.5]);
    expect(putBack([0.5, 0.5], [0, 0])).toMatch(/must not sum to 0/);
  });
});
