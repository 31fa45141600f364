import { describe, expect, it } from 'vitest';
import { activate } from './fusedStep';

describe("the fused kernels' tanh (one exp instead of Math.tanh)", () => {
  it('equals Math.tanh to 1e-15 from -800 to 800, at 0 and near it; NaN stays NaN; infinities saturate', () => {
    const a = Float64Array.from([
      ...Array.from({ length: 4001 }, (_, i) => -20 + i / 100),
      ...[1e-300, -1e-12, 1e-8, 0, -0, 300, -300, 800, -800, Infinity, -Infinity],
    ]);
    const out = new Float64Array(a.length);
    activate('tanh', a, out);
    a.forEach((v, i) => expect(Math.abs(out[i] - Math.tanh(v))).toBeLessThan(1e-15));
    const nan = new Float64Array(1);
    activate('tanh', Float64Array.from([NaN]), nan);
    expect(nan[0]).toBeNaN();
  });
});
