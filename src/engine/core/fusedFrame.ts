/**
 * A fused frame: everything a layered session's frame needs, computed by one tfjs kernel of the cpu and wasm
 * backends in plain typed-array arithmetic and returned as one tensor, read back once. Each architecture brings
 * its frame function (src/engine/arch/<name>/fusedFrame.ts); the op path (layeredSession.ts) stays the oracle.
 * With the head's maths (outputHead.ts; z: the output layer, t: the label):
 *   metrics    per set: the head's mean loss; accuracy = mean of [predicted class == t] (binary: z > 0; classes:
 *              argmax z; regression: NaN); then the test set's confusion matrix (C x C, row = true class)
 *   heatmap    the head's map on the heatmap grid's rows, in the grid's order (binary: sigmoid(z); classes: K
 *              softmax probabilities per row; regression: z), then each test row's predicted class
 *   maps       each layer's activations on the neuron grid, transposed: neuron by neuron, [width, rows]
 * The kernel's one output, in order: [trainLoss, testLoss, trainAccuracy, testAccuracy, ...confusion], the weights
 * (as they are, in their order), the heatmap and predicted classes (when asked), the maps layer by layer (when
 * asked), the architecture's extras.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import type { OutputHead } from '../../experiment';
import { registerTypedArrayKernel } from './fusedKernel';
import { headMap, headMetrics } from './outputHead';

/** Input rows [rows, width] row-major, as the backend holds them. */
export interface Rows {
  x: ArrayLike<number>;
  rows: number;
}

export interface FrameData {
  train: Rows & { y: ArrayLike<number> };
  test: Rows & { y: ArrayLike<number> };
  /** The feature rows of the heatmap's grid and the neuron maps' grid; absent when the frame has no maps. */
  heatGrid?: Rows;
  neuronGrid?: Rows;
  /** The gate used when not training (DIAN); models without one ignore it. */
  gate: boolean;
  head: OutputHead;
}

/** What an architecture's frame function gives; the kernel packs it around the weights. */
export interface FramePieces {
  /** [trainLoss, testLoss, trainAccuracy, testAccuracy, ...the test set's confusion matrix]. */
  metrics: ArrayLike<number>;
  /** The heatmap and the neuron maps, as asked. */
  maps: Float32Array[];
  /** The architecture's own numbers, after the maps. */
  extras: Float32Array[];
}

export type FusedFrame<O> = (options: O, data: FrameData, weights: Float32Array[]) => FramePieces;

/**
 * A forward pass over `rows` input rows: each layer's activations after the input (hidden layers, then the
 * outputs last), each [rows, width]. With `logitsOnly`, only the last one need be right (buffers may be
 * reused).
 */
export type LayeredForward = (
  x: ArrayLike<number>,
  rows: number,
  gate: boolean,
  logitsOnly: boolean,
) => Float64Array[];

/** Metrics and maps of a layered network from its forward pass (outputs of the head's width). */
export function layeredFrame(forward: LayeredForward, data: FrameData): Omit<FramePieces, 'extras'> {
  const { head } = data;
  const outputs = (set: Rows) => forward(set.x, set.rows, data.gate, true).at(-1)!;
  const train = headMetrics(head, outputs(data.train), data.train.y, data.train.rows);
  const test = headMetrics(head, outputs(data.test), data.test.y, data.test.rows);
  const maps: Float32Array[] = [];
  if (data.heatGrid) maps.push(headMap(head, outputs(data.heatGrid), data.heatGrid.rows), test.predicted);
  if (data.neuronGrid) {
    const { x, rows } = data.neuronGrid;
    for (const layer of forward(x, rows, data.gate, false)) maps.push(transpose(layer, rows));
  }
  return { metrics: [train.loss, test.loss, train.accuracy, test.accuracy, ...test.confusion], maps };
}

/** [rows, width] -> [width, rows], as float32. */
export function transpose(a: Float64Array, rows: number): Float32Array {
  const width = a.length / rows;
  const out = new Float32Array(a.length);
  for (let s = 0; s < rows; s++) for (let j = 0; j < width; j++) out[j * rows + s] = a[s * width + j];
  return out;
}

interface Attrs<O> {
  options: O;
  gate: boolean;
  head: OutputHead;
  weightCount: number;
}

export function registerFusedFrame<O>(kernelName: string, frame: FusedFrame<O>): void {
  registerTypedArrayKernel<Attrs<O>>(kernelName, ({ attrs, input, has, read: readAny, output }) => {
    const { options, gate, head, weightCount } = attrs;
    const read = (name: string) => readAny(name) as Float32Array;
    const rows = (name: string): Rows => ({ x: read(name), rows: input(name).shape[0] });
    const labelled = (set: 'train' | 'test') => ({ ...rows(`${set}X`), y: read(`${set}Y`) });
    const weights = Array.from({ length: weightCount }, (_, k) => read(`w${k}`));
    const data: FrameData = {
      train: labelled('train'),
      test: labelled('test'),
      heatGrid: has('heatGrid') ? rows('heatGrid') : undefined,
      neuronGrid: has('neuronGrid') ? rows('neuronGrid') : undefined,
      gate,
      head,
    };
    const { metrics, maps, extras } = frame(options, data, weights);
    const parts = [Float32Array.from(metrics), ...weights, ...maps, ...extras];
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return output([out.length], out);
  });
}

export interface FrameInputs {
  train: { x: tf.Tensor; y: tf.Tensor };
  test: { x: tf.Tensor; y: tf.Tensor };
  heatGrid?: tf.Tensor;
  neuronGrid?: tf.Tensor;
  weights: tf.Tensor[];
}

/** Whether this architecture's frame kernel runs on the current backend. */
export const frameKernelRuns = (kernelName: string): boolean =>
  tf.getKernel(kernelName, tf.getBackend()) !== undefined;

/** Runs a frame kernel: the one tensor holding the whole frame (the caller owns it). */
export function runFusedFrame<O>(
  kernelName: string,
  inputs: FrameInputs,
  attrs: { options: O; gate: boolean; head: OutputHead },
): tf.Tensor1D {
  const named: tf.NamedTensorMap = {
    trainX: inputs.train.x,
    trainY: inputs.train.y,
    testX: inputs.test.x,
    testY: inputs.test.y,
  };
  if (inputs.heatGrid) named.heatGrid = inputs.heatGrid;
  if (inputs.neuronGrid) named.neuronGrid = inputs.neuronGrid;
  inputs.weights.forEach((w, k) => (named[`w${k}`] = w));
  const full: Attrs<O> = { ...attrs, weightCount: inputs.weights.length };
  return tf.engine().runKernel(kernelName, named, full as unknown as NamedAttrMap) as tf.Tensor1D;
}
