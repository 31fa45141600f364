/**
 * K training steps of the DIAN in plain typed-array arithmetic, the same maths as model.ts:
 *   forward   h1 = relu(x W1 + b1);  h2 = relu(h1 W2 + b2)
 *             open gate:  e = relu(s E + be) (s = x or h1);  g = sigmoid(e G + bg);  z = h2 + g e
 *             closed:     z = h2
 *             y = z W3 + b3 (final relu: y = relu(z W3 + b3)), the head's outputs (U of them)
 *   backward  dy = dL/dy of the head (core/outputHead.ts; binary: (sigmoid(y) - t) / B);  da3 = dy [a3 > 0 if final relu];  dz = da3 W3^T
 *             open: dag = (sum_j dz_j e_j) g (1 - g);  de = dz g + dag G^T;  dae = de [ae > 0]
 *             da2 = dz [a2 > 0];  dh1 = da2 W2^T (+ dae E^T when s = h1);  da1 = dh1 [a1 > 0]
 *   update    src/engine/core/fused.ts; on a closed step E, be, G, bg are outside the graph: no gradient, no
 *             regularisation, no update (as with autodiff)
 * Each step reports the batch's mean gate value after its update (NaN when closed), as the session's trace does.
 */
import { headUnits, type DianSpec, type OutputHead } from '../../../experiment';
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
import { gatherRows } from '../mlp/fusedStep';

export interface FusedDianOptions extends UpdateOptions, Pick<DianSpec, 'source' | 'finalActivation'> {
  inputWidth: number;
  layer1: number;
  layer2: number;
  head: OutputHead;
}

/** Indices of the weights in DESIGN's order. */
const [W1, B1, W2, B2, W3, B3, E, BE, G, BG] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** The kernels regularised on an open step, and on a closed one. */
const KERNELS_OPEN = [W1, W2, W3, E, G];
const KERNELS_CLOSED = [W1, W2, W3];

// NaN stays NaN through relu and its gradient, as in tfjs. Plain loops: a callback per element (forEach, map)
// cost a third of a step.
function relu(v: Float64Array, from: Float64Array): void {
  for (let i = 0; i < from.length; i++) v[i] = from[i] > 0 || Number.isNaN(from[i]) ? from[i] : 0;
}
const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));
/** d *= [a > 0], relu's gradient as tfjs takes it. */
function throughRelu(d: Float64Array, a: Float64Array): void {
  for (let i = 0; i < d.length; i++) d[i] = a[i] > 0 ? d[i] : Number.isNaN(a[i]) ? NaN : 0;
}

export function fusedDianSteps(
  o: FusedDianOptions,
  { x, y: t, batches, gates, batchSize: B }: StepData,
  w: Float32Array[],
  state: OptimizerState,
): Float32Array {
  const [n0, n1, n2, U] = [o.inputWidth, o.layer1, o.layer2, headUnits(o.head)];
  const buf = (n: number) => new Float64Array(B * n);
  const input = buf(n0);
  const [a1, h1, a2, h2, ae, e, ag, g, z, a3] = [n1, n1, n2, n2, n2, n2, 1, 1, n2, U].map(buf);
  const [dy, dz, de, dh1, dag] = [U, n2, n2, n1, 1].map(buf);
  const z3 = buf(U);
  const label = (step: number) => (s: number) => t[batches[step * B + s]];
  const inOpenStep = (k: number) => k >= 0;
  const inClosedStep = (k: number) => k < E;
  const grads = w.map((v) => new Float64Array(v.length));
  const means = new Float32Array(gates.length);
  /** The extra path's e and g for the rows in `input`, with the weights as they are. */
  const extraPath = () => {
    dense(o.source === 'x' ? input : h1, w[E], w[BE], B, ae);
    relu(e, ae);
    dense(e, w[G], w[BG], B, ag);
    for (let s = 0; s < B; s++) g[s] = sigmoid(ag[s]);
  };
  for (let step = 0; step < gates.length; step++) {
    const open = gates[step] === 1;
    gatherRows(x, batches, step * B, n0, input);
    dense(input, w[W1], w[B1], B, a1);
    relu(h1, a1);
    dense(h1, w[W2], w[B2], B, a2);
    relu(h2, a2);
    z.set(h2);
    if (open) {
      extraPath();
      for (let s = 0; s < B; s++) for (let j = 0; j < n2; j++) z[s * n2 + j] += g[s] * e[s * n2 + j];
    }
    dense(z, w[W3], w[B3], B, a3);
    const finalRelu = o.finalActivation === 'relu';
    if (finalRelu) for (let i = 0; i < B * U; i++) z3[i] = a3[i] > 0 ? a3[i] : 0;
    outputGradient(o.head, finalRelu ? z3 : a3, label(step), B, dy);
    if (finalRelu) throughRelu(dy, a3);
    denseGrads(z, dy, B, grads[W3], grads[B3]);
    back(dy, w[W3], B, dz);
    if (open) {
      for (let s = 0; s < B; s++) {
        let dg = 0;
        for (let j = 0; j < n2; j++) dg += dz[s * n2 + j] * e[s * n2 + j];
        dag[s] = dg * g[s] * (1 - g[s]);
      }
      denseGrads(e, dag, B, grads[G], grads[BG]);
      back(dag, w[G], B, de);
      for (let s = 0; s < B; s++) for (let j = 0; j < n2; j++) de[s * n2 + j] += dz[s * n2 + j] * g[s];
      throughRelu(de, ae);
      denseGrads(o.source === 'x' ? input : h1, de, B, grads[E], grads[BE]);
    }
    throughRelu(dz, a2);
    denseGrads(h1, dz, B, grads[W2], grads[B2]);
    back(dz, w[W2], B, dh1);
    if (open && o.source === 'h1') back(de, w[E], B, dh1, true);
    throughRelu(dh1, a1);
    denseGrads(input, dh1, B, grads[W1], grads[B1]);
    for (const k of open ? KERNELS_OPEN : KERNELS_CLOSED) addRegularization(o, w[k], grads[k]);
    update(o, w, grads, state, open ? inOpenStep : inClosedStep);
    means[step] = NaN;
    if (open) {
      // The trace's gate mean is read after the update, as the autodiff session records it.
      dense(input, w[W1], w[B1], B, a1);
      relu(h1, a1);
      extraPath();
      let sum = 0;
      for (let s = 0; s < B; s++) sum += g[s];
      means[step] = sum / B;
    }
  }
  return means;
}
