/**
 * The TensorFlow Playground's network as plain scalar JavaScript (playground/src/nn.ts): per-sample forward and
 * backward passes, the gradient accumulated and applied (averaged) every batchSize samples. tanh hidden and
 * output units, square loss 0.5 (o - y)^2 on labels -1/+1, weights uniform in [-0.5, 0.5), biases 0.1. Flat
 * Float64Arrays instead of the Playground's node and link objects. No tfjs: it also runs in a page
 * (bench/playgroundPage.ts).
 */
import { createRng } from '../src/experiment';

export interface ScalarMlp {
  sizes: number[];
  /** w[l][i * out + j]: from unit i of layer l to unit j of layer l + 1. */
  w: Float64Array[];
  b: Float64Array[];
  gw: Float64Array[];
  gb: Float64Array[];
  /** Outputs per layer, the inputs included. */
  a: Float64Array[];
  delta: Float64Array[];
  pending: number;
}

export function createScalarMlp(sizes: number[], seed: number): ScalarMlp {
  const rng = createRng(seed);
  const layers = sizes.slice(1).map((out, l) => ({ n: sizes[l] * out, out }));
  return {
    sizes,
    w: layers.map(({ n }) => Float64Array.from({ length: n }, () => rng.next() - 0.5)),
    b: layers.map(({ out }) => new Float64Array(out).fill(0.1)),
    gw: layers.map(({ n }) => new Float64Array(n)),
    gb: layers.map(({ out }) => new Float64Array(out)),
    a: sizes.map((n) => new Float64Array(n)),
    delta: sizes.slice(1).map((n) => new Float64Array(n)),
    pending: 0,
  };
}

export function forward(net: ScalarMlp, x1: number, x2: number): number {
  const { sizes, w, b, a } = net;
  a[0][0] = x1;
  a[0][1] = x2;
  for (let l = 0; l < w.length; l++) {
    const input = a[l];
    const output = a[l + 1];
    const wl = w[l];
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    for (let j = 0; j < nOut; j++) {
      let s = b[l][j];
      for (let i = 0; i < nIn; i++) s += input[i] * wl[i * nOut + j];
      output[j] = Math.tanh(s);
    }
  }
  return a[a.length - 1][0];
}

/** Backward pass for the last forward pass with target y (-1 or +1): accumulates the gradient. */
export function backward(net: ScalarMlp, y: number): void {
  const { sizes, w, gw, gb, a, delta } = net;
  const L = w.length;
  const o = a[L][0];
  delta[L - 1][0] = (o - y) * (1 - o * o);
  for (let l = L - 1; l >= 0; l--) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const d = delta[l];
    const input = a[l];
    for (let j = 0; j < nOut; j++) gb[l][j] += d[j];
    for (let i = 0; i < nIn; i++) {
      let back = 0;
      for (let j = 0; j < nOut; j++) {
        gw[l][i * nOut + j] += input[i] * d[j];
        back += w[l][i * nOut + j] * d[j];
      }
      if (l > 0) delta[l - 1][i] = back * (1 - input[i] * input[i]);
    }
  }
  net.pending++;
}

export function applyGradient(net: ScalarMlp, learningRate: number): void {
  if (net.pending === 0) return;
  const scale = learningRate / net.pending;
  for (let l = 0; l < net.w.length; l++) {
    for (let k = 0; k < net.w[l].length; k++) {
      net.w[l][k] -= scale * net.gw[l][k];
      net.gw[l][k] = 0;
    }
    for (let k = 0; k < net.b[l].length; k++) {
      net.b[l][k] -= scale * net.gb[l][k];
      net.gb[l][k] = 0;
    }
  }
  net.pending = 0;
}

export interface Data {
  x: Float64Array;
  y: Float64Array;
}

/** One Playground epoch: the training set in order, an update every batchSize samples (playground.ts oneStep). */
export function trainEpoch(net: ScalarMlp, data: Data, batchSize: number, learningRate: number): void {
  for (let i = 0; i < data.y.length; i++) {
    forward(net, data.x[2 * i], data.x[2 * i + 1]);
    backward(net, data.y[i]);
    if ((i + 1) % batchSize === 0) applyGradient(net, learningRate);
  }
}

export function evaluate(net: ScalarMlp, data: Data): { loss: number; accuracy: number } {
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < data.y.length; i++) {
    const o = forward(net, data.x[2 * i], data.x[2 * i + 1]);
    loss += 0.5 * (o - data.y[i]) ** 2;
    if (o >= 0 === data.y[i] > 0) correct++;
  }
  return { loss: loss / data.y.length, accuracy: correct / data.y.length };
}

/** The Playground's per-frame decision boundary: every unit's output on a density x density grid over [-6, 6]^2. */
export function boundary(net: ScalarMlp, density: number, out: Float64Array): void {
  let k = 0;
  for (let i = 0; i < density; i++) {
    for (let j = 0; j < density; j++) {
      forward(net, -6 + (12 * i) / (density - 1), 6 - (12 * j) / (density - 1));
      for (let l = 1; l < net.a.length; l++) for (const v of net.a[l]) out[k++] = v;
    }
  }
}
