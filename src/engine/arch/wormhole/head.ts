/**
 * The Wormhole's output heads, on the last U = headUnits(head) units of a fixed-point state (its output layer h_L):
 *   binary      h_L = tanh(a_L), one unit; loss 0.5 mean (y - t')^2 with t' = 2 label - 1 (the network's own
 *               head, as before); predicted class [y > 0]; map (y + 1) / 2
 *   classes k   h_L = a_L (linear), K logits: softmax cross-entropy, argmax, K softmax probabilities per cell
 *   regression  h_L = a_L (linear), one value: 0.5 mean (y - t)^2, no class, the value
 * (the last two as core/outputHead.ts). The output layer is linear for them: a tanh would cap logits at +-1 and
 * values at the targets' scale.
 */
import { headUnits, type OutputHead } from '../../../experiment';
import { headMap, headMetrics, outputGradient, type HeadMetrics } from '../../core/outputHead';

/** Whether the output layer is tanh (the binary head) or linear. */
export const tanhOutput = (head: OutputHead) => head.kind === 'binary';

/** The output units of each of `rows` states [rows, D], as [rows, U]. */
export function outputsOf(head: OutputHead, state: Float64Array, D: number, rows: number): Float64Array {
  const U = headUnits(head);
  const out = new Float64Array(rows * U);
  for (let s = 0; s < rows; s++) for (let j = 0; j < U; j++) out[s * U + j] = state[s * D + D - U + j];
  return out;
}

/** dL/dH* of the batch's mean loss: zero but on the output units. */
export function stateGradient(
  head: OutputHead,
  state: Float64Array,
  D: number,
  label: (s: number) => number,
  rows: number,
  g: Float64Array,
): void {
  g.fill(0);
  const U = headUnits(head);
  const y = outputsOf(head, state, D, rows);
  const d = new Float64Array(rows * U);
  if (head.kind === 'binary') for (let s = 0; s < rows; s++) d[s] = (y[s] - (2 * label(s) - 1)) / rows;
  else outputGradient(head, y, label, rows, d);
  for (let s = 0; s < rows; s++) for (let j = 0; j < U; j++) g[s * D + D - U + j] = d[s * U + j];
}

/** Loss, accuracy, confusion matrix and predicted classes of states [rows, D] against their labels. */
export function stateMetrics(
  head: OutputHead,
  state: Float64Array,
  D: number,
  labels: ArrayLike<number>,
  rows: number,
): HeadMetrics {
  const y = outputsOf(head, state, D, rows);
  if (head.kind !== 'binary') return headMetrics(head, y, labels, rows);
  const m = headMetrics(head, y, labels, rows);
  let squares = 0;
  for (let s = 0; s < rows; s++) squares += (y[s] - (2 * labels[s] - 1)) ** 2;
  return { ...m, loss: (0.5 * squares) / rows };
}

/** The heatmap's values of states [rows, D]: (y + 1) / 2, K probabilities per row, or the value. */
export function stateMap(head: OutputHead, state: Float64Array, D: number, rows: number): Float32Array {
  const y = outputsOf(head, state, D, rows);
  return head.kind === 'binary' ? Float32Array.from(y, (v) => (v + 1) / 2) : headMap(head, y, rows);
}
