/**
 * A Wormhole frame's solves in slices (issue 10, Pause within one frame): awaiting between sweeps changes no
 * number, and the solves do await between their sweeps.
 */
import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../../experiment';
import { fixedValues } from '../../testing/headGradient';
import { gridMaps, setMetrics, setMetricsSliced, type EvalOptions } from './fusedEval';

describe('the Wormhole frame in slices', () => {
  it('maps and metrics solved with awaits between sweeps equal those solved in one go', async () => {
    const [n0, widths] = [2, [4, 3, 1]];
    const o: EvalOptions = {
      ...defaultSpec('wormhole').wormhole,
      solver: 'anderson',
      tol: 1e-7,
      gate: 'soft',
      wormholes: [{ from: 3, to: 1 }],
      inputWidth: n0,
      widths,
      head: { kind: 'binary' },
    };
    const sizes = [n0 * 4, 4, 4 * 3, 3, 3 * 1, 1, 1 * 4, 4, 1];
    const weights = sizes.map((n, k) => Float32Array.from(fixedValues(n, k)));
    const rows = 400;
    const grid = Float64Array.from(fixedValues(rows * n0, 11)).map((v) => 3 * v);
    let awaited = 0;
    const between = async () => void awaited++;
    const whole = await gridMaps(o, weights, grid, rows);
    const sliced = await gridMaps(o, weights, grid, rows, between);
    expect(sliced).toEqual(whole);
    // The grid's solve took several sweeps: one await after each but the last.
    const sweeps = Math.max(...whole.iterationMap);
    expect(sweeps).toBeGreaterThan(2);
    expect(awaited).toBe(sweeps - 1);
    awaited = 0;
    const set = { x: grid, labels: Float32Array.from({ length: rows }, (_, i) => i % 2) };
    expect(await setMetricsSliced(o, weights, set, between)).toEqual(setMetrics(o, weights, set));
    expect(awaited).toBe(sweeps - 1);
  });
});
