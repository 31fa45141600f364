import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { defaultSpec } from './defaults';
import { decodeLink, encodeLink, type Trained } from './link';
import { createRng } from './rng';
import { checkTrainingState, shortestFloat32, type TrainingState } from './trainingState';

const weights = { 'dense0/kernel': { shape: [2, 1], values: [0.5, -0.25] } };
const adam: TrainingState = {
  optimizer: 'adam',
  slots: [{ 'dense0/kernel': [0.001, -0.002] }, { 'dense0/kernel': [1e-6, 4e-7] }],
  beta: [0.59, 0.995],
  batches: { rng: 4294967295, cursor: 3, givenBack: [7, 1] },
};

describe('training state in links and files', () => {
  it('writes a float32 as the shortest decimal that reads back to it', () => {
    const rng = createRng(3);
    for (let i = 0; i < 20000; i++) {
      // Float32 values over many magnitudes, both signs.
      const v = Math.fround((rng.next() - 0.5) * 10 ** rng.int(12 - 6));
      const s = shortestFloat32(v);
      expect(Math.fround(s)).toBe(v);
      // Significant digits: at most 9, as float32 needs.
      expect(s.toExponential().split('e')[0].replace(/[-.]/g, '').length).toBeLessThanOrEqual(9);
    }
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(-3.14159265))).toBe(-3.1415927);
    // Not a float32: kept as it is.
    expect(shortestFloat32(0.1 + 0.2)).toBe(0.1 + 0.2);
  });

  it('a link carries the state with the weights and gives it back as it was', () => {
    const trained: Trained = { step: 40, weights, state: adam };
    const decoded = decodeLink(encodeLink(defaultSpec(), trained));
    expect(decoded.problems).toEqual([]);
    expect(decoded.trained).toEqual(trained);
    // Links made before: weights and step, no state, no problem.
    const old = decodeLink(encodeLink(defaultSpec(), { step: 40, weights }));
    expect(old.trained).toEqual({ step: 40, weights });
    expect(old.problems).toEqual([]);
  });

  it.each([
    ['another optimizer name', { ...adam, optimizer: 'rmsprop' }],
    ['a slot too few', { ...adam, slots: [adam.slots[0]] }],
    ['no powers of beta for adam', { ...adam, beta: undefined }],
    ['powers of beta for sgd', { ...adam, optimizer: 'sgd', slots: [] }],
    ['a value that is not finite', { ...adam, slots: [{ 'dense0/kernel': [1, null] }, adam.slots[1]] }],
    ['an RNG state over 32 bits', { ...adam, batches: { ...adam.batches, rng: 2 ** 32 } }],
    ['a negative cursor', { ...adam, batches: { ...adam.batches, cursor: -1 } }],
    ['a fractional index given back', { ...adam, batches: { ...adam.batches, givenBack: [0.5] } }],
    ['no batch order', { ...adam, batches: undefined }],
  ])('refuses a state with %s, and a link with it says its weights are damaged', (_, state) => {
    expect(checkTrainingState(state)).toBeUndefined();
    const w = LZString.compressToEncodedURIComponent(JSON.stringify({ step: 40, weights, state }));
    const decoded = decodeLink(`${encodeLink(defaultSpec())}&w=${w}`);
    expect(decoded.trained).toBeUndefined();
    expect(decoded.problems.join()).toMatch(/trained weights in the link are damaged/);
  });

  it('keeps only the known fields', () => {
    const extra = { ...adam, script: 'alert(1)', batches: { ...adam.batches, more: 1 } };
    expect(checkTrainingState(extra)).toEqual(adam);
  });
});
