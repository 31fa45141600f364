/**
 * K training steps of the MLP in plain typed-array arithmetic, the same maths as model.ts and tfjs's optimizers:
 *   forward   a_l = h_{l-1} K_l + b_l,  h_l = act(a_l) (hidden),  z = a_L (logit)
 *   loss      mean over the batch of max(z, 0) - z t + log(1 + exp(-|z|))  +  rate * R(kernels)
 *   backward  dL/dz = (sigmoid(z) - t) / B;  dK_l = h_{l-1}^T d_l;  db_l = sum d_l;  d_{l-1} = d_l K_l^T * act'(a)
 *             act': tanh 1 - h^2, relu [a > 0], sigmoid h (1 - h), linear 1;  R' = rate * (w > 0 ? 1 : -1) (l1, as
 *             tfjs's abs gradient), rate * w (l2)
 *   update    sgd w -= lr g;  momentum(0.9) v = 0.9 v + g, w -= lr v;
 *             adam(0.9, 0.999, eps) m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 *             w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps), then b1^t *= b1, b2^t *= b2
 * One call replaces the ~100 tfjs kernels of each step (docs/DESIGN.md section 4's weights, in their order).
 */
import type { Activation, OptimizerKind, Regularization } from '../../../experiment';

export interface FusedMlpOptions {
  /** Widths of the layers after the input (hidden layers, then the 1-unit output). */
  widths: number[];
  inputWidth: number;
  activation: Activation;
  optimizer: OptimizerKind;
  learningRate: number;
  regularization: Regularization;
  regularizationRate: number;
  /** Adam's epsilon (the backend's, as tfjs uses it). */
  epsilon: number;
}

/** The optimizer's state per weight: momentum's accumulator, or Adam's two moments; and Adam's b1^t, b2^t. */
export interface OptimizerState {
  slots: Float32Array[][];
  beta: Float32Array;
}

export const MOMENTUM = 0.9;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;

/** The slots a fresh optimizer starts with, for weights of these sizes. */
export function freshState(optimizer: OptimizerKind, sizes: number[]): OptimizerState {
  const count = optimizer === 'adam' ? 2 : optimizer === 'momentum' ? 1 : 0;
  return {
    slots: Array.from({ length: count }, () => sizes.map((n) => new Float32Array(n))),
    beta: Float32Array.from([ADAM_BETA1, ADAM_BETA2]),
  };
}

const act = {
  tanh: (a: number) => Math.tanh(a),
  relu: (a: number) => (a > 0 ? a : 0),
  sigmoid: (a: number) => 1 / (1 + Math.exp(-a)),
  linear: (a: number) => a,
};

/** act'(a) from h = act(a) (and a, for relu). */
const slope = {
  tanh: (h: number) => 1 - h * h,
  relu: (_h: number, a: number) => (a > 0 ? 1 : 0),
  sigmoid: (h: number) => h * (1 - h),
  linear: () => 1,
};

/**
 * Runs `batches.length / batchSize` steps in place on `weights` ([K_1, b_1, K_2, b_2, ...], kernels [in, out]
 * row-major) and `state`. `x` holds the training rows [n, inputWidth], `t` their labels.
 */
