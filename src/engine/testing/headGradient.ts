/**
 * The full gradient of a fused step against central finite differences of the loss, in float64: the weights are
 * Float64Arrays passed where the kernels take Float32Arrays (the fused maths only index them), so one plain SGD
 * step of rate 1 leaves w - g exactly enough to read g back, and the loss (a frame's training loss) is float64 too.
 */
import { freshState, type OptimizerState, type UpdateOptions } from '../core/fused';
import type { StepData } from '../core/fusedKernel';

export const asFloat32 = (a: Float64Array) => a as unknown as Float32Array;

/** Plain SGD of rate 1 without L1/L2: a step subtracts the gradient itself. */
export const PLAIN_STEP: UpdateOptions = {
  optimizer: 'sgd',
  learningRate: 1,
  regularization: 'none',
  regularizationRate: 0,
  epsilon: 1e-7,
};

/** One step over all `rows` rows in order (the gate as given). */
export const wholeSetStep = (x: Float32Array, y: Float32Array, rows: number, gate: boolean): StepData => ({
  x,
  y,
  batches: Int32Array.from({ length: rows }, (_, i) => i),
  gates: Int32Array.of(Number(gate)),
  batchSize: rows,
});

/**
 * The largest difference between the step's gradient and central differences of `loss`, over every weight,
 * relative to max(|g|, 1e-3).
 */
export function gradientGap(
  weights: Float64Array[],
  step: (w: Float32Array[], state: OptimizerState) => void,
  loss: (w: Float32Array[]) => number,
): number {
  const after = weights.map((w) => Float64Array.from(w));
  step(
    after.map(asFloat32),
    freshState(
      'sgd',
      weights.map((w) => w.length),
    ),
  );
  const h = 1e-5;
  let worst = 0;
  weights.forEach((w, k) =>
    w.forEach((value, i) => {
      const at = (v: number) => {
        const moved = weights.map((u) => Float64Array.from(u));
        moved[k][i] = v;
        return loss(moved.map(asFloat32));
      };
      const fd = (at(value + h) - at(value - h)) / (2 * h);
      const g = value - after[k][i];
      worst = Math.max(worst, Math.abs(fd - g) / Math.max(Math.abs(g), 1e-3));
    }),
  );
  return worst;
}

/** Seeded-looking but fixed numbers in [-1, 1) (a sine walk), n of them. */
export const fixedValues = (n: number, phase: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + phase));
