/**
 * Anderson acceleration on tfjs tensors for the autodiff solver's forward and adjoint solves (states [n, D], one
 * row per sample), with the mixing and safeguard of mixing.ts:
 *   X <- sum over the history's pairs of alpha_i (X_i + damping G_i),  alpha per row from its Gram matrix
 * The small per-row systems are solved on the CPU from the Gram matrices (one read per step).
 */
import * as tf from '@tensorflow/tfjs-core';
import { MixingRows, type MixOptions } from './mixing';

export class TensorAnderson {
  /** The last m iterates and residuals, the oldest first. */
  private ring: { X: tf.Tensor2D; G: tf.Tensor2D }[] = [];
  private rowsState: MixingRows;

  constructor(
    private rows: number,
    private o: MixOptions,
  ) {
    this.rowsState = new MixingRows(rows, o);
  }

  /**
   * The next iterate after X, with F = Phi(X) and r[s] = ||F_s - X_s|| of each row (read back); and each row's
   * coefficients over the history's M pairs (the newest last), for replaying the iteration.
   */
  async step(
    X: tf.Tensor2D,
    F: tf.Tensor2D,
    r: ArrayLike<number>,
  ): Promise<{ next: tf.Tensor2D; alpha: Float32Array; M: number }> {
    const { ring, o, rows } = this;
    ring.push({ X: X.clone(), G: tf.sub(F, X) });
    if (ring.length > o.andersonM) {
      const old = ring.shift()!;
      tf.dispose([old.X, old.G]);
    }
    const M = ring.length;
    const gramT = tf.tidy(() => {
      const G = tf.stack(
        ring.map((h) => h.G),
        1,
      ) as tf.Tensor3D;
      return tf.matMul(G, G, false, true);
    });
    const gram = (await gramT.data()) as Float32Array;
    gramT.dispose();
    const block = new Float32Array(M * M);
    const alpha = this.rowsState.coefficients(r, M, (s, k) => {
      // Row s's Gram of its newest k residuals: the bottom-right k x k block of its M x M matrix.
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) block[i * k + j] = gram[s * M * M + (M - k + i) * M + (M - k + j)];
      return block.subarray(0, k * k);
    });
    const next = tf.tidy(() => {
      const a = tf.tensor2d(alpha, [rows, M]);
      let sum = tf.zeros(X.shape) as tf.Tensor2D;
      ring.forEach((h, i) => {
        const ai = tf.slice(a, [0, i], [rows, 1]);
        sum = tf.add(sum, tf.mul(ai, tf.add(h.X, tf.mul(o.damping, h.G))));
      });
      return sum;
    });
    return { next, alpha, M };
  }

  /** Rows the safeguard restarted so far. */
  get restarts(): number {
    return this.rowsState.restarts;
  }

  dispose(): void {
    for (const h of this.ring) tf.dispose([h.X, h.G]);
    this.ring = [];
  }
}
