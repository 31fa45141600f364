/**
 * The WGSL shaders of an architecture as tfjs kernels of the 'webgpu' backend, run through tfjs's own program
 * machinery (runWebGPUProgram: its bindings, uniforms, pipeline cache and command encoder). tfjs gives a
 * program one output, so the training kernel returns the whole state in one buffer (trainingCode.ts has its
 * layout) and the trainer slices the weights out of it.
 *   training  inputs trainX [n, width], trainY [n, 1], batches (int32, K * B), gates (int32, K), prev (state);
 *             output [state | scratch | K per-step values]
 *   heatmap   inputs grid [N, width], weights (the state, or the weights alone); output [N]; attr gate
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { UpdateOptions } from '../fused';
import type { WgslBackend, WgslProgram } from './program';
import type { TrainingShader, WgslShaders } from './shader';
import { TRAINING_UNIFORMS, trainingUniforms } from './trainingCode';

export interface WgslKernelNames {
  training: string;
  heatmap: string;
}

export interface WgslTrainingAttrs<O> {
  options: O;
  batchSize: number;
  /** At most this much workgroup memory (tests force the storage placement with it); else the device's limit. */
  workgroupBytes?: number;
}

const HEATMAP_WORKGROUP = 64;
const TRAINING_INPUTS = ['trainX', 'trainY', 'batches', 'gates', 'prev'] as const;

/** The workgroup-memory budget on this device (tfjs asks the adapter's limit for the device). */
export function workgroupBudget(backend: WgslBackend, cap = Infinity): number {
  return Math.min(cap, backend.device.limits.maxComputeWorkgroupStorageSize);
}

/** The training shader for these attributes on this backend, from a cache (generating WGSL is not free). */
export function trainingShader<O extends UpdateOptions>(
  shaders: WgslShaders<O>,
  backend: WgslBackend,
  attrs: WgslTrainingAttrs<O>,
): TrainingShader {
  // The rates are uniforms: one shader serves them all.
  const shapeOnly = { ...attrs.options, learningRate: 0, regularizationRate: 0, epsilon: 0 };
  const budget = workgroupBudget(backend, attrs.workgroupBytes);
  const key = JSON.stringify([shapeOnly, attrs.batchSize, budget]);
  let shader = CACHE.get(key);
  if (!shader) {
    shader = shaders.training(attrs.options, attrs.batchSize, budget);
    CACHE.set(key, shader);
  }
  return shader;
}
const CACHE = new Map<string, TrainingShader>();

export function registerWgslKernels<O extends UpdateOptions>(
  names: WgslKernelNames,
  shaders: WgslShaders<O>,
): void {
  tf.registerKernel({
    kernelName: names.training,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend: anyBackend, attrs }) => {
      const backend = anyBackend as WgslBackend;
      const a = attrs as unknown as WgslTrainingAttrs<O>;
      const shader = trainingShader(shaders, backend, a);
      const ins = TRAINING_INPUTS.map((n) => need(inputs, n, names.training));
      const steps = ins[3].shape[0];
      const program: WgslProgram = {
        variableNames: [...TRAINING_INPUTS],
        outputShape: [shader.layout.scratch + shader.plan.scratch + steps],
        shaderKey: shader.key,
        dispatchLayout: { x: [0] },
        dispatch: [1, 1, 1],
        workgroupSize: [shader.workgroup, 1, 1],
        uniforms: TRAINING_UNIFORMS,
        getUserCode: () => shader.code,
      };
      return backend.runWebGPUProgram(program, ins, 'float32', trainingUniforms(a.options));
    },
  });
  tf.registerKernel({
    kernelName: names.heatmap,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend: anyBackend, attrs }) => {
      const backend = anyBackend as WgslBackend;
      const { options, gate } = attrs as unknown as { options: O; gate: boolean };
      const shader = shaders.heatmap(options);
      const grid = need(inputs, 'grid', names.heatmap);
      const rows = grid.shape[0];
      const program: WgslProgram = {
        variableNames: ['grid', 'weights'],
        outputShape: [rows],
        shaderKey: shader.key,
        dispatchLayout: { x: [0] },
        dispatch: [Math.ceil(rows / HEATMAP_WORKGROUP), 1, 1],
        workgroupSize: [HEATMAP_WORKGROUP, 1, 1],
        uniforms: 'gate : i32,',
        getUserCode: () => shader.code,
      };
      return backend.runWebGPUProgram(program, [grid, need(inputs, 'weights', names.heatmap)], 'float32', [
        { type: 'int32', data: [gate ? 1 : 0] },
      ]);
    },
  });
}

function need(inputs: Record<string, TensorInfo | undefined>, name: string, kernel: string): TensorInfo {
  const t = inputs[name];
  if (!t) throw new Error(`${kernel} has no input ${name}`);
  return t;
}

/** Runs the training kernel: the new state and K per-step values in one tensor (the caller owns it). */
export function runWgslTraining<O>(
  name: string,
  inputs: { trainX: tf.Tensor; trainY: tf.Tensor; batches: tf.Tensor; gates: tf.Tensor; prev: tf.Tensor },
  attrs: WgslTrainingAttrs<O>,
): tf.Tensor1D {
  return tf.engine().runKernel(name, inputs, attrs as unknown as NamedAttrMap) as tf.Tensor1D;
}

/** Runs the heatmap kernel: sigmoid of the logit for each grid row. */
export function runWgslHeatmap<O>(
  name: string,
  inputs: { grid: tf.Tensor; weights: tf.Tensor },
  attrs: { options: O; gate: boolean },
): tf.Tensor1D {
  return tf.engine().runKernel(name, inputs, attrs as unknown as NamedAttrMap) as tf.Tensor1D;
}
