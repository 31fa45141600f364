/**
 * One sweep Phi of the Wormhole network on typed arrays, and its vector-Jacobian products, for the fused kernel
 * (the maths of model.ts; states flattened per sample, layer l at columns off_l .. off_l + n_l of D):
 *   forward   a_l = h_{l-1} W_l + b_l + sum over wormholes j->l of g p,   p = X_j V,  g = gate(z),  z = X_j c + d
 *             F_l = act_l(a_l)   (h_0 = x; h_{l-1} = F_{l-1} of this sweep; X_j the iterate's layer j > l;
 *             act_L: tanh for the binary head, linear for the others, head.ts)
 *   backward  with U = dE/dF, from l = L down to 1:
 *             da_l = (U_l + da_{l+1} W_{l+1}^T) act_l'(a_l);   dW_l = h_{l-1}^T da_l,  db_l = sum da_l
 *             per wormhole j->l: dg = sum_i da_l,i p_i;  dV = X_j^T (g da_l);  dc = X_j^T dz', dd = sum dz';
 *             dX_j += (g da_l) V^T + dz c^T   with dz = dg gate'(z) and dz' = dg gate'_theta(z)
 *             act': tanh 1 - F^2, relu [a > 0], linear 1;  gate' (as tfjs's gradients and model.ts's hard gate):
 *             soft g (1 - g) (both);  hard 1/4 [-2 <= z <= 2], and straight-through 1/4 for c, d;  relu [z > 0]
 *   U J = dX (the product with the Jacobian in the iterate), U dPhi/dtheta = the weights' gradients.
 * Weights in DESIGN's order: W_1, b_1, ..., W_L, b_L, then V, c, d of each wormhole.
 */
import type { OutputHead, WormholeSpec } from '../../../experiment';
import { back, dense, denseGrads } from '../../core/fused';
import { tanhOutput } from './head';

export type SweepShape = Pick<WormholeSpec, 'wormholes' | 'activation' | 'gate'> & {
  inputWidth: number;
  /** Widths of layers 1..L (the output last, headUnits(head) wide). */
  widths: number[];
  head: OutputHead;
};

// NaN stays NaN through relu and its gradient, as in tfjs.
const relu = (a: number) => (a > 0 || Number.isNaN(a) ? a : 0);
const step = (a: number) => (a > 0 ? 1 : Number.isNaN(a) ? NaN : 0);
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));
const linear = (a: number) => a;
/**
 * The hard gate clip(0.5 + z / 4, 0, 1) (NaN stays NaN) and its slope for the states: 1/4 where 0 <= 0.5 + z/4
 * <= 1, ends included as in tfjs's clipByValue gradient, else (and at NaN) 0.
 */
const hardGate = (z: number) => Math.min(1, Math.max(0, 0.5 + 0.25 * z));
const hardSlope = (z: number) => {
  const v = 0.5 + 0.25 * z;
  return v >= 0 && v <= 1 ? 0.25 : 0;
};

interface Hole {
  from: number;
  to: number;
  V: Float32Array;
  c: Float32Array;
  d: Float32Array;
  /** Weight indices of V, c, d. */
  index: number;
  z: Float64Array;
  g: Float64Array;
  p: Float64Array;
}

export class FusedSweep {
  readonly D: number;
  readonly offsets: number[];
  private L: number;
  private holes: Hole[];
  /** Pre-activations a_l and outputs h_l (= F_l) of the last forward sweep, and the back-propagated da_l. */
  private a: Float64Array[];
  private h: Float64Array[];
  private da: Float64Array[];
  private dz: Float64Array;
  /** The gate's own parameters' dz (the hard gate's straight-through slope; else dz). */
  private dzGate: Float64Array;

  constructor(
    private shape: SweepShape,
    private w: Float32Array[],
    private rows: number,
  ) {
    const { widths } = shape;
    this.L = widths.length;
    this.offsets = widths.map((_, l) => widths.slice(0, l).reduce((s, n) => s + n, 0));
    this.D = widths.reduce((s, n) => s + n, 0);
    this.a = widths.map((n) => new Float64Array(rows * n));
    this.h = widths.map((n) => new Float64Array(rows * n));
    this.da = widths.map((n) => new Float64Array(rows * n));
    this.dz = new Float64Array(rows);
    this.dzGate = new Float64Array(rows);
    this.holes = shape.wormholes.map(({ from, to }, h) => {
      const index = 2 * this.L + 3 * h;
      return {
        from,
        to,
        V: w[index],
        c: w[index + 1],
        d: w[index + 2],
        index,
        z: new Float64Array(rows),
        g: new Float64Array(rows),
        p: new Float64Array(rows * widths[to - 1]),
      };
    });
  }

