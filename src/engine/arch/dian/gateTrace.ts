import type * as tf from '@tensorflow/tfjs-core';

/** How many recent training iterations a frame reports the gate of. */
export const GATE_TRACE_LENGTH = 48;

/**
 * The mean gate value of each recent training step, kept on the device until a snapshot reads them all at once
 * (one read per frame, not one per step); the fused kernel reports them already read, as numbers. A closed step
 * has neither.
 */
export class GateTrace {
  private entries: { step: number; mean?: tf.Scalar | number }[] = [];

  record(step: number, mean?: tf.Scalar | number): void {
    this.entries.push({ step, mean });
    while (this.entries.length > GATE_TRACE_LENGTH) disposeMean(this.entries.shift()?.mean);
  }

  /** Tensors to read, in order, and a function turning their values into the trace (NaN = closed). */
  pending(lastStep: number): { tensors: tf.Scalar[]; toTrace: (values: ArrayLike<number>) => Float32Array } {
    const tensors = this.entries.flatMap((e) => (isTensor(e.mean) ? [e.mean] : []));
    const entries = [...this.entries];
    return {
      tensors,
      toTrace: (values) => {
        // Element i is step lastStep - (LENGTH - 1) + i.
        const trace = new Float32Array(GATE_TRACE_LENGTH).fill(NaN);
        let k = 0;
        for (const e of entries) {
          const i = e.step - lastStep + GATE_TRACE_LENGTH - 1;
          const value = isTensor(e.mean) ? values[k++] : (e.mean ?? NaN);
          if (i >= 0 && i < GATE_TRACE_LENGTH) trace[i] = value;
        }
        return trace;
      },
    };
  }

  clear(): void {
    for (const e of this.entries) disposeMean(e.mean);
    this.entries = [];
  }
}

const isTensor = (mean: tf.Scalar | number | undefined): mean is tf.Scalar => typeof mean === 'object';
const disposeMean = (mean: tf.Scalar | number | undefined) => void (isTensor(mean) && mean.dispose());
