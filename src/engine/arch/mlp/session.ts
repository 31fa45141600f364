/**
 * The plain MLP session: the baseline every experimental architecture is compared with. On cpu and wasm it trains
 * with the fused kernel (fusedStep.ts, K steps per call) and reports frames with the fused frame kernel
 * (fusedFrame.ts); on WebGPU with its WGSL twin (fusedStep.wgsl.ts) where the adapter is a hardware one;
 * elsewhere, or when asked, by tfjs autodiff and ops.
 */
import type { ExperimentSpec, WeightMap } from '../../../experiment';
import type { MlpFrame } from '../../../protocol';
import { createRng, deriveSeed } from '../../../experiment';
import { LayeredSession, type FusedKernels } from '../../core/layeredSession';
import type { SessionBase, SessionOptions } from '../../core/session';
import { registerFusedTraining } from '../../core/fusedKernel';
import { registerFusedFrame } from '../../core/fusedFrame';
import { registerWgslKernels } from '../../core/webgpu/wgslKernel';
import { fusedMlpFrame, type MlpFrameOptions } from './fusedFrame';
import { fusedMlpSteps, type FusedMlpOptions } from './fusedStep';
import { MLP_SHADERS } from './fusedStep.wgsl';
import { createMlp } from './model';

const KERNELS: FusedKernels<FusedMlpOptions> = {
  typedArray: 'FusedMlpSteps',
  wgsl: { training: 'FusedMlpStepsWgsl', heatmap: 'FusedMlpHeatmapWgsl', shaders: MLP_SHADERS },
};
registerFusedTraining(KERNELS.typedArray, fusedMlpSteps);
registerWgslKernels(KERNELS.wgsl, MLP_SHADERS);
const FUSED_MLP_FRAME = 'FusedMlpFrame';
registerFusedFrame(FUSED_MLP_FRAME, fusedMlpFrame);

export class MlpSession extends LayeredSession<MlpFrame, FusedMlpOptions> implements SessionBase<'mlp'> {
  readonly kind = 'mlp' as const;
  protected readonly model;

  /** `fused: false` trains by autodiff even where the fused kernel runs (the tests' oracle). */
  constructor(spec: ExperimentSpec, options: SessionOptions = {}) {
    super(spec, options);
    this.model = createMlp(spec, this.feed.inputWidth, createRng(deriveSeed(spec.seed, 'init')), this.head);
    this.useKernels(KERNELS, options);
  }

  protected fusedOptions(): FusedMlpOptions {
    return {
      ...this.updateOptions(),
      widths: this.model.layerWidths,
      inputWidth: this.feed.inputWidth,
      activation: this.spec.mlp.activation,
      head: this.head,
    };
  }

  async train(steps: number): Promise<void> {
    const path = this.trainingPath;
    if (path === 'autodiff') return super.train(steps);
    const { batches, batchSize } = this.nextBatches(steps);
    const data = { ...this.feed.train, batches, gates: new Int32Array(steps), batchSize };
    if (path === 'wgsl') this.wgsl!.train(data, this.fusedOptions());
    else await this.fused!.train(data, this.fusedOptions());
    this.step += steps;
  }

  archLayout() {
    return { kind: 'mlp' as const };
  }

  protected frameKernel() {
    const options: MlpFrameOptions = { widths: this.model.layerWidths, activation: this.spec.mlp.activation };
    return { name: FUSED_MLP_FRAME, options };
  }

  protected archPieces() {
    return { tensors: [], frame: (): MlpFrame => ({ kind: 'mlp' }) };
  }

  /** Output logits for input rows: 2-D points [x1, x2] or sequence windows. */
  predict(points: number[][]): Promise<number[][]> {
    return this.predictWith(points, false);
  }

  /** Gradient of the training loss (data + regularisation) per named weight. */
  gradients(points: number[][], labels: number[]): Promise<WeightMap> {
    return this.gradientsWith(points, labels, false);
  }
}
