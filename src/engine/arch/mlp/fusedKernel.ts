/**
 * The fused MLP training step (fusedStep.ts) as a tfjs kernel of the cpu and wasm backends: inputs are the
 * training rows, their labels, the batches of K steps, the weights and the optimizer's state; outputs are the
 * new weights and state, in the same order. The session assigns them to its variables (never writing into a
 * buffer another tensor may share).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { OptimizerState } from '../../core/fused';
import { fusedMlpSteps, type FusedMlpOptions } from './fusedStep';

export const FUSED_MLP_STEPS = 'FusedMlpSteps';

/** The backends the fused step runs on: their arrays live in JS (cpu) or in wasm memory, both readable here. */
export const FUSED_BACKENDS = ['cpu', 'wasm'] as const;

export interface FusedMlpAttrs {
  options: FusedMlpOptions;
  batchSize: number;
  /** How many weights and optimizer slots the inputs hold (w0.., s0_0.., beta). */
  weightCount: number;
  slotCount: number;
}

type Output = (backend: KernelBackend, shape: number[], values: Float32Array) => TensorInfo;

interface CpuBackend extends KernelBackend {
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}
interface WasmBackend extends KernelBackend {
  makeOutput(shape: number[], dtype: 'float32', memoryOffset: undefined, values: Float32Array): TensorInfo;
}

const OUTPUTS: Record<(typeof FUSED_BACKENDS)[number], Output> = {
  cpu: (backend, shape, values) => (backend as CpuBackend).makeTensorInfo(shape, 'float32', values),
  wasm: (backend, shape, values) => (backend as WasmBackend).makeOutput(shape, 'float32', undefined, values),
};

for (const backendName of FUSED_BACKENDS) {
  tf.registerKernel({
    kernelName: FUSED_MLP_STEPS,
    backendName,
    kernelFunc: ({ inputs, backend: anyBackend, attrs }) => {
      const backend = anyBackend as KernelBackend;
      const { options, batchSize, weightCount, slotCount } = attrs as unknown as FusedMlpAttrs;
      const input = (name: string): TensorInfo => {
        const t = inputs[name];
        if (!t) throw new Error(`${FUSED_MLP_STEPS} has no input ${name}`);
        return t;
      };
      const read = (name: string) => backend.readSync(input(name).dataId) as Float32Array;
      // Copies: the kernel's results are new arrays, never the inputs' buffers.
      const copy = (name: string) => Float32Array.from(read(name));
      const weights = Array.from({ length: weightCount }, (_, k) => copy(`w${k}`));
      const state: OptimizerState = {
        slots: Array.from({ length: slotCount }, (_, s) => weights.map((_w, k) => copy(`s${s}_${k}`))),
        beta: copy('beta'),
      };
      const batches = backend.readSync(input('batches').dataId) as Int32Array;
      fusedMlpSteps(options, read('x'), read('y'), batches, batchSize, weights, state);
      const output = (shape: number[], values: Float32Array) => OUTPUTS[backendName](backend, shape, values);
      const shapes = weights.map((_, k) => input(`w${k}`).shape);
      return [
        ...weights.map((w, k) => output(shapes[k], w)),
        ...state.slots.flatMap((slot) => slot.map((values, k) => output(shapes[k], values))),
        output([2], state.beta),
      ];
    },
  });
}

/** Runs K fused steps: returns the new weights and state as tensors (the caller owns them). */
export function runFusedMlpSteps(
  inputs: {
    x: tf.Tensor;
    y: tf.Tensor;
    batches: tf.Tensor;
    weights: tf.Tensor[];
    slots: tf.Tensor[][];
    beta: tf.Tensor;
  },
  attrs: Omit<FusedMlpAttrs, 'weightCount' | 'slotCount'>,
): { weights: tf.Tensor[]; slots: tf.Tensor[][]; beta: tf.Tensor } {
  const named: tf.NamedTensorMap = { x: inputs.x, y: inputs.y, batches: inputs.batches, beta: inputs.beta };
  inputs.weights.forEach((w, k) => (named[`w${k}`] = w));
  inputs.slots.forEach((slot, s) => slot.forEach((t, k) => (named[`s${s}_${k}`] = t)));
  const full: FusedMlpAttrs = {
    ...attrs,
    weightCount: inputs.weights.length,
    slotCount: inputs.slots.length,
  };
  const out = tf.engine().runKernel(FUSED_MLP_STEPS, named, full as unknown as NamedAttrMap) as tf.Tensor[];
  const n = inputs.weights.length;
  return {
    weights: out.slice(0, n),
    slots: inputs.slots.map((_, s) => out.slice(n + s * n, n + (s + 1) * n)),
    beta: out[out.length - 1],
  };
}
