import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec, type WormholeSpec } from '../../../experiment';
import { frameBuffers } from '../../../protocol';
import { WormholeSession } from './session';

/**
 * A fused session's frames (metrics and the replayed solve, in typed arrays) against an autodiff session's (tfjs
 * ops) on the same weights: the same numbers to float32 rounding, the same sweeps.
 */
async function pair(s: ExperimentSpec, steps = 25) {
  const fused = new WormholeSession(s);
  const oracle = new WormholeSession(s, { fused: false });
  await fused.train(steps);
  oracle.restore((await fused.snapshot()).weights, fused.step);
  fused.select([0.8, -1.7]);
  oracle.select([0.8, -1.7]);
  return { fused, oracle };
}

function spec(solver: WormholeSpec['solver'], gate: WormholeSpec['gate'] = 'soft'): ExperimentSpec {
  const s = defaultSpec('wormhole');
  s.task.numSamples = 120;
  s.wormhole = { ...s.wormhole, solver, gate, gateBias: gate === 'soft' ? s.wormhole.gateBias : 0.5 };
  return s;
}

describe('the Wormhole frame from typed arrays (fused sessions)', () => {
  for (const [solver, gate] of [
    ['plain', 'soft'],
    ['anderson', 'soft'],
    ['safeguarded', 'soft'],
    ['plain', 'hard'],
    ['plain', 'relu'],
  ] as const) {
    it(`metrics and the replay equal the tfjs ops' (${solver}, ${gate} gates)`, async () => {
      expect(tf.getBackend()).toBe('cpu');
      const { fused, oracle } = await pair(spec(solver, gate));
      expect(fused.isFused && !oracle.isFused).toBe(true);
      const [a, b] = [await fused.evaluate(), await oracle.evaluate()];
      for (const key of ['trainLoss', 'testLoss'] as const) expect(a[key]).toBeCloseTo(b[key], 5);
      // Accuracy may differ by a sample whose output sits within rounding of 0.
      for (const key of ['trainAccuracy', 'testAccuracy'] as const)
        expect(Math.abs(a[key] - b[key])).toBeLessThan(0.02);
      const [ra, rb] = [await fused.replay(), await oracle.replay()];
      expect(ra.iterations).toBe(rb.iterations);
      expect(ra.stop).toBe(rb.stop);
      expect(ra.states).toHaveLength(rb.states.length);
      ra.states.forEach((state, k) => state.forEach((v, i) => expect(v).toBeCloseTo(rb.states[k][i], 5)));
      ra.relResidual.forEach((v, k) => expect(v).toBeCloseTo(rb.relResidual[k], 5));
      ra.gates.forEach((g, k) => g.forEach((v, i) => expect(v).toBeCloseTo(rb.gates[k][i], 5)));
      const request = { heatmapRes: 12 };
      const [fa, fb] = [await fused.snapshot(request), await oracle.snapshot(request)];
      expect(fa.heatmapRes).toBe(12);
      for (const key of ['heatmap', 'neuronMaps'] as const) {
        expect(fa[key]).toHaveLength(fb[key].length);
        fa[key].forEach((v, i) => expect(v).toBeCloseTo(fb[key][i], 5));
      }
      // Each grid point's sweeps: equal but for a point whose residual sits within rounding of tol.
      const differ = fa.arch.iterationMap.filter((v, i) => v !== fb.arch.iterationMap[i]).length;
      expect(differ).toBeLessThanOrEqual(2);
      expect(new Set(fa.arch.iterationMap).size).toBeGreaterThan(1);
      // What the sweeps map shows, from either path.
      const [sa, sb] = [fa.arch.sweepsRelations!, fb.arch.sweepsRelations!];
      expect(sa.gate).toBeCloseTo(sb.gate, 1);
      expect(sa.boundaryDistance).toBeCloseTo(sb.boundaryDistance, 1);
      expect([sa.minSweeps, sa.maxSweeps]).toEqual([sb.minSweeps, sb.maxSweeps]);
      fused.dispose();
      oracle.dispose();
    });
  }

  it('a frame of a fused session reads no sweep back from the device for its metrics and replay', async () => {
    const { fused, oracle } = await pair(spec('plain'), 5);
    const kernels = async (run: () => Promise<unknown>) =>
      (
        await tf.profile(async () => {
          await run();
        })
      ).kernels.length;
    // The op path runs tens of kernels per sweep; the typed-array path only reads its weights and sets.
    expect(await kernels(() => fused.evaluate())).toBe(0);
    expect(await kernels(() => oracle.evaluate())).toBeGreaterThan(100);
    fused.dispose();
    oracle.dispose();
  });

  it('a frame on a sequence task (no maps) can be posted: each of its arrays has its own buffer', async () => {
    const s = defaultSpec('wormhole');
    s.task.kind = 'temporal-xor';
    const session = new WormholeSession(s);
    await session.train(1);
    const frame = await session.snapshot({ heatmapRes: 100 });
    expect(frame.heatmapRes).toBe(0);
    const buffers = [frame.heatmap, frame.neuronMaps, frame.arch.iterationMap, frame.weights].map(
      (a) => a.buffer,
    );
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(() => structuredClone(frame, { transfer: frameBuffers(frame) })).not.toThrow();
    session.dispose();
  });
});