  /** F = Phi(X) for the input rows x; keeps what the backward pass needs. */
  forward(x: Float64Array, X: Float64Array, F: Float64Array): void {
    const { rows, D, w } = this;
    const { widths } = this.shape;
    for (let l = 0; l < this.L; l++) {
      const [a, h, nOut] = [this.a[l], this.h[l], widths[l]];
      dense(l === 0 ? x : this.h[l - 1], w[2 * l], w[2 * l + 1], rows, a);
      for (const hole of this.holes) {
        if (hole.to !== l + 1) continue;
        const [nj, from] = [widths[hole.from - 1], this.offsets[hole.from - 1]];
        for (let s = 0; s < rows; s++) {
          let z = hole.d[0];
          for (let i = 0; i < nj; i++) z += X[s * D + from + i] * hole.c[i];
          const kind = this.shape.gate;
          const g = kind === 'hard' ? hardGate(z) : kind === 'relu' ? relu(z) : sigmoid(z);
          hole.z[s] = z;
          hole.g[s] = g;
          for (let j = 0; j < nOut; j++) {
            let p = 0;
            for (let i = 0; i < nj; i++) p += X[s * D + from + i] * hole.V[i * nOut + j];
            hole.p[s * nOut + j] = p;
            a[s * nOut + j] += g * p;
          }
        }
      }
      const act = this.activation(l);
      const out = this.offsets[l];
      for (let s = 0; s < rows; s++)
        for (let j = 0; j < nOut; j++) F[s * D + out + j] = h[s * nOut + j] = act(a[s * nOut + j]);
    }
  }

  /** Layer l's activation (from 0): the output layer's is the head's (tanh or linear), the others' the spec's. */
  private activation(l: number): (a: number) => number {
    if (l === this.L - 1) return tanhOutput(this.shape.head) ? Math.tanh : linear;
    return this.shape.activation === 'tanh' ? Math.tanh : relu;
  }

  /** Each row's gate value, the mean over the wormholes, at the iterate of the last forward sweep. */
  gatePerRow(): Float64Array {
    const out = new Float64Array(this.rows);
    for (const hole of this.holes)
      for (let s = 0; s < this.rows; s++) out[s] += hole.g[s] / this.holes.length;
    return out;
  }

  /** The mean gate value of each wormhole over the rows, at the iterate of the last forward sweep. */
  gateMeans(): number[] {
    return this.holes.map((hole) => hole.g.reduce((s, g) => s + g, 0) / this.rows);
  }

  /**
   * dX = U J at the last forward sweep's iterate X; with `grads`, also U dPhi/dtheta into them (overwritten).
   * x is the sweep's input rows.
   */
  backward(
    x: Float64Array,
    X: Float64Array,
    U: Float64Array,
    dX: Float64Array,
    grads?: Float64Array[],
  ): void {
    const { rows, D, w } = this;
    const { widths } = this.shape;
    dX.fill(0);
    grads?.forEach((g) => g.fill(0));
    for (let l = this.L - 1; l >= 0; l--) {
      const [a, h, da, nOut, out] = [this.a[l], this.h[l], this.da[l], widths[l], this.offsets[l]];
      const act = this.activation(l);
      const [tanh, rectified] = [act === Math.tanh, act === relu];
      for (let s = 0; s < rows; s++)
        for (let j = 0; j < nOut; j++) {
          const k = s * nOut + j;
          const up = U[s * D + out + j] + (l < this.L - 1 ? da[k] : 0);
          da[k] = up * (tanh ? 1 - h[k] * h[k] : rectified ? step(a[k]) : 1);
        }
      if (grads) denseGrads(l === 0 ? x : this.h[l - 1], da, rows, grads[2 * l], grads[2 * l + 1]);
      for (const hole of this.holes) {
        if (hole.to !== l + 1) continue;
        const [nj, from] = [widths[hole.from - 1], this.offsets[hole.from - 1]];
        for (let s = 0; s < rows; s++) {
          let dg = 0;
          for (let j = 0; j < nOut; j++) dg += da[s * nOut + j] * hole.p[s * nOut + j];
          const [g, z, kind] = [hole.g[s], hole.z[s], this.shape.gate];
          const dz = dg * (kind === 'hard' ? hardSlope(z) : kind === 'relu' ? step(z) : g * (1 - g));
          this.dz[s] = dz;
          this.dzGate[s] = kind === 'hard' ? 0.25 * dg : dz;
          for (let i = 0; i < nj; i++) {
            let v = dz * hole.c[i];
            for (let j = 0; j < nOut; j++) v += g * da[s * nOut + j] * hole.V[i * nOut + j];
            dX[s * D + from + i] += v;
          }
        }
        if (grads) {
          const [gV, gc, gd] = [grads[hole.index], grads[hole.index + 1], grads[hole.index + 2]];
          for (let s = 0; s < rows; s++) {
            const [g, dz] = [hole.g[s], this.dzGate[s]];
            gd[0] += dz;
            for (let i = 0; i < nj; i++) {
              const xi = X[s * D + from + i];
              gc[i] += xi * dz;
              for (let j = 0; j < nOut; j++) gV[i * nOut + j] += xi * g * da[s * nOut + j];
            }
          }
        }
      }
      // da_{l-1} starts as da_l W_l^T (this sweep's h_{l-1} feeds layer l).
      if (l > 0) back(da, w[2 * l], rows, this.da[l - 1]);
    }
  }
}
