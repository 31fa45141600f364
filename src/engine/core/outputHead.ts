/**
 * The output head's maths on typed arrays (the fused kernels' and frames'), row by row over outputs z [rows, U]
 * (U = headUnits(head)) and labels t (one number per row):
 *   binary      U = 1, z a logit, t in {0, 1}:   loss = max(z, 0) - z t + log(1 + exp(-|z|))   (sigmoid CE)
 *               dL/dz = (sigmoid(z) - t) / B;   predicted class [z > 0];   map value sigmoid(z) = P(class 1)
 *   classes k   U = K logits, t the class index:  p = softmax(z),  loss = -log p_t = logsumexp(z) - z_t
 *               dL/dz_j = (p_j - [j = t]) / B;   predicted class argmax_j z_j;   map values p (K per row)
 *   regression  U = 1, z the value, t the target: loss = 0.5 (z - t)^2 (as the TensorFlow Playground's)
 *               dL/dz = (z - t) / B;   no class: accuracy NaN;   map value z
 * Losses are means over the rows (B of them in a batch). The tfjs twin is headOps.ts.
 */
import { headUnits, type OutputHead } from '../../experiment';

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** logsumexp of z[o .. o + U), shifted by the largest for stability. */
function logSumExp(z: ArrayLike<number>, o: number, U: number): number {
  let top = -Infinity;
  for (let j = 0; j < U; j++) top = Math.max(top, z[o + j]);
  if (!Number.isFinite(top)) return top;
  let sum = 0;
  for (let j = 0; j < U; j++) sum += Math.exp(z[o + j] - top);
  return top + Math.log(sum);
}

/** The loss of one row's outputs (starting at z[o]) against its label. */
export function rowLoss(head: OutputHead, z: ArrayLike<number>, o: number, t: number): number {
  if (head.kind === 'regression') return 0.5 * (z[o] - t) ** 2;
  if (head.kind === 'classes') return logSumExp(z, o, head.k) - z[o + t];
  // Math.max keeps NaN (a diverged net must show a NaN loss, as tfjs's relu does).
  return Math.max(z[o], 0) - z[o] * t + Math.log1p(Math.exp(-Math.abs(z[o])));
}

/** dL/dz of the mean loss over `rows` rows into d [rows, U]. */
export function outputGradient(
  head: OutputHead,
  z: Float64Array,
  label: (s: number) => number,
  rows: number,
  d: Float64Array,
): void {
  if (head.kind === 'binary') {
    for (let s = 0; s < rows; s++) d[s] = (sigmoid(z[s]) - label(s)) / rows;
  } else if (head.kind === 'regression') {
    for (let s = 0; s < rows; s++) d[s] = (z[s] - label(s)) / rows;
  } else {
    const K = head.k;
    for (let s = 0; s < rows; s++) {
      const o = s * K;
      const lse = logSumExp(z, o, K);
      for (let j = 0; j < K; j++) d[o + j] = Math.exp(z[o + j] - lse) / rows;
      d[o + label(s)] -= 1 / rows;
    }
  }
}

/** The predicted class of the row at z[o]: argmax for classes (the first of ties), [z > 0] for binary. */
export function predictedClass(head: OutputHead, z: ArrayLike<number>, o: number): number {
  if (head.kind !== 'classes') return Number(z[o] > 0);
  let best = 0;
  for (let j = 1; j < head.k; j++) if (z[o + j] > z[o + best]) best = j;
  return best;
}

/** Classes a head tells apart: K, 2 for binary, 0 for regression (no confusion matrix). */
export const classCount = (head: OutputHead): number =>
  head.kind === 'classes' ? head.k : head.kind === 'binary' ? 2 : 0;

export interface HeadMetrics {
  loss: number;
  /** NaN for regression. */
  accuracy: number;
  /** Counts, row = true class, column = predicted, row-major (C x C); empty for regression. */
  confusion: Float64Array;
  /** Each row's predicted class; empty for regression. */
  predicted: Float32Array;
}

/** Loss, accuracy, confusion matrix and predicted classes of outputs z [rows, U] against labels t. */
export function headMetrics(
  head: OutputHead,
  z: ArrayLike<number>,
  t: ArrayLike<number>,
  rows: number,
): HeadMetrics {
  const [U, C] = [headUnits(head), classCount(head)];
  const confusion = new Float64Array(C * C);
  const predicted = new Float32Array(C > 0 ? rows : 0);
  let loss = 0;
  for (let s = 0; s < rows; s++) {
    loss += rowLoss(head, z, s * U, t[s]);
    if (C === 0) continue;
    predicted[s] = predictedClass(head, z, s * U);
    confusion[t[s] * C + predicted[s]]++;
  }
  let correct = 0;
  for (let c = 0; c < C; c++) correct += confusion[c * C + c];
  return { loss: loss / rows, accuracy: C > 0 ? correct / rows : NaN, confusion, predicted };
}

/** The heatmap's values from outputs z [rows, U]: P(class 1), K probabilities per row (row-major), or z. */
export function headMap(head: OutputHead, z: ArrayLike<number>, rows: number): Float32Array {
  if (head.kind === 'binary') return Float32Array.from({ length: rows }, (_, s) => sigmoid(z[s]));
  if (head.kind === 'regression') return Float32Array.from({ length: rows }, (_, s) => z[s]);
  const K = head.k;
  const out = new Float32Array(rows * K);
  for (let s = 0; s < rows; s++) {
    const lse = logSumExp(z, s * K, K);
    for (let j = 0; j < K; j++) out[s * K + j] = Math.exp(z[s * K + j] - lse);
  }
  return out;
}
