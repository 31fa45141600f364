import { heaviestWormhole } from '../../../experiment/testing/heaviest';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../../experiment';
import { createSession, sessionOf, SpecError } from '../..';
import { WORK_BUDGET } from '../../core/workBudget';
import { frameWork, gridWithinBudget, MULTIPLY_ADD_WORK, stepWork, sweepWork, workProblem } from './cost';

const heaviest = heaviestWormhole;

const data = { inputWidth: 2, points: 500 };

describe('the Wormhole work estimate', () => {
  it('counts one multiply-add per weight per sweep, and maxIter sweeps only where wormholes make cycles', () => {
    const spec = defaultSpec('wormhole');
    spec.wormhole = { ...spec.wormhole, hidden: [3, 4], wormholes: [{ from: 3, to: 1 }], maxIter: 10 };
    // Layers 2x3 + 3x4 + 4x1; the wormhole 3 -> 1: V is 1x3, its gate kernel 1x1.
    expect(sweepWork(spec.wormhole, 2)).toBe(6 + 12 + 4 + 4);
    spec.training.batchSize = 5;
    spec.wormhole.adjointMaxIter = 7;
    // Forward 10 sweeps, adjoint (7 + 1) vector-Jacobian products of 2 sweeps each.
    expect(stepWork(spec, data)).toBe(5 * (10 + 16) * 26 * MULTIPLY_ADD_WORK);
    expect(frameWork(spec, data, 3)).toBe((500 + 9 + 1) * 10 * 26 * MULTIPLY_ADD_WORK);
    // Without wormholes the graph is acyclic: two sweeps at most, whatever maxIter.
    spec.wormhole.wormholes = [];
    expect(frameWork(spec, data, 0)).toBe(501 * 2 * 22 * MULTIPLY_ADD_WORK);
  });

  it('refuses the heaviest allowed network with what to lower, and what it names fits', () => {
    const spec = heaviest();
    const message = workProblem(spec, data)!;
    expect(message).toMatch(/a training step of this Fixed-Point Wormhole network could take about \d+ s/);
    const maxIter = Number(/Max iterations \(and Adjoint max iterations\) to (\d+)/.exec(message)![1]);
    const batch = Number(/Batch size to (\d+)/.exec(message)![1]);
    const fitted = structuredClone(spec);
    fitted.wormhole.maxIter = maxIter;
    fitted.wormhole.adjointMaxIter = Math.min(maxIter, spec.wormhole.adjointMaxIter);
    fitted.training.batchSize = batch;
    expect(workProblem(fitted, data)).toBeUndefined();
    // Each is the largest that fits.
    expect(
      workProblem({ ...fitted, training: { ...fitted.training, batchSize: batch + 1 } }, data),
    ).toBeDefined();
    fitted.wormhole.maxIter = maxIter + 1;
    expect(workProblem(fitted, data)).toBeDefined();
  });

  it('the session refuses it before building anything (no tensor left behind)', async () => {
    const before = tf.memory().numTensors;
    await expect(createSession(heaviest())).rejects.toThrow(SpecError);
    await expect(createSession(heaviest())).rejects.toThrow(/Lower Max iterations/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a frame that fits only with a coarser grid gets one: the finest within the budget', async () => {
    const spec = defaultSpec('wormhole');
    spec.wormhole = { ...spec.wormhole, hidden: [64, 64, 64], wormholes: [{ from: 3, to: 1 }], maxIter: 60 };
    const res = gridWithinBudget(spec, data, 50);
    expect(res).toBeGreaterThan(8);
    expect(res).toBeLessThan(50);
    expect(frameWork(spec, data, res)).toBeLessThanOrEqual(WORK_BUDGET);
    expect(frameWork(spec, data, res + 1)).toBeGreaterThan(WORK_BUDGET);
    const s = sessionOf(await createSession(spec), 'wormhole');
    const frame = await s.snapshot({ heatmapRes: 100 });
    expect(frame.heatmapRes).toBe(res);
    expect(frame.heatmap).toHaveLength(res * res);
    s.dispose();
    // The default network keeps the full grid.
    const plain = sessionOf(await createSession(defaultSpec('wormhole')), 'wormhole');
    expect((await plain.snapshot({ heatmapRes: 100 })).heatmapRes).toBe(50);
    plain.dispose();
  });
});
