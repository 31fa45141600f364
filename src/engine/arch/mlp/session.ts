/** The plain MLP session: the baseline every experimental architecture is compared with. */
import type { ExperimentSpec, WeightMap } from '../../../experiment';
import type { MlpFrame } from '../../../protocol';
import { createRng, deriveSeed } from '../../../experiment';
import { LayeredSession } from '../../core/layeredSession';
import type { SessionBase } from '../../core/session';
import { createMlp } from './model';

export class MlpSession extends LayeredSession<MlpFrame> implements SessionBase<'mlp'> {
  readonly kind = 'mlp' as const;
  protected readonly model;

  constructor(spec: ExperimentSpec) {
    super(spec);
    this.model = createMlp(spec, this.feed.inputWidth, createRng(deriveSeed(spec.seed, 'init')));
  }

  archLayout() {
    return { kind: 'mlp' as const };
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
