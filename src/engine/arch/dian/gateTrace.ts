import type * as tf from '@tensorflow/tfjs-core';

/** How many recent training iterations a frame reports the gate of. */
export const GATE_TRACE_LENGTH = 48;

/** One step's value at `index` of a tensor shared by several steps (the WGSL kernel's per-step output). */
interface InBlock {
  block: Block;
  index: number;
}
interface Block {
  tensor: tf.Tensor1D;
  users: number;
}
type Mean = tf.Scalar | number | InBlock;

/**
 * The mean gate value of each recent training step, kept on the device until a snapshot reads them all at once
 * (one read per frame, not one per step): a scalar per step (autodiff), a vector for a tick's steps (the WGSL
 * kernel), or already read, as numbers (the cpu and wasm kernels). A closed step has none.
 */
export class GateTrace {
  private entries: { step: number; mean?: Mean }[] = [];

  record(step: number, mean?: tf.Scalar | number): void {
    this.push(step, mean);
  }

  /** Steps firstStep, firstStep + 1, ...: open where `open` says 1, their means at the same index of `values`. */
  recordBlock(firstStep: number, open: ArrayLike<number>, values: tf.Tensor1D): void {
    const block: Block = { tensor: values, users: 0 };
    for (let i = 0; i < open.length; i++) {
      if (open[i]) block.users++;
      this.push(firstStep + i, open[i] ? { block, index: i } : undefined);
    }
    if (block.users === 0) values.dispose();
  }

  private push(step: number, mean?: Mean): void {
    this.entries.push({ step, mean });
    while (this.entries.length > GATE_TRACE_LENGTH) release(this.entries.shift()?.mean);
  }

  /** Tensors to read, in order, and a function turning their values into the trace (NaN = closed). */
  pending(lastStep: number): {
    tensors: tf.Tensor[];
    toTrace: (values: ArrayLike<number>[]) => Float32Array;
  } {
    const tensors: tf.Tensor[] = [];
    const slot = new Map<tf.Tensor, number>();
    for (const { mean } of this.entries) {
      const t = tensorOf(mean);
      if (t && !slot.has(t)) {
        slot.set(t, tensors.length);
        tensors.push(t);
      }
    }
    const entries = [...this.entries];
    return {
      tensors,
      toTrace: (values) => {
        // Element i is step lastStep - (LENGTH - 1) + i.
        const trace = new Float32Array(GATE_TRACE_LENGTH).fill(NaN);
        for (const { step, mean } of entries) {
          const i = step - lastStep + GATE_TRACE_LENGTH - 1;
          const t = tensorOf(mean);
          const value = t
            ? values[slot.get(t)!][typeof mean === 'object' && 'block' in mean ? mean.index : 0]
            : ((mean as number | undefined) ?? NaN);
          if (i >= 0 && i < GATE_TRACE_LENGTH) trace[i] = value;
        }
        return trace;
      },
    };
  }

  clear(): void {
    for (const e of this.entries) release(e.mean);
    this.entries = [];
  }
}

function tensorOf(mean: Mean | undefined): tf.Tensor | undefined {
  if (typeof mean !== 'object') return undefined;
  return 'block' in mean ? mean.block.tensor : mean;
}

function release(mean: Mean | undefined): void {
  if (typeof mean !== 'object') return;
  if (!('block' in mean)) return mean.dispose();
  if (--mean.block.users === 0) mean.block.tensor.dispose();
}
