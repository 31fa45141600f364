/**
 * K training steps of the MLP in plain typed-array arithmetic, the same maths as model.ts and tfjs's optimizers:
 *   forward   a_l = h_{l-1} K_l + b_l,  h_l = act(a_l) (hidden),  z = a_L (the head's outputs)
 *   loss      the head's mean loss over the batch (core/outputHead.ts)  +  rate * R(kernels)
 *   backward  dL/dz from the head (binary: (sigmoid(z) - t) / B;  classes: (softmax(z) - one_hot(t)) / B;
 *             regression: (z - t) / B);  dK_l = h_{l-1}^T d_l;  db_l = sum d_l;  d_{l-1} = d_l K_l^T * act'(a)
 *             act': tanh 1 - h^2, relu [a > 0], sigmoid h (1 - h), linear 1
 *   update    R' and the optimizers as src/engine/core/fused.ts writes them
 * One call replaces the ~100 tfjs kernels of each step (docs/DESIGN.md section 4's weights, in their order).
 */
import type { Activation, OutputHead } from '../../../experiment';
import {
  addRegularization,
  back,
  dense,
  denseGrads,
  update,
  type OptimizerState,
  type UpdateOptions,
} from '../../core/fused';
import type { StepData } from '../../core/fusedKernel';
import { outputGradient } from '../../core/outputHead';

export interface FusedMlpOptions extends UpdateOptions {
  /** Widths of the layers after the input (hidden layers, then the head's outputs). */
  widths: number[];
  inputWidth: number;
  activation: Activation;
  head: OutputHead;
}

/** out = act(a), element by element; one loop per activation (a call per element would cost a fifth of a step). */
export function activate(kind: Activation, a: Float64Array, out: Float64Array): void {
  const n = a.length;
  switch (kind) {
    case 'tanh':
      // tanh a = 1 - 2 / (e^2a + 1): one exp, cheaper than Math.tanh; equal to float64 rounding away from 0 and
      // within ~1e-16 of it near 0 (far below the float32 the weights are kept in). NaN stays NaN.
      for (let i = 0; i < n; i++) out[i] = 1 - 2 / (Math.exp(2 * a[i]) + 1);
      return;
    case 'relu':
      // NaN stays NaN, as in tfjs (a blow-up must not be hidden inside a call).
      for (let i = 0; i < n; i++) out[i] = a[i] > 0 || Number.isNaN(a[i]) ? a[i] : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-a[i]));
      return;
    case 'linear':
      out.set(a);
  }
}

/** d *= act'(a), from h = act(a) (and a, for relu). */
export function timesSlope(kind: Activation, h: Float64Array, a: Float64Array, d: Float64Array): void {
  const n = d.length;
  switch (kind) {
    case 'tanh':
      for (let i = 0; i < n; i++) d[i] *= 1 - h[i] * h[i];
      return;
    case 'relu':
      for (let i = 0; i < n; i++) d[i] *= a[i] > 0 ? 1 : Number.isNaN(a[i]) ? NaN : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) d[i] *= h[i] * (1 - h[i]);
      return;
    case 'linear':
  }
}

/** Gathers the batch's rows of x [n, width] into `into`. */
export function gatherRows(
  x: ArrayLike<number>,
  rows: Int32Array,
  start: number,
  width: number,
  into: Float64Array,
) {
  for (let s = 0; s < into.length / width; s++)
    for (let i = 0; i < width; i++) into[s * width + i] = x[rows[start + s] * width + i];
}

/**
 * Runs one step per batch in place on `weights` ([K_1, b_1, K_2, b_2, ...], kernels [in, out] row-major) and
 * `state`. `x` holds the training rows [n, inputWidth], `y` their labels.
 */
export function fusedMlpSteps(
  o: FusedMlpOptions,
  { x, y: t, batches, batchSize: B }: StepData,
  weights: Float32Array[],
  state: OptimizerState,
): undefined {
  const L = o.widths.length;
  const pre = o.widths.map((w) => new Float64Array(B * w));
  const out = o.widths.map((w) => new Float64Array(B * w));
  const delta = o.widths.map((w) => new Float64Array(B * w));
  const grads = weights.map((w) => new Float64Array(w.length));
  const input = new Float64Array(B * o.inputWidth);
  for (let start = 0; start + B <= batches.length; start += B) {
    gatherRows(x, batches, start, o.inputWidth, input);
    for (let l = 0; l < L; l++) {
      dense(l === 0 ? input : out[l - 1], weights[2 * l], weights[2 * l + 1], B, pre[l]);
      if (l < L - 1) activate(o.activation, pre[l], out[l]);
    }
    outputGradient(o.head, pre[L - 1], (s) => t[batches[start + s]], B, delta[L - 1]);
    for (let l = L - 1; l >= 0; l--) {
      denseGrads(l === 0 ? input : out[l - 1], delta[l], B, grads[2 * l], grads[2 * l + 1]);
      if (l > 0) {
        back(delta[l], weights[2 * l], B, delta[l - 1]);
        timesSlope(o.activation, out[l - 1], pre[l - 1], delta[l - 1]);
      }
      addRegularization(o, weights[2 * l], grads[2 * l]);
    }
    update(o, weights, grads, state);
  }
  return undefined;
}
