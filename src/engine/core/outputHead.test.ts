import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { OutputHead } from '../../experiment';
import { headLoss, headMapOp, headMetricOps } from './headOps';
import { kernelFor } from './layeredSession';
import { headMap, headMetrics, outputGradient, rowLoss } from './outputHead';

const THREE: OutputHead = { kind: 'classes', k: 3 };
const REGRESSION: OutputHead = { kind: 'regression' };
const BINARY: OutputHead = { kind: 'binary' };

/** Mean loss of outputs z [rows, U] against labels t. */
const meanLoss = (head: OutputHead, z: Float64Array, t: number[]) => headMetrics(head, z, t, t.length).loss;

/** Central differences of the mean loss in each output, against outputGradient. */
function gradientGap(head: OutputHead, z: Float64Array, t: number[]): number {
  const d = new Float64Array(z.length);
  outputGradient(head, z, (s) => t[s], t.length, d);
  let worst = 0;
  const h = 1e-5;
  for (let i = 0; i < z.length; i++) {
    const [up, down] = [Float64Array.from(z), Float64Array.from(z)];
    up[i] += h;
    down[i] -= h;
    const fd = (meanLoss(head, up, t) - meanLoss(head, down, t)) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - d[i]) / Math.max(1e-3, Math.abs(d[i])));
  }
  return worst;
}

describe('the output heads', () => {
  it('take the softmax cross-entropy of K logits, as by hand', () => {
    // logits [1, 2, 3]: logsumexp = 3 + log(1 + e^-1 + e^-2) = 3.40760596444438; the loss of label 0 is 2.4076...
    const z = [1, 2, 3];
    expect(rowLoss(THREE, z, 0, 0)).toBeCloseTo(2.40760596444438, 12);
    expect(rowLoss(THREE, z, 0, 2)).toBeCloseTo(0.40760596444438, 12);
    // Equal logits: log K whatever the label.
    expect(rowLoss({ kind: 'classes', k: 4 }, [5, 5, 5, 5], 0, 3)).toBeCloseTo(Math.log(4), 12);
    // The mean over rows: (2.4076... + 0.4076...) / 2.
    expect(meanLoss(THREE, Float64Array.of(1, 2, 3, 1, 2, 3), [0, 2])).toBeCloseTo(1.40760596444438, 12);
  });

  it('takes half the squared error for regression, as the TensorFlow Playground does', () => {
    // rows: (1.5 - 0.5)^2 / 2 = 0.5 and (-1 - 1)^2 / 2 = 2: mean 1.25
    expect(meanLoss(REGRESSION, Float64Array.of(1.5, -1), [0.5, 1])).toBeCloseTo(1.25, 14);
    const d = new Float64Array(2);
    outputGradient(REGRESSION, Float64Array.of(1.5, -1), (s) => [0.5, 1][s], 2, d);
    expect(Array.from(d)).toEqual([0.5, -1]);
  });

  it('give the gradient of the mean loss (central differences, float64)', () => {
    const z = Float64Array.from({ length: 12 }, (_, i) => Math.sin(3 * i) * 2);
    expect(gradientGap(THREE, z, [0, 2, 1, 1])).toBeLessThan(1e-7);
    expect(gradientGap({ kind: 'classes', k: 4 }, z, [3, 0, 2])).toBeLessThan(1e-7);
    expect(gradientGap(REGRESSION, z.subarray(0, 5), [0.3, -2, 1, 0, 4])).toBeLessThan(1e-7);
    expect(gradientGap(BINARY, z.subarray(0, 5), [0, 1, 1, 0, 1])).toBeLessThan(1e-7);
  });

  it('count a confusion matrix as by hand (row = true class, column = predicted)', () => {
    // Predicted (argmax): 2, 0, 1, 2, 2 for true 2, 1, 1, 0, 2.
    const z = [0, 1, 5, 9, 1, 0, 0, 3, 1, 1, 2, 3, -1, -2, 0];
    const m = headMetrics(THREE, z, [2, 1, 1, 0, 2], 5);
    expect(Array.from(m.confusion)).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 2]);
    expect(Array.from(m.predicted)).toEqual([2, 0, 1, 2, 2]);
    expect(m.accuracy).toBe(3 / 5);
    // Binary: z > 0 is class 1; 2 x 2.
    const b = headMetrics(BINARY, [0.5, -1, 2, -0.1], [1, 1, 0, 0], 4);
    expect(Array.from(b.confusion)).toEqual([1, 1, 1, 1]);
    expect(b.accuracy).toBe(0.5);
    const r = headMetrics(REGRESSION, [1, 2], [1, 1], 2);
    expect([r.confusion.length, r.predicted.length, r.accuracy]).toEqual([0, 0, NaN]);
  });

  it('map K probabilities per cell, cell-major, summing to 1', () => {
    const map = headMap(THREE, [0, 0, 0, 1, 2, 3], 2);
    expect(map.length).toBe(6);
    for (const v of map.subarray(0, 3)) expect(v).toBeCloseTo(1 / 3, 6);
    expect(map[3] + map[4] + map[5]).toBeCloseTo(1, 6);
    expect(map[5]).toBeCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), 6);
    expect(Array.from(headMap(REGRESSION, [1.5, -2], 2))).toEqual([1.5, -2]);
  });

  it('as tfjs ops, agree with the typed arrays', () => {
    const zValues = [0, 1, 5, 9, 1, 0, 0, 3, 1, 1, 2, 3, -1, -2, 0];
    const t = [2, 1, 1, 0, 2];
    const ops = tf.tidy(() => {
      const z = tf.tensor2d(zValues, [5, 3]);
      const y = tf.tensor2d(t, [5, 1]);
      const m = headMetricOps(THREE, z, y);
      return [m.loss, m.accuracy, m.confusion, headMapOp(THREE, z)].map((x) => Array.from(x.dataSync()));
    });
    const typed = headMetrics(THREE, zValues, t, 5);
    expect(ops[0][0]).toBeCloseTo(typed.loss, 5);
    expect(ops[1][0]).toBeCloseTo(typed.accuracy, 6);
    expect(ops[2]).toEqual(Array.from(typed.confusion));
    ops[3].forEach((p, i) => expect(p).toBeCloseTo(headMap(THREE, zValues, 5)[i], 6));
    const regression = tf.tidy(() =>
      headLoss(REGRESSION, tf.tensor2d([1.5, -1], [2, 1]), tf.tensor2d([0.5, 1], [2, 1])).dataSync(),
    );
    expect(regression[0]).toBeCloseTo(1.25, 6);
  });
});

describe('the training kernel for a head', () => {
  it('is the typed-array kernel on cpu and wasm whatever the head', () => {
    for (const head of [BINARY, THREE, REGRESSION])
      for (const backend of ['cpu', 'wasm']) expect(kernelFor(backend, head, true, false)).toBe('fused');
  });

  it('is the WGSL kernel on webgpu for the binary head only; other heads train by autodiff there', () => {
    expect(kernelFor('webgpu', BINARY, true, true)).toBe('wgsl');
    expect(kernelFor('webgpu', BINARY, 'always', false)).toBe('wgsl');
    expect(kernelFor('webgpu', BINARY, true, false)).toBe('autodiff');
    for (const head of [THREE, REGRESSION]) {
      expect(kernelFor('webgpu', head, true, true)).toBe('autodiff');
      expect(kernelFor('webgpu', head, 'always', true)).toBe('autodiff');
    }
    expect(kernelFor('cpu', BINARY, false, false)).toBe('autodiff');
    expect(kernelFor('webgl', BINARY, true, true)).toBe('autodiff');
  });
});
