/**
 * Trains a session's variables on WebGPU with an architecture's WGSL kernel (wgslKernel.ts), K steps per
 * dispatch, and draws its heatmap with the same weights. Nothing is read back here: the new weights are slices
 * of the kernel's output, assigned to the variables on the device, and the per-step values (the DIAN's gate
 * means) stay a tensor until the frame reads everything at once.
 * The last output is kept: while the variables still hold the slices taken from it, it is the next call's input
 * (weights, optimizer state and b^t in place, no packing); after weights were set from outside, the variables
 * are packed again with the optimizer state as it was.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainingSpec } from '../../../experiment';
import { freshState, type UpdateOptions } from '../fused';
import type { NamedWeight } from '../model';
import type { WgslBackend } from './program';
import type { WgslShaders } from './shader';
import { stateLayout } from './trainingCode';
import {
  runWgslHeatmap,
  runWgslTraining,
  trainingShader,
  type WgslKernelNames,
  type WgslTrainingAttrs,
} from './wgslKernel';

/** Steps per dispatch at most (a tick asks for up to 4096): its output stays small. */
export const MAX_STEPS_PER_DISPATCH = 4096;
/**
 * Multiply-adds one dispatch may do, about: one workgroup runs on one GPU core, and an operating system resets a GPU
 * whose work runs for seconds (Windows after 2 s). A step costs about 3 x batch x weights multiply-adds.
 */
const MACS_PER_DISPATCH = 2e7;

/** How many steps one dispatch runs for this batch size and weight count. */
export function stepsPerDispatch(batchSize: number, weightCount: number): number {
  const perStep = 3 * batchSize * weightCount;
  return Math.max(1, Math.min(MAX_STEPS_PER_DISPATCH, Math.floor(MACS_PER_DISPATCH / perStep)));
}

export interface WgslStepData {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  batches: Int32Array;
  gates: Int32Array;
  batchSize: number;
}

export class WgslTrainer<O extends UpdateOptions> {
  private last?: { out: tf.Tensor1D; variables: object[] };

  constructor(
    private names: WgslKernelNames,
    private training: TrainingSpec,
    private weights: NamedWeight[],
    /** Tests cap the workgroup memory to force the storage placement. */
    private workgroupBytes?: number,
  ) {}

  /** Whether the kernel's buffers fit this device for these options (else the session keeps autodiff). */
  static fits<O extends UpdateOptions>(shaders: WgslShaders<O>, options: O, batchSize: number): boolean {
    const backend = tf.backend() as WgslBackend;
    const shader = trainingShader(shaders, backend, { options, batchSize });
    const floats = shader.layout.scratch + shader.plan.scratch + MAX_STEPS_PER_DISPATCH;
    return 4 * floats <= backend.device.limits.maxStorageBufferBindingSize;
  }

  /**
   * Runs one step per batch (and gate flag). Returns the per-step values of the last `keep` steps as a tensor
   * (the caller owns it), or nothing when `keep` is 0.
   */
  train(data: WgslStepData, options: O, keep = 0): tf.Tensor1D | undefined {
    const steps = data.gates.length;
    const chunk = stepsPerDispatch(data.batchSize, this.weightCount);
    const blocks: tf.Tensor1D[] = [];
    for (let start = 0; start < steps; start += chunk) {
      const end = Math.min(steps, start + chunk);
      const out = this.dispatch(data, options, start, end);
      const wanted = Math.min(end - start, keep - (steps - end));
      if (wanted > 0) blocks.push(tf.slice(out, [out.size - wanted], [wanted]));
    }
    if (blocks.length <= 1) return blocks[0];
    const joined = tf.concat(blocks);
    tf.dispose(blocks);
    return joined;
  }

  private dispatch(data: WgslStepData, options: O, start: number, end: number): tf.Tensor1D {
    const B = data.batchSize;
    const attrs: WgslTrainingAttrs<O> = { options, batchSize: B, workgroupBytes: this.workgroupBytes };
    const out = tf.tidy(() =>
      runWgslTraining(
        this.names.training,
        {
          trainX: data.x,
          trainY: data.y,
          batches: tf.tensor1d(data.batches.subarray(start * B, end * B), 'int32'),
          gates: tf.tensor1d(data.gates.subarray(start, end), 'int32'),
          prev: this.state(),
        },
        attrs,
      ),
    );
    tf.tidy(() => {
      let offset = 0;
      for (const { variable } of this.weights) {
        variable.assign(tf.reshape(tf.slice(out, [offset], [variable.size]), variable.shape));
        offset += variable.size;
      }
    });
    this.last?.out.dispose();
    this.last = { out, variables: this.weights.map((w) => w.variable.dataId) };
    return out;
  }

  /** The state the next step starts from (a tensor of the current tidy, or the last output itself). */
  private state(): tf.Tensor1D {
    if (this.current()) return this.last!.out;
    const layout = stateLayout(this.weightCount, this.training.optimizer);
    const optimizer = this.last
      ? tf.slice(this.last.out, [layout.weights], [layout.scratch - layout.weights])
      : tf.tensor1d(fresh(this.training, layout.weights));
    return tf.concat([...this.weights.map((w) => tf.reshape(w.variable, [-1])), optimizer]) as tf.Tensor1D;
  }

  private get weightCount(): number {
    return this.weights.reduce((n, w) => n + w.variable.size, 0);
  }

  /** Do the variables still hold the weights of the last output? */
  private current(): boolean {
    return (
      this.last !== undefined && this.weights.every((w, k) => w.variable.dataId === this.last!.variables[k])
    );
  }

  /** sigmoid(logit) per grid row, from the weights as they are (inside the caller's tidy). */
  heatmap(grid: tf.Tensor2D, options: O, gate: boolean): tf.Tensor1D {
    const weights = this.current()
      ? this.last!.out
      : (tf.concat(this.weights.map((w) => tf.reshape(w.variable, [-1]))) as tf.Tensor1D);
    return runWgslHeatmap(this.names.heatmap, { grid, weights }, { options, gate });
  }

  /** Forgets the optimizer's state (after weights are put back, as the autodiff optimizer is restarted). */
  disposeState(): void {
    this.last?.out.dispose();
    this.last = undefined;
  }
}

/** A fresh optimizer's slots and b^t, flat. */
function fresh(training: TrainingSpec, weightCount: number): Float32Array {
  const { slots, beta } = freshState(training.optimizer, [weightCount]);
  const flat = new Float32Array(weightCount * slots.length + 2);
  flat.set(beta, weightCount * slots.length);
  return flat;
}
