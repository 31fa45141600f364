import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultSpec,
  FEATURE_FUNCTIONS,
  gridCoords,
  type DianSpec,
  type ExperimentSpec,
} from '../../../experiment';
import type { SnapshotRequest } from '../../core/session';
import { arrayGap, frameGap } from '../../testing/reference';
import { DianSession } from './session';

const MAPS: SnapshotRequest = { heatmapRes: 11, neuronRes: 4 };
/** float32 ops against float64 arithmetic, through a few layers. */
const TOLERANCE = 2e-6;

function spec(dian: Partial<DianSpec>): ExperimentSpec {
  const s = defaultSpec('dian');
  s.task.kind = 'spiral';
  s.task.numSamples = 80;
  s.task.features = ['x1', 'x2', 'sin x1'];
  s.dian = { ...s.dian, layer1: 6, layer2: 5, ...dian };
  s.training = { ...s.training, batchSize: 8, learningRate: 0.1 };
  return s;
}

/**
 * Trains a fused session, puts its weights and step into an op-path session (the oracle) and takes the same
 * frame from both: the fused one from the frame kernel, the oracle's from ops; the numbers must agree.
 */
async function compare(s: ExperimentSpec, request: SnapshotRequest, steps = 31, bandRows?: number) {
  const fused = new DianSession(s);
  // In bands of the heatmap's grid (core/mapBands.ts): the gate map over the grid comes in the same bands.
  if (bandRows) fused.mapBandRows = bandRows;
  const oracle = new DianSession(s, { fused: false });
  await fused.train(steps);
  oracle.restore((await fused.snapshot()).weights, fused.step);
  let [a, b] = [await fused.snapshot(request), await oracle.snapshot(request)];
  // Every call (kernelNames lists each name once).
  const kernels = async (run: () => Promise<void>) => (await tf.profile(run)).kernels.map((k) => k.name);
  // The gate trace's means are numbers already: the frame kernel is the only kernel, but for the extra path's
  // neuron maps (ops: e = relu(s E + be) over the grid, transposed, packed), in frames with neuron maps only.
  const made = await kernels(async () => {
    a = await fused.snapshot(request);
  });
  const extraOps = ['BatchMatMul', 'Add', 'Relu', 'Transpose', 'Reshape', 'Concat', 'Slice', 'Identity'];
  const bands = bandRows && request.heatmapRes ? Math.ceil(request.heatmapRes ** 2 / bandRows) : 1;
  expect(made.filter((k) => !extraOps.includes(k))).toEqual(Array(bands).fill('FusedDianFrame'));
  if (!request.neuronRes) expect(made).toEqual(['FusedDianFrame']);
  expect(
    await kernels(async () => {
      b = await oracle.snapshot(request);
    }),
  ).not.toContain('FusedDianFrame');
  fused.dispose();
  oracle.dispose();
  expect(frameGap(a, b)).toBeLessThan(TOLERANCE);
  const [x, y] = [a.arch, b.arch];
  const accuracies = (f: typeof x) => [f.testAccuracyGateOn, f.testAccuracyGateOff];
  expect(arrayGap(accuracies(x), accuracies(y))).toBeLessThan(TOLERANCE);
  expect(arrayGap(x.gateMap, y.gateMap)).toBeLessThan(TOLERANCE);
  expect(arrayGap(x.extraMaps!, y.extraMaps!)).toBeLessThan(TOLERANCE);
  return a;
}

describe('the fused DIAN frame against the op frame', () => {
  for (const evaluation of ['on', 'off', 'parity'] as const)
    for (const source of ['x', 'h1'] as const)
      it(`agrees with and without maps: gate ${evaluation} when evaluating, source ${source}`, async () => {
        for (const finalActivation of ['none', 'relu'] as const) {
          const frame = await compare(spec({ evaluation, source, finalActivation }), MAPS);
          expect(frame.arch.gateMap.length).toBe(11 * 11);
          expect(frame.neuronMaps.length).toBe((6 + 5 + 1) * 4 * 4);
          expect(frame.arch.extraMaps!.length).toBe(5 * 4 * 4);
          expect((await compare(spec({ evaluation, source, finalActivation }), {})).arch.gateMap.length).toBe(
            0,
          );
        }
      });

  it('agrees when the heatmap and the gate map come in bands of the grid (the last one shorter)', async () => {
    // 11 x 11 = 121 cells in bands of 25: 25, 25, 25, 25, 21.
    for (const evaluation of ['on', 'parity'] as const) {
      const frame = await compare(spec({ evaluation, source: 'h1' }), MAPS, 31, 25);
      expect([frame.heatmap.length, frame.arch.gateMap.length]).toEqual([121, 121]);
    }
  });

  it('agrees at an odd and an even step with the parity policy (the gate closed, then open)', async () => {
    for (const steps of [7, 8]) await compare(spec({ evaluation: 'parity', period: 2 }), MAPS, steps);
  });

  it('gives a gate trace equal to the one the training kernel reported', async () => {
    const s = new DianSession(spec({}));
    await s.train(20);
    const [withMaps, without] = [await s.snapshot(MAPS), await s.snapshot()];
    expect(withMaps.arch.gateTrace).toEqual(without.arch.gateTrace);
    // Steps 2, 4, ..., 20 are open (period 2): their means are numbers in (0, 1), the rest NaN.
    const trace = Array.from(withMaps.arch.gateTrace.slice(-20));
    trace.forEach((g, i) => (i % 2 === 1 ? expect(g).toBeGreaterThan(0) : expect(g).toBeNaN()));
    s.dispose();
  });

  it('agrees on a sequence task (no maps)', async () => {
    const s = spec({});
    s.task = { ...s.task, kind: 'adding', length: 4 };
    const frame = await compare(s, MAPS);
    expect([frame.heatmapRes, frame.arch.gateMap.length]).toEqual([0, 0]);
  });

  it('leaves no tensor behind', async () => {
    const s = new DianSession(spec({}));
    await s.train(10);
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
      await compare(spec({ source: 'h1' }), MAPS);
    });
  });
});

describe("the extra path's neuron maps", () => {
  it('are e_j = relu(sum_i s_i E_ij + be_j) over the grid, neuron by neuron, for s = x and s = h1', async () => {
    for (const source of ['x', 'h1'] as const) {
      const s = new DianSession(spec({ source }));
      await s.train(9);
      const frame = await s.snapshot(MAPS);
      const w = await s.exportWeights();
      const [E, be] = [w['extra/kernel'].values, w['extra/bias'].values];
      const res = 4;
      const cells = res * res;
      // The source over the grid: the inputs' values (from x's features), or layer 1's maps (h1).
      const grid = gridCoords(res);
      const features = (['x1', 'x2', 'sin x1'] as const).map((f) => FEATURE_FUNCTIONS[f]);
      const sourceAt = (i: number, cell: number) =>
        source === 'h1' ? frame.neuronMaps[i * cells + cell] : features[i](...grid[cell]);
      const width = source === 'h1' ? 6 : 3;
      for (let j = 0; j < 5; j++)
        for (let cell = 0; cell < cells; cell++) {
          let sum = be[j];
          for (let i = 0; i < width; i++) sum += sourceAt(i, cell) * E[i * 5 + j];
          expect(frame.arch.extraMaps![j * cells + cell]).toBeCloseTo(Math.max(0, sum), 4);
        }
      s.dispose();
    }
  });
});
