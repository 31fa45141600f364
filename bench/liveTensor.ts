/**
 * "Run it on tensors where it pays" (issue #4): one propagate of the 1,000-neuron bench network as tfjs ops,
 * a masked dense weight matrix per layer (outputs of layer l = f(masked W_l . all current values), layer by
 * layer, so that earlier layers give this step's values and the same or later layers the previous step's),
 * on the cpu and wasm backends in Node, against the scalar LiveNetwork.propagate on the same network.
 */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import type { LiveStructure } from '../src/engine';
import { SEED, driver, networkFor, randomStructure } from './liveSpeed';

export const TENSOR_SIZE = 1000;
const MS = 1500;
const CHECK_STEPS = 5;

export interface TensorRow {
  how: string;
  stepsPerSecond: number;
  msPerStep: number;
  /** Largest |tensor - scalar| over every neuron's value after CHECK_STEPS steps (float32 against float64). */
  maxDifference?: number;
  note: string;
}

/** Per layer after the inputs: W [N, width] (1/k where allowed, else 0) and the mask M (1 where allowed). */
function layerMatrices(structure: LiveStructure) {
  const ids = structure.layers.flat();
  const index = new Map(ids.map((id, i) => [id, i]));
  const N = ids.length;
  let start = structure.layers[0].length;
  return structure.layers.slice(1).map((layer) => {
    const W = new Float32Array(N * layer.length);
    const M = new Float32Array(N * layer.length);
    layer.forEach((id, j) => {
      const list = structure.sources[id] ?? [];
      for (const s of list) {
        W[index.get(s)! * layer.length + j] = 1 / list.length;
        M[index.get(s)! * layer.length + j] = 1;
      }
    });
    const out = {
      start,
      width: layer.length,
      W: tf.tensor2d(W, [N, layer.length]),
      M: tf.tensor2d(M, [N, layer.length]),
    };
    start += layer.length;
    return out;
  });
}

type Layers = ReturnType<typeof layerMatrices>;

/** One step on `values` [1, N]: inputs, then each layer y = (v.W / v.M)^2 (0 where v.M = 0). */
function tensorStep(values: tf.Tensor2D, inputs: number[], layers: Layers): tf.Tensor2D {
  return tf.tidy(() => {
    const N = values.shape[1];
    let v = tf.concat(
      [tf.tensor2d([inputs]), tf.slice(values, [0, inputs.length], [1, -1])],
      1,
    ) as tf.Tensor2D;
    for (const { start, width, W, M } of layers) {
      const dot = tf.matMul(v, W);
      const sum = tf.matMul(v, M);
      const safe = tf.where(tf.equal(sum, 0), tf.onesLike(sum), sum);
      const y = tf.where(tf.equal(sum, 0), tf.zerosLike(sum), tf.square(tf.div(dot, safe)));
      const parts = [tf.slice(v, [0, 0], [1, start]), y];
      if (start + width < N) parts.push(tf.slice(v, [0, start + width], [1, -1]));
      v = tf.concat(parts, 1) as tf.Tensor2D;
    }
    return v;
  });
}

const inputStream = () => driver(SEED).inputs;

async function tensorRow(backend: string, structure: LiveStructure): Promise<TensorRow | string> {
  if (!(await tf.setBackend(backend))) return `the ${backend} backend did not start`;
  await tf.ready();
  const layers = layerMatrices(structure);
  const N = structure.layers.flat().length;
  const scalar = networkFor(structure, 3, 'accumulate', SEED);
  const next = inputStream();
  let values = tf.zeros([1, N]) as tf.Tensor2D;
  const advance = async (inputs: number[]) => {
    const v = tensorStep(values, inputs, layers);
    values.dispose();
    values = v;
    await tf.slice(values, [0, N - 1], [1, 1]).data(); // the output, read back as a reward would need it
  };
  for (let i = 0; i < CHECK_STEPS; i++) {
    const inputs = next();
    scalar.propagate(inputs);
    await advance(inputs);
  }
  const got = await values.data();
  const want = scalar.values();
  const maxDifference = Math.max(...Array.from(want, (w, i) => Math.abs(w - got[i])));
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < MS) {
    await advance(next());
    steps++;
  }
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([values, ...layers.flatMap((l) => [l.W, l.M])]);
  return {
    how: `tfjs ${backend}: masked dense matMul per layer`,
    stepsPerSecond: steps / seconds,
    msPerStep: (seconds * 1000) / steps,
    maxDifference,
    note: `${steps} steps in ${seconds.toFixed(1)} s; ${layers.length} layers x (2 matMul [1,${N}]x[${N},w] + 6 small ops), output read back each step`,
  };
}

export interface TensorResult {
  rows: TensorRow[];
  problems: string[];
  neurons: number;
  edges: number;
}

export async function runLiveTensor(): Promise<TensorResult> {
  const structure = randomStructure(TENSOR_SIZE, SEED);
  const edges = Object.values(structure.sources).reduce((n, l) => n + l.length, 0);
  const N = structure.layers.flat().length;
  const scalar = networkFor(structure, 3, 'accumulate', SEED);
  const next = inputStream();
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < MS) {
    scalar.propagate(next());
    steps++;
  }
  const seconds = (performance.now() - start) / 1000;
  const rows: TensorRow[] = [
    {
      how: 'scalar LiveNetwork.propagate (float64)',
      stepsPerSecond: steps / seconds,
      msPerStep: (seconds * 1000) / steps,
      note: `${steps} steps in ${seconds.toFixed(1)} s; ${edges} allowed edges (${((edges / (N * (N - 2))) * 100).toFixed(2)}% of a dense N x (N - inputs))`,
    },
  ];
  const problems: string[] = [];
  const previous = tf.getBackend();
  for (const backend of ['cpu', 'wasm']) {
    const row = await tensorRow(backend, structure);
    if (typeof row === 'string') problems.push(row);
    else rows.push(row);
    console.error(
      `bench: live tensor propagate ${backend}: ${typeof row === 'string' ? row : row.stepsPerSecond.toFixed(0)}`,
    );
  }
  if (previous) await tf.setBackend(previous);
  return { rows, problems, neurons: N, edges };
}
