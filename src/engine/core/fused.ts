/**
 * The arithmetic the fused training kernels share (src/engine/arch/<name>/fusedStep.ts), on row-major typed arrays,
 * following tfjs's maths exactly so that a fused step equals the autodiff step to float32 rounding (the output
 * head's loss and dL/dz are in outputHead.ts):
 *   dense      out = h K + b                          (h [B, in], K [in, out], b [out])
 *   grads      dK = h^T d,  db = sum over rows of d
 *   back       dh = d K^T
 *   R'         l1: rate * (w > 0 ? 1 : -1) (tfjs's abs gradient at 0 is -1);  l2: rate * w (R = 0.5 sum w^2)
 *   sgd        w -= lr g
 *   momentum   v = 0.9 v + g,  w -= lr v
 *   adam       m = b1 m + (1 - b1) g,  v = b2 v + (1 - b2) g^2,
 *              w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps),  then b1^t *= b1, b2^t *= b2
 * A weight outside a step's graph (the DIAN's extra path on a closed step) gets no update and keeps its slots,
 * as tfjs's optimizers skip a variable without a gradient; Adam's b^t still advance, as tfjs's do.
 */
import type { OptimizerKind, Regularization } from '../../experiment';

/** The optimizers' constants, for both training paths (createOptimizer gives them to tfjs). */
export const MOMENTUM = 0.9;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
// tfjs multiplies by float32 scalars: the same constants, rounded as it rounds them.
const [M32, B1, B2] = [MOMENTUM, ADAM_BETA1, ADAM_BETA2].map(Math.fround);
const [ONE_MINUS_B1, ONE_MINUS_B2] = [1 - ADAM_BETA1, 1 - ADAM_BETA2].map(Math.fround);

/** The optimizer's state per weight: momentum's accumulator, or Adam's two moments; and Adam's b1^t, b2^t. */
export interface OptimizerState {
  slots: Float32Array[][];
  beta: Float32Array;
}

export interface UpdateOptions {
  optimizer: OptimizerKind;
  learningRate: number;
  regularization: Regularization;
  regularizationRate: number;
  /** Adam's epsilon (the backend's, as tfjs uses it). */
  epsilon: number;
}

/** The slots a fresh optimizer starts with, for weights of these sizes. */
export function freshState(optimizer: OptimizerKind, sizes: number[]): OptimizerState {
  const count = optimizer === 'adam' ? 2 : optimizer === 'momentum' ? 1 : 0;
  return {
    slots: Array.from({ length: count }, () => sizes.map((n) => new Float32Array(n))),
    beta: Float32Array.from([B1, B2]),
  };
}

// The loops below run innermost along a row of K (contiguous), with the row offsets hoisted: they are the
// whole cost of a fused step.

export function dense(
  h: ArrayLike<number>,
  K: Float32Array,
  b: Float32Array,
  rows: number,
  out: Float64Array,
): void {
  const nOut = b.length;
  const nIn = K.length / nOut;
  for (let s = 0; s < rows; s++) {
    const o = s * nOut;
    for (let j = 0; j < nOut; j++) out[o + j] = b[j];
    for (let i = 0; i < nIn; i++) {
      const v = h[s * nIn + i];
      const k = i * nOut;
      for (let j = 0; j < nOut; j++) out[o + j] += v * K[k + j];
    }
  }
}

export function denseGrads(
  h: ArrayLike<number>,
  d: Float64Array,
  rows: number,
  gK: Float64Array,
  gb: Float64Array,
) {
  const nOut = gb.length;
  const nIn = gK.length / nOut;
  gK.fill(0);
  gb.fill(0);
  for (let s = 0; s < rows; s++) {
    const o = s * nOut;
    for (let j = 0; j < nOut; j++) gb[j] += d[o + j];
    for (let i = 0; i < nIn; i++) {
      const v = h[s * nIn + i];
      const k = i * nOut;
      for (let j = 0; j < nOut; j++) gK[k + j] += v * d[o + j];
    }
  }
}

/** dh = d K^T, added to dh when `add` (a layer read by two paths). */
export function back(d: Float64Array, K: Float32Array, rows: number, dh: Float64Array, add = false): void {
  const nIn = dh.length / rows;
  const nOut = K.length / nIn;
  for (let s = 0; s < rows; s++) {
    const o = s * nOut;
    for (let i = 0; i < nIn; i++) {
      const k = i * nOut;
      let v = 0;
      for (let j = 0; j < nOut; j++) v += d[o + j] * K[k + j];
      dh[s * nIn + i] = add ? dh[s * nIn + i] + v : v;
    }
  }
}

export function addRegularization(o: UpdateOptions, K: Float32Array, g: Float64Array): void {
  const rate = o.regularizationRate;
  if (o.regularization === 'none' || rate === 0) return;
  for (let i = 0; i < K.length; i++)
    g[i] += o.regularization === 'l1' ? (K[i] > 0 ? rate : -rate) : rate * K[i];
}

/** One optimizer step on every weight k with `inGraph(k)`. */
export function update(
  o: UpdateOptions,
  weights: Float32Array[],
  grads: Float64Array[],
  state: OptimizerState,
  inGraph: (k: number) => boolean = () => true,
): void {
  const lr = o.learningRate;
  const [b1t, b2t] = state.beta;
  for (let k = 0; k < weights.length; k++) {
    if (!inGraph(k)) continue;
    const [w, g] = [weights[k], grads[k]];
    if (o.optimizer === 'sgd') {
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
    } else if (o.optimizer === 'momentum') {
      const v = state.slots[0][k];
      for (let i = 0; i < w.length; i++) {
        v[i] = M32 * v[i] + g[i];
        w[i] -= lr * v[i];
      }
    } else {
      const [m, v] = [state.slots[0][k], state.slots[1][k]];
      for (let i = 0; i < w.length; i++) {
        m[i] = B1 * m[i] + ONE_MINUS_B1 * g[i];
        v[i] = B2 * v[i] + ONE_MINUS_B2 * g[i] * g[i];
        w[i] -= (lr * (m[i] / (1 - b1t))) / (Math.sqrt(v[i] / (1 - b2t)) + o.epsilon);
      }
    }
  }
  if (o.optimizer === 'adam') {
    state.beta[0] = b1t * B1;
    state.beta[1] = b2t * B2;
  }
}
