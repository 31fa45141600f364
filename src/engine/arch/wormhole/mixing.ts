/**
 * Anderson acceleration's mixing, row by row (a row is one sample: each has its own coefficients), shared by the
 * autodiff solver (anderson.ts, tfjs tensors) and the fused kernel (fusedAnderson.ts, typed arrays). No tfjs here.
 *   history    the last m pairs (X_i, G_i), G_i = Phi(X_i) - X_i, the oldest first
 *   mixing     alpha minimises ||sum alpha_i G_i||^2 + lambda s ||alpha||^2 with sum alpha_i = 1 over a row's
 *              usable pairs (s = the newest |G|^2); the next iterate is sum alpha_i (X_i + damping G_i)
 *   safeguard  (solver 'safeguarded') a row mixes only while its residual r = ||G|| falls:
 *              - a mixed iterate whose residual is not below the residual of the iterate it was mixed from (it grew
 *                or stalled) is rejected: the row's history is dropped and its next iterate is the damped plain
 *                step from the iterate before, X_prev + damping G_prev — where plain iteration would have gone;
 *              - after a plain step whose residual did not fall, the row takes another plain step and starts its
 *                history afresh (so no mix uses points from a phase where the iteration expanded).
 *              A row's first step after a restart is plain (one pair mixes to the plain step). Anderson extrapolates
 *              to any root of Phi(X) - X, repelling ones included; plain iteration from 0 only reaches attracting
 *              ones. Mixing only where the iteration contracts keeps the solve on plain iteration's fixed point.
 * Without the safeguard every row mixes the whole history: Anderson as it always was.
 */

export interface MixOptions {
  andersonM: number;
  andersonLambda: number;
  damping: number;
  safeguard: boolean;
}

/** Each row's state of the (safeguarded) mixing: which pairs it mixes, and the residual it must beat. */
export class MixingRows {
  /** Per row: how many of the newest pairs it mixes; whether its iterate came from a mix of two or more pairs;
   * the residual of the iterate it came from. */
  private usable: Int32Array;
  private mixed: Uint8Array;
  private before: Float64Array;
  /** Rows the safeguard restarted since the last reset. */
  restarts = 0;

  constructor(
    private rows: number,
    private o: MixOptions,
  ) {
    this.usable = new Int32Array(rows);
    this.mixed = new Uint8Array(rows);
    this.before = new Float64Array(rows);
    this.reset();
  }

  reset(): void {
    this.usable.fill(0);
    this.mixed.fill(0);
    this.before.fill(Infinity);
    this.restarts = 0;
  }

  /**
   * The coefficients [rows, M] of each row over the M pairs now in the history (the newest last, just added for
   * the iterate whose residuals are r). `gram(s, k)` is row s's Gram matrix of its newest k residuals (k x k).
   */
  coefficients(
    r: ArrayLike<number>,
    M: number,
    gram: (s: number, k: number) => ArrayLike<number>,
  ): Float32Array {
    const { o } = this;
    const out = new Float32Array(this.rows * M);
    for (let s = 0; s < this.rows; s++) {
      // float32, as the autodiff path reads residuals back; a NaN residual never falls.
      const falling = Math.fround(r[s]) < Math.fround(this.before[s]);
      if (o.safeguard && this.mixed[s] && !falling) {
        this.restarts++;
        this.usable[s] = 0;
        this.mixed[s] = 0;
        out[s * M + M - 2] = 1;
        continue;
      }
      const k = !o.safeguard ? M : falling ? Math.min(this.usable[s] + 1, M) : 1;
      this.usable[s] = k;
      this.mixed[s] = k >= 2 ? 1 : 0;
      this.before[s] = r[s];
      out.set(solveMixing(gram(s, k), k, o.andersonLambda), s * M + M - k);
    }
    return out;
  }
}

/** alpha = (Gram/s + lambda I)^-1 1 / (1' (Gram/s + lambda I)^-1 1), s = newest |G|^2; Gauss-Jordan (m <= 20). */
export function solveMixing(gram: ArrayLike<number>, m: number, lambda: number): Float64Array {
  // lambda is relative to the newest residual's squared norm, so it keeps its meaning as residuals shrink.
  const scale = Math.max(1e-30, gram[(m - 1) * m + (m - 1)]);
  // [Gram/s + lambda I | 1], row by row (w = m + 1 columns); one array, as the fused kernel calls this per sample.
  const w = m + 1;
  const A = new Float64Array(m * w);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) A[i * w + j] = gram[i * m + j] / scale;
    A[i * w + m] = 1;
    A[i * w + i] += lambda;
  }
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r * w + c]) > Math.abs(A[p * w + c])) p = r;
    for (let j = 0; p !== c && j < w; j++) {
      const t = A[c * w + j];
      A[c * w + j] = A[p * w + j];
      A[p * w + j] = t;
    }
    const pivot = A[c * w + c] || 1e-30;
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = A[r * w + c] / pivot;
      for (let j = c; j <= m; j++) A[r * w + j] -= f * A[c * w + j];
    }
  }
  const z = Float64Array.from({ length: m }, (_, i) => A[i * w + m] / (A[i * w + i] || 1e-30));
  const sum = z.reduce((a, b) => a + b, 0);
  return Number.isFinite(sum) && Math.abs(sum) > 1e-30
    ? z.map((v) => v / sum)
    : Float64Array.from({ length: m }, (_, i) => (i === m - 1 ? 1 : 0));
}
