import { describe, expect, it } from 'vitest';
import { createRng } from '../../../experiment';
import { FusedSweep, type SweepShape } from './fusedSweep';

/** A tiny net: 3 inputs, layers 4-3-2, three wormholes (two into layer 1), 3 rows; weights and states random. */
function tiny(activation: SweepShape['activation'], gate: SweepShape['gate']) {
  const shape: SweepShape = {
    inputWidth: 3,
    widths: [4, 3, 2],
    head: { kind: 'binary' },
    wormholes: [
      { from: 3, to: 1 },
      { from: 2, to: 1 },
      { from: 3, to: 2 },
    ],
    activation,
    gate,
  };
  const rng = createRng(11);
  const random = (n: number) => Float64Array.from({ length: n }, () => rng.uniform(-1, 1));
  const sizes = [12, 4, 12, 3, 6, 2, ...[8, 2, 1], ...[12, 3, 1], ...[6, 2, 1]];
  const weights = sizes.map((n) => Float32Array.from(random(n)));
  const rows = 3;
  const sweep = new FusedSweep(shape, weights, rows);
  return { sweep, weights, x: random(rows * 3), X: random(rows * sweep.D), U: random(rows * sweep.D), rows };
}

describe("the fused sweep's vector-Jacobian products against central differences", () => {
  for (const activation of ['tanh', 'relu'] as const)
    for (const gate of ['soft', 'hard'] as const)
      it(`${activation}, ${gate} gates: U J and U dPhi/dtheta of E = sum U * Phi(X)`, () => {
        const { sweep, weights, x, X, U, rows } = tiny(activation, gate);
        const F = new Float64Array(rows * sweep.D);
        const energy = () => {
          sweep.forward(x, X, F);
          return F.reduce((e, f, i) => e + f * U[i], 0);
        };
        energy();
        const dX = new Float64Array(X.length);
        const grads = weights.map((w) => new Float64Array(w.length));
        sweep.backward(x, X, U, dX, grads);
        // The iterate is float64: a small step, error ~h^2.
        const h = 1e-6;
        X.forEach((v, i) => {
          X[i] = v + h;
          const plus = energy();
          X[i] = v - h;
          const minus = energy();
          X[i] = v;
          expect(Math.abs(dX[i] - (plus - minus) / (2 * h)), `dX[${i}]`).toBeLessThan(1e-7);
        });
        // Weights are float32: a step float32 represents, divided by the change it really made.
        const step = 2 ** -12;
        weights.forEach((w, k) =>
          w.forEach((v, i) => {
            w[i] = v + step;
            const [up, plus] = [w[i], energy()];
            w[i] = v - step;
            const [down, minus] = [w[i], energy()];
            w[i] = v;
            const fd = (plus - minus) / (up - down);
            expect(Math.abs(grads[k][i] - fd), `weight ${k}[${i}]`).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
          }),
        );
        // Some wormhole sources get a gradient (the products reach X at all).
        expect(dX.some((v) => v !== 0)).toBe(true);
      });
});
