import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, defaultSpec, type ExperimentSpec } from '../../../experiment';
import type { SnapshotRequest } from '../../core/session';
import { frameGap } from '../../testing/reference';
import { MlpSession } from './session';

const MAPS: SnapshotRequest = { heatmapRes: 13, neuronRes: 5 };
/** float32 ops against float64 arithmetic, through a few layers (the worst seen is 9e-7). */
const TOLERANCE = 2e-6;

function spec(activation: ExperimentSpec['mlp']['activation']): ExperimentSpec {
  const s = defaultSpec('mlp');
  s.task.kind = 'circle';
  s.task.numSamples = 80;
  s.task.features = ['x1', 'x2', 'x1^2', 'sin x2'];
  s.mlp = { hiddenLayers: [6, 3, 4], activation };
  s.training = { ...s.training, learningRate: 0.1, batchSize: 9 };
  return s;
}

/** The kernels a call ran. */
async function kernelsOf(run: () => Promise<void>): Promise<string[]> {
  // Every call (kernelNames lists each name once).
  return (await tf.profile(run)).kernels.map((k) => k.name);
}

/**
 * Trains a fused session, puts its weights into an op-path session (the oracle) and takes the same frame from
 * both: the fused one must come from the frame kernel, the oracle's from ops, and they must agree.
 */
async function compare(s: ExperimentSpec, request: SnapshotRequest, steps = 30): Promise<number> {
  return (await frames(s, request, steps)).gap;
}

/** With `bandRows`, the fused session takes the heatmap's grid in bands of that many rows (core/mapBands.ts). */
async function frames(s: ExperimentSpec, request: SnapshotRequest, steps = 30, bandRows?: number) {
  const fused = new MlpSession(s);
  if (bandRows) fused.mapBandRows = bandRows;
  const oracle = new MlpSession(s, { fused: false });
  await fused.train(steps);
  oracle.restore((await fused.snapshot()).weights, fused.step);
  let [a, b] = [await fused.snapshot(request), await oracle.snapshot(request)];
  const bands = bandRows && request.heatmapRes ? Math.ceil(request.heatmapRes ** 2 / bandRows) : 1;
  const made = await kernelsOf(async () => {
    a = await fused.snapshot(request);
  });
  // One frame kernel call per band; the later bands take a slice of the grid, sets of no rows and the weights
  // as the first band read them (Identity: their clones).
  expect(made.filter((k) => k !== 'Slice' && k !== 'Identity')).toEqual(Array(bands).fill('FusedMlpFrame'));
  expect(
    await kernelsOf(async () => {
      b = await oracle.snapshot(request);
    }),
  ).not.toContain('FusedMlpFrame');
  fused.dispose();
  oracle.dispose();
  return { gap: frameGap(a, b), frame: a };
}

describe('the fused MLP frame against the op frame', () => {
  for (const activation of ACTIVATIONS)
    it(`agrees with and without maps: ${activation}`, async () => {
      const { gap, frame } = await frames(spec(activation), MAPS);
      expect(gap).toBeLessThan(TOLERANCE);
      expect([frame.heatmap.length, frame.neuronMaps.length]).toEqual([13 * 13, (6 + 3 + 4 + 1) * 5 * 5]);
      expect(await compare(spec(activation), {})).toBeLessThan(TOLERANCE);
    });

  it('agrees when the heatmap comes in bands of the grid (the last one shorter)', async () => {
    // 13 x 13 = 169 cells in bands of 40: 40, 40, 40, 40, 9 (heads.test.ts: the other heads in bands).
    const { gap, frame } = await frames(spec('tanh'), MAPS, 30, 40);
    expect(gap).toBeLessThan(TOLERANCE);
    expect(frame.heatmap.length).toBe(13 * 13);
  });

  it('agrees on a net of one hidden layer, and with none', async () => {
    const s = spec('tanh');
    s.mlp.hiddenLayers = [1];
    expect(await compare(s, MAPS)).toBeLessThan(TOLERANCE);
    s.mlp.hiddenLayers = [];
    expect(await compare(s, MAPS)).toBeLessThan(TOLERANCE);
  });

  it('agrees on a sequence task (no maps, whatever is asked)', async () => {
    const s = spec('relu');
    s.task = { ...s.task, kind: 'parity', length: 5 };
    const { gap, frame } = await frames(s, MAPS);
    expect(gap).toBeLessThan(TOLERANCE);
    expect([frame.heatmapRes, frame.neuronRes, frame.heatmap.length]).toEqual([0, 0, 0]);
  });

  it('reports NaN as the op frame does when a weight is NaN', async () => {
    const s = spec('relu');
    const [fused, oracle] = [new MlpSession(s), new MlpSession(s, { fused: false })];
    const { weights } = await fused.snapshot();
    weights[3] = NaN;
    fused.restore(weights, 1);
    oracle.restore(weights, 1);
    const [a, b] = [await fused.snapshot(MAPS), await oracle.snapshot(MAPS)];
    expect(a.metrics.trainLoss).toBeNaN();
    expect(frameGap(a, b)).toBeLessThan(TOLERANCE);
    fused.dispose();
    oracle.dispose();
  });

  it('leaves no tensor behind', async () => {
    const s = new MlpSession(spec('tanh'));
    await s.snapshot(MAPS);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await s.snapshot(i % 2 ? MAPS : {});
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });

  describe('on the wasm backend', () => {
    afterAll(() => tf.setBackend('cpu'));
    it('agrees there too', async () => {
      expect(await tf.setBackend('wasm')).toBe(true);
      expect(await compare(spec('sigmoid'), MAPS)).toBeLessThan(TOLERANCE);
    });
  });
});
