/**
 * The DIAN session: an MLP-like training loop in which the gated extra path takes part on active iterations only
 * (model.ts has the maths). It records the gate of recent steps for the valve and strip, and reports the test
 * accuracy with the gate forced on and off.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentSpec, GatePolicy, WeightMap } from '../../../experiment';
import type { DianFrame, DianMetrics } from '../../../protocol';
import { createRng, deriveSeed, headUnits } from '../../../experiment';
import { LayeredSession, type FusedKernels } from '../../core/layeredSession';
import type { SessionBase, SessionOptions } from '../../core/session';
import type { Dataset } from '../../core/tasks';
import { registerFusedTraining } from '../../core/fusedKernel';
import { registerFusedFrame } from '../../core/fusedFrame';
import { registerWgslKernels } from '../../core/webgpu/wgslKernel';
import { fusedDianFrame, type DianFrameOptions } from './fusedFrame';
import { fusedDianSteps, type FusedDianOptions } from './fusedStep';
import { DIAN_SHADERS } from './fusedStep.wgsl';
import { GATE_TRACE_LENGTH, GateTrace } from './gateTrace';
import { createDian, gateActive } from './model';
import type { FusedSize } from '../../core/mapBands';

export type GateChoice = 'on' | 'off';

const KERNELS: FusedKernels<FusedDianOptions> = {
  typedArray: 'FusedDianSteps',
  wgsl: { training: 'FusedDianStepsWgsl', heatmap: 'FusedDianHeatmapWgsl', shaders: DIAN_SHADERS },
};
registerFusedTraining(KERNELS.typedArray, fusedDianSteps);
registerWgslKernels(KERNELS.wgsl, DIAN_SHADERS);
const FUSED_DIAN_FRAME = 'FusedDianFrame';
registerFusedFrame(FUSED_DIAN_FRAME, fusedDianFrame);

export class DianSession extends LayeredSession<DianFrame, FusedDianOptions> implements SessionBase<'dian'> {
  readonly kind = 'dian' as const;
  protected readonly model;
  private gateTrace = new GateTrace();

  /** `fused: false` trains by autodiff even where the fused kernel runs (the tests' oracle). */
  constructor(spec: ExperimentSpec, options: SessionOptions = {}) {
    super(spec, options);
    const { dian } = spec;
    this.model = createDian(
      dian,
      {
        inputs: this.feed.inputWidth,
        layer1: dian.layer1,
        layer2: dian.layer2,
        outputs: headUnits(this.head),
      },
      spec.training,
      createRng(deriveSeed(spec.seed, 'init')),
      this.head,
    );
    this.useKernels(KERNELS, options);
  }

  protected fusedOptions(): FusedDianOptions {
    const { layer1, layer2, source, finalActivation } = this.spec.dian;
    return {
      ...this.updateOptions(),
      inputWidth: this.feed.inputWidth,
      layer1,
      layer2,
      source,
      finalActivation,
      head: this.head,
    };
  }

  async train(steps: number): Promise<void> {
    const path = this.trainingPath;
    if (path === 'autodiff') return super.train(steps);
    const { batches, batchSize } = this.nextBatches(steps);
    const gates = Int32Array.from({ length: steps }, (_, i) => Number(this.trainingGate(this.step + 1 + i)));
    const data = { ...this.feed.train, batches, gates, batchSize };
    // Only the last iterations reach the trace.
    const traced = Math.min(steps, GATE_TRACE_LENGTH);
    if (path === 'wgsl') {
      // The gate means stay on the device until the frame reads them.
      const means = this.wgsl!.train(data, this.fusedOptions(), traced)!;
      this.gateTrace.recordBlock(this.step + 1 + steps - traced, gates.subarray(steps - traced), means);
    } else {
      const means = await this.fused!.train(data, this.fusedOptions());
      for (let i = steps - traced; i < steps; i++)
        this.gateTrace.record(this.step + 1 + i, gates[i] ? means[i] : undefined);
    }
    this.step += steps;
  }

  archLayout() {
    return { kind: 'dian' as const, source: this.spec.dian.source };
  }

  protected trainingGate(stepNumber: number): boolean {
    return gateActive(this.spec.dian, iterationOf(this.spec, stepNumber, this.dataset));
  }

  /** The gate used when not training: the spec's evaluation policy, or as given. */
  protected evalGate(gate?: GateChoice): boolean {
    const policy: GatePolicy = gate ?? this.spec.dian.evaluation;
    if (policy === 'parity') return this.trainingGate(this.step);
    return policy === 'on';
  }

  protected afterStep(stepNumber: number, x: tf.Tensor2D, gate: boolean): void {
    const mean = gate ? tf.keep(tf.mean(this.model.gateValues!(x)) as tf.Scalar) : undefined;
    this.gateTrace.record(stepNumber, mean);
  }

  protected frameKernel() {
    const { layer1, layer2, source, finalActivation } = this.spec.dian;
    const outputs = headUnits(this.head);
    const options: DianFrameOptions = { layer1, layer2, source, finalActivation, outputs };
    return { name: FUSED_DIAN_FRAME, options };
  }

  /**
   * The test accuracy with the gate on and off, g over the heatmap's grid (the frame kernel computes these three
   * where it runs), the extra path's neurons over the neuron maps' grid (by ops, on every path), and the gate
   * trace's means still on the device (steps trained by autodiff).
   */
  protected archPieces(heatmapRes: number, fused: boolean, neuronRes: number) {
    const trace = this.gateTrace.pending(this.step);
    // Neuron by neuron, as the neuron maps: layer 2's width x neuronRes². The gate over the heatmap's grid comes
    // from the kernel in its bands ('grid': one value per row of each band, mapBands.ts).
    const extra = neuronRes > 0 ? [tf.transpose(this.model.extraValues!(this.feed.grid(neuronRes)))] : [];
    const computed = fused
      ? []
      : [
          this.setMetrics(this.feed.test, true)[1],
          this.setMetrics(this.feed.test, false)[1],
          ...(heatmapRes > 0 ? [this.model.gateValues!(this.feed.grid(heatmapRes))] : []),
        ];
    const fusedSizes: FusedSize[] | undefined = fused
      ? [1, 1, ...(heatmapRes > 0 ? ['grid' as const] : [])]
      : undefined;
    const mapped = heatmapRes > 0 ? 1 : 0;
    return {
      tensors: [...computed, ...extra, ...trace.tensors],
      fusedSizes,
      frame: (values: Float32Array[]): DianFrame => ({
        kind: 'dian',
        testAccuracyGateOn: values[0][0],
        testAccuracyGateOff: values[1][0],
        gateMap: heatmapRes > 0 ? values[2] : new Float32Array(0),
        extraMaps: extra.length > 0 ? values[2 + mapped] : new Float32Array(0),
        gateTrace: trace.toTrace(values.slice(2 + mapped + extra.length)),
      }),
    };
  }

  async evaluate(): Promise<DianMetrics> {
    const { metrics, arch } = await this.snapshot();
    const { testAccuracyGateOn, testAccuracyGateOff } = arch;
    return { ...metrics, testAccuracyGateOn, testAccuracyGateOff };
  }

  /** Output logits; the gate as given, else as the spec's evaluation policy. */
  predict(points: number[][], options: { gate?: GateChoice } = {}): Promise<number[][]> {
    return this.predictWith(points, this.evalGate(options.gate));
  }

  /** Gradient of the training loss per named weight; the gate as given, else as the next training step's. */
  gradients(points: number[][], labels: number[], options: { gate?: GateChoice } = {}): Promise<WeightMap> {
    const gate = options.gate !== undefined ? this.evalGate(options.gate) : this.trainingGate(this.step + 1);
    return this.gradientsWith(points, labels, gate);
  }

  /** The gate value g for each input row. */
  async gateValues(points: number[][]): Promise<number[]> {
    const out = tf.tidy(() => this.model.gateValues!(this.feed.features(points)));
    const values = Array.from(await out.data());
    out.dispose();
    return values;
  }

  restore(weights: Float32Array, step: number): void {
    super.restore(weights, step);
    this.gateTrace.clear();
  }

  dispose(): void {
    super.dispose();
    this.gateTrace.clear();
  }
}

/**
 * The iteration t of training step `step` (numbered from 1): the step itself, or with the "epoch" option the
 * epoch that step's batch starts in; numbered from 1, or from 0 as in the paper's loop (counting 'from0').
 */
export function iterationOf(
  spec: Pick<ExperimentSpec, 'dian' | 'training'>,
  step: number,
  dataset: Dataset,
): number {
  // The paper's loop counts from 0: its first step is iteration 0.
  const first = spec.dian.counting === 'from0' ? 0 : 1;
  if (spec.dian.iteration === 'step') return step - 1 + first;
  const batch = Math.min(spec.training.batchSize, dataset.train.length);
  return Math.floor(((step - 1) * batch) / dataset.train.length) + first;
}
