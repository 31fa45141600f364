/**
 * Trains an MLP's variables with the fused kernel, K steps per call, and keeps the optimizer's state as tensors
 * between calls. Used on the backends the kernel is registered for; elsewhere the session trains by autodiff.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentSpec } from '../../../experiment';
import type { NamedWeight } from '../../core/model';
import { FUSED_BACKENDS, runFusedMlpSteps } from './fusedKernel';
import { freshState } from '../../core/fused';
import type { FusedMlpOptions } from './fusedStep';

export const fusedBackend = (name: string) => (FUSED_BACKENDS as readonly string[]).includes(name);

export class FusedMlpTrainer {
  private state?: { slots: tf.Tensor[][]; beta: tf.Tensor };

  constructor(
    private spec: ExperimentSpec,
    private weights: NamedWeight[],
    private widths: number[],
    private inputWidth: number,
  ) {}

  /** Runs `batches.length / batchSize` steps on the training rows x, labels y. */
  train(x: tf.Tensor2D, y: tf.Tensor2D, batches: Int32Array, batchSize: number): void {
    const { training, mlp } = this.spec;
    const options: FusedMlpOptions = {
      widths: this.widths,
      inputWidth: this.inputWidth,
      activation: mlp.activation,
      optimizer: training.optimizer,
      learningRate: training.learningRate,
      regularization: training.regularization,
      regularizationRate: training.regularizationRate,
      epsilon: tf.backend().epsilon(),
    };
    const state = (this.state ??= this.fresh());
    const batchTensor = tf.tensor1d(batches, 'int32');
    const out = runFusedMlpSteps(
      { x, y, batches: batchTensor, weights: this.weights.map((w) => w.variable), ...state },
      { options, batchSize },
    );
    batchTensor.dispose();
    this.weights.forEach((w, k) => w.variable.assign(out.weights[k]));
    tf.dispose(out.weights);
    this.disposeState();
    this.state = { slots: out.slots, beta: out.beta };
  }

  private fresh() {
    const { slots, beta } = freshState(
      this.spec.training.optimizer,
      this.weights.map((w) => w.variable.size),
    );
    return {
      slots: slots.map((slot) => slot.map((values, k) => tf.tensor(values, this.weights[k].variable.shape))),
      beta: tf.tensor1d(beta),
    };
  }

  /** Forgets the optimizer's state (after weights are put back, as the autodiff optimizer is restarted). */
  disposeState(): void {
    if (this.state) tf.dispose([...this.state.slots.flat(), this.state.beta]);
    this.state = undefined;
  }
}
