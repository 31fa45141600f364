/**
 * Anderson acceleration on typed arrays for the fused kernel's forward and adjoint solves, row by row, with the
 * mixing and safeguard of mixing.ts (the autodiff solver's anderson.ts does the same on tensors):
 *   X <- sum over the history's pairs of alpha_i (X_i + damping G_i),  alpha per row from its Gram matrix
 *   (float32, as the autodiff path reads it back).
 */
import { MixingRows, type MixOptions } from './mixing';

export class RowAnderson {
  /** The last m iterates and residuals, the oldest first (the oldest pair is reused for the newest). */
  private ring: { X: Float64Array; G: Float64Array }[] = [];
  private rowsState: MixingRows;
  private gram: Float32Array;

  constructor(
    private rows: number,
    private D: number,
    private o: MixOptions,
  ) {
    this.rowsState = new MixingRows(rows, o);
    this.gram = new Float32Array(o.andersonM * o.andersonM);
  }

  /** Rows the safeguard restarted since the last reset. */
  get restarts(): number {
    return this.rowsState.restarts;
  }

  reset(): void {
    this.ring = [];
    this.rowsState.reset();
  }

  /** X (the iterate) becomes the next iterate; F = Phi(X); r[s] = ||F_s - X_s|| of each row. */
  step(X: Float64Array, F: Float64Array, r: ArrayLike<number>): void {
    const { o, rows, D, ring } = this;
    const entry =
      ring.length >= o.andersonM
        ? ring.shift()!
        : { X: new Float64Array(X.length), G: new Float64Array(X.length) };
    entry.X.set(X);
    for (let i = 0; i < X.length; i++) entry.G[i] = F[i] - X[i];
    ring.push(entry);
    const M = ring.length;
    const alpha = this.rowsState.coefficients(r, M, (s, k) => {
      const gram = this.gram.subarray(0, k * k);
      for (let i = 0; i < k; i++)
        for (let j = i; j < k; j++) {
          const [gi, gj] = [ring[M - k + i].G, ring[M - k + j].G];
          let v = 0;
          for (let d = s * D; d < (s + 1) * D; d++) v += gi[d] * gj[d];
          gram[i * k + j] = gram[j * k + i] = v;
        }
      return gram;
    });
    X.fill(0);
    ring.forEach((h, i) => {
      for (let s = 0; s < rows; s++) {
        const a = alpha[s * M + i];
        if (a === 0) continue;
        for (let d = s * D; d < (s + 1) * D; d++) X[d] += a * (h.X[d] + o.damping * h.G[d]);
      }
    });
  }
}
