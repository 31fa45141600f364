/**
 * Trains a session's variables with a fused kernel (fusedKernel.ts), K steps per call, and keeps the optimizer's
 * state as tensors between calls. Sessions use it on the backends the kernels run on; elsewhere they use autodiff.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainingSpec } from '../../experiment';
import { freshState, type OptimizerState } from './fused';
import { runFusedTraining } from './fusedKernel';
import type { NamedWeight } from './model';

export class FusedTrainer<O> {
  private state?: { slots: tf.Tensor[][]; beta: tf.Tensor };

  constructor(
    private kernelName: string,
    private training: TrainingSpec,
    private weights: NamedWeight[],
  ) {}

  /** Runs one step per batch (and gate flag); returns the step function's value of each step. */
  async train(
    data: { x: tf.Tensor2D; y: tf.Tensor2D; batches: Int32Array; gates: Int32Array; batchSize: number },
    options: O,
  ): Promise<Float32Array> {
    const state = (this.state ??= this.fresh());
    const batches = tf.tensor1d(data.batches, 'int32');
    const gates = tf.tensor1d(data.gates, 'int32');
    let out: ReturnType<typeof runFusedTraining>;
    try {
      out = runFusedTraining(
        this.kernelName,
        { x: data.x, y: data.y, batches, gates, weights: this.weights.map((w) => w.variable), ...state },
        { options, batchSize: data.batchSize },
      );
    } finally {
      tf.dispose([batches, gates]);
    }
    this.weights.forEach((w, k) => w.variable.assign(out.weights[k]));
    tf.dispose(out.weights);
    this.disposeState();
    this.state = { slots: out.slots, beta: out.beta };
    const perStep = (await out.perStep.data()) as Float32Array;
    out.perStep.dispose();
    return perStep;
  }

  private freshValues(): OptimizerState {
    return freshState(
      this.training.optimizer,
      this.weights.map((w) => w.variable.size),
    );
  }

  private fresh() {
    return this.tensors(this.freshValues());
  }

  private tensors({ slots, beta }: OptimizerState) {
    return {
      slots: slots.map((slot) => slot.map((values, k) => tf.tensor(values, this.weights[k].variable.shape))),
      beta: tf.tensor1d(beta),
    };
  }

  /** The optimizer's state now (a fresh one before the first step). */
  async readState(): Promise<OptimizerState> {
    if (!this.state) return this.freshValues();
    const read = async (t: tf.Tensor) => Float32Array.from((await t.data()) as Float32Array);
    return {
      slots: await Promise.all(this.state.slots.map((slot) => Promise.all(slot.map(read)))),
      beta: await read(this.state.beta),
    };
  }

  /** Goes on from this state (as `readState` gave it, for these weights). */
  writeState(state: OptimizerState): void {
    this.disposeState();
    this.state = this.tensors(state);
  }

  /** Forgets the optimizer's state (after weights are put back, as the autodiff optimizer is restarted). */
  disposeState(): void {
    if (this.state) tf.dispose([...this.state.slots.flat(), this.state.beta]);
    this.state = undefined;
  }
}
