/**
 * Fused training steps as tfjs kernels of the cpu and wasm backends (each architecture brings its step function,
 * src/engine/arch/<name>/fusedStep.ts). Inputs: the training rows, their labels, the batches of K steps, per step
 * whether a gate is open (DIAN), the weights and the optimizer's state. Outputs: the new weights and state in the
 * same order, and one value per step the step function reports (the DIAN's gate mean). The session assigns them
 * to its variables, never writing into a buffer another tensor may share.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { OptimizerState } from './fused';

/** The backends fused steps run on: their arrays live in JS (cpu) or in wasm memory, both readable here. */
export const FUSED_BACKENDS = ['cpu', 'wasm'] as const;
export const fusedBackend = (name: string) => (FUSED_BACKENDS as readonly string[]).includes(name);

export interface StepData {
  x: Float32Array;
  y: Float32Array;
  batches: Int32Array;
  /** Per step: 1 when the gate is open. */
  gates: Int32Array;
  batchSize: number;
}

/** Runs the steps in place on weights and state; returns one value per step, or nothing. */
export type FusedStep<O> = (
  options: O,
  data: StepData,
  weights: Float32Array[],
  state: OptimizerState,
) => Float32Array | undefined;

interface Attrs<O> {
  options: O;
  batchSize: number;
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

/** A kernel's new float32 output on a fused backend, holding `values`. */
export const makeOutput = (
  backendName: (typeof FUSED_BACKENDS)[number],
  backend: KernelBackend,
  shape: number[],
  values: Float32Array,
): TensorInfo => OUTPUTS[backendName](backend, shape, values);

/** What a typed-array kernel is handed: its inputs by name, their values, and how to make its outputs. */
export interface TypedArrayKernelCall<A> {
  attrs: A;
  input: (name: string) => TensorInfo;
  /** Whether an optional input was given. */
  has: (name: string) => boolean;
  read: (name: string) => ReturnType<KernelBackend['readSync']>;
  output: (shape: number[], values: Float32Array) => TensorInfo;
}

/** Registers a kernel for every fused backend whose work is plain typed-array arithmetic (`run`). */
export function registerTypedArrayKernel<A>(
  kernelName: string,
  run: (call: TypedArrayKernelCall<A>) => TensorInfo | TensorInfo[],
): void {
  for (const backendName of FUSED_BACKENDS) {
    tf.registerKernel({
      kernelName,
      backendName,
      kernelFunc: ({ inputs, backend: anyBackend, attrs }) => {
        const backend = anyBackend as KernelBackend;
        const input = (name: string): TensorInfo => {
          const t = inputs[name];
          if (!t) throw new Error(`${kernelName} has no input ${name}`);
          return t;
        };
        return run({
          attrs: attrs as unknown as A,
          input,
          has: (name) => inputs[name] !== undefined,
          read: (name) => backend.readSync(input(name).dataId),
          output: (shape, values) => makeOutput(backendName, backend, shape, values),
        });
      },
    });
  }
}

export function registerFusedTraining<O>(kernelName: string, step: FusedStep<O>): void {
  registerTypedArrayKernel<Attrs<O>>(kernelName, ({ attrs, input, read, output }) => {
    const { options, batchSize, weightCount, slotCount } = attrs;
    // Copies: the kernel's results are new arrays, never the inputs' buffers.
    const copy = (name: string) => Float32Array.from(read(name) as Float32Array);
    const weights = Array.from({ length: weightCount }, (_, k) => copy(`w${k}`));
    const state: OptimizerState = {
      slots: Array.from({ length: slotCount }, (_, s) => weights.map((_w, k) => copy(`s${s}_${k}`))),
      beta: copy('beta'),
    };
    const data: StepData = {
      x: read('x') as Float32Array,
      y: read('y') as Float32Array,
      batches: read('batches') as Int32Array,
      gates: read('gates') as Int32Array,
      batchSize,
    };
    const perStep = step(options, data, weights, state) ?? new Float32Array(0);
    const shapes = weights.map((_, k) => input(`w${k}`).shape);
    return [
      ...weights.map((w, k) => output(shapes[k], w)),
      ...state.slots.flatMap((slot) => slot.map((values, k) => output(shapes[k], values))),
      output([2], state.beta),
      output([perStep.length], perStep),
    ];
  });
}

export interface FusedInputs {
  x: tf.Tensor;
  y: tf.Tensor;
  batches: tf.Tensor;
  gates: tf.Tensor;
  weights: tf.Tensor[];
  slots: tf.Tensor[][];
  beta: tf.Tensor;
}

/** Runs K fused steps: the new weights, state and per-step values as tensors (the caller owns them). */
export function runFusedTraining<O>(
  kernelName: string,
  inputs: FusedInputs,
  attrs: { options: O; batchSize: number },
): { weights: tf.Tensor[]; slots: tf.Tensor[][]; beta: tf.Tensor; perStep: tf.Tensor } {
  const { x, y, batches, gates, beta } = inputs;
  const named: tf.NamedTensorMap = { x, y, batches, gates, beta };
  inputs.weights.forEach((w, k) => (named[`w${k}`] = w));
  inputs.slots.forEach((slot, s) => slot.forEach((t, k) => (named[`s${s}_${k}`] = t)));
  const full: Attrs<O> = { ...attrs, weightCount: inputs.weights.length, slotCount: inputs.slots.length };
  const out = tf.engine().runKernel(kernelName, named, full as unknown as NamedAttrMap) as tf.Tensor[];
  const n = inputs.weights.length;
  return {
    weights: out.slice(0, n),
    slots: inputs.slots.map((_, s) => out.slice(n + s * n, n + (s + 1) * n)),
    beta: out[out.length - 2],
    perStep: out[out.length - 1],
  };
}