export function fusedMlpSteps(
  o: FusedMlpOptions,
  x: ArrayLike<number>,
  t: ArrayLike<number>,
  batches: Int32Array,
  batchSize: number,
  weights: Float32Array[],
  state: OptimizerState,
): void {
  const L = o.widths.length;
  const fanIn = [o.inputWidth, ...o.widths];
  const f = act[o.activation];
  const df = slope[o.activation];
  // Per layer: pre-activations and outputs of the batch, and the error signal.
  const pre = o.widths.map((w) => new Float64Array(batchSize * w));
  const out = o.widths.map((w) => new Float64Array(batchSize * w));
  const delta = o.widths.map((w) => new Float64Array(batchSize * w));
  const grads = weights.map((w) => new Float64Array(w.length));
  const input = new Float64Array(batchSize * o.inputWidth);
  for (let start = 0; start + batchSize <= batches.length; start += batchSize) {
    for (let s = 0; s < batchSize; s++) {
      const row = batches[start + s];
      for (let i = 0; i < o.inputWidth; i++) input[s * o.inputWidth + i] = x[row * o.inputWidth + i];
    }
    // Forward.
    for (let l = 0; l < L; l++) {
      const [K, b] = [weights[2 * l], weights[2 * l + 1]];
      const h = l === 0 ? input : out[l - 1];
      const [nIn, nOut] = [fanIn[l], o.widths[l]];
      for (let s = 0; s < batchSize; s++) {
        for (let j = 0; j < nOut; j++) {
          let a = b[j];
          for (let i = 0; i < nIn; i++) a += h[s * nIn + i] * K[i * nOut + j];
          pre[l][s * nOut + j] = a;
          out[l][s * nOut + j] = l === L - 1 ? a : f(a);
        }
      }
    }
    // Backward: the output is one logit per sample.
    for (let s = 0; s < batchSize; s++) {
      const z = pre[L - 1][s];
      delta[L - 1][s] = (1 / (1 + Math.exp(-z)) - t[batches[start + s]]) / batchSize;
    }
    for (let l = L - 1; l >= 0; l--) {
      const [K, gK, gb] = [weights[2 * l], grads[2 * l], grads[2 * l + 1]];
      const h = l === 0 ? input : out[l - 1];
      const [nIn, nOut] = [fanIn[l], o.widths[l]];
      gK.fill(0);
      gb.fill(0);
      for (let s = 0; s < batchSize; s++) {
        for (let j = 0; j < nOut; j++) {
          const d = delta[l][s * nOut + j];
          gb[j] += d;
          for (let i = 0; i < nIn; i++) gK[i * nOut + j] += h[s * nIn + i] * d;
        }
      }
      if (l > 0) {
        for (let s = 0; s < batchSize; s++) {
          for (let i = 0; i < nIn; i++) {
            let d = 0;
            for (let j = 0; j < nOut; j++) d += delta[l][s * nOut + j] * K[i * nOut + j];
            delta[l - 1][s * nIn + i] = d * df(out[l - 1][s * nIn + i], pre[l - 1][s * nIn + i]);
          }
        }
      }
      addRegularization(o, K, gK);
    }
    update(o, weights, grads, state);
  }
}

function addRegularization(o: FusedMlpOptions, K: Float32Array, g: Float64Array): void {
  const rate = o.regularizationRate;
  if (o.regularization === 'none' || rate === 0) return;
  for (let i = 0; i < K.length; i++)
    g[i] += o.regularization === 'l1' ? (K[i] > 0 ? rate : -rate) : rate * K[i];
}

function update(
  o: FusedMlpOptions,
  weights: Float32Array[],
  grads: Float64Array[],
  state: OptimizerState,
): void {
  const lr = o.learningRate;
  const [b1t, b2t] = state.beta;
  weights.forEach((w, k) => {
    const g = grads[k];
    for (let i = 0; i < w.length; i++) {
      if (o.optimizer === 'sgd') {
        w[i] -= lr * g[i];
      } else if (o.optimizer === 'momentum') {
        const v = state.slots[0][k];
        v[i] = MOMENTUM * v[i] + g[i];
        w[i] -= lr * v[i];
      } else {
        const [m, v] = [state.slots[0][k], state.slots[1][k]];
        m[i] = ADAM_BETA1 * m[i] + (1 - ADAM_BETA1) * g[i];
        v[i] = ADAM_BETA2 * v[i] + (1 - ADAM_BETA2) * g[i] * g[i];
        w[i] -= (lr * (m[i] / (1 - b1t))) / (Math.sqrt(v[i] / (1 - b2t)) + o.epsilon);
      }
    }
  });
  if (o.optimizer === 'adam') {
    state.beta[0] = b1t * ADAM_BETA1;
    state.beta[1] = b2t * ADAM_BETA2;
  }
}
