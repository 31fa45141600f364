import type { ExperimentSpec } from '../../spec';
import type { Rng } from '../rng';
import type { Dataset } from '../tasks';
import { createDian, gateActive } from './dian';
import { createMlp } from './mlp';
import type { Model } from './model';
import { SpecError } from '../specError';

export function createModel(spec: ExperimentSpec, inputWidth: number, rng: Rng): Model {
  switch (spec.architecture) {
    case 'mlp':
      return createMlp(spec, inputWidth, rng);
    case 'live':
    case 'wormhole':
      throw new SpecError(`the ${spec.architecture} network has a session of its own`);
    case 'dian':
      return createDian(
        spec.dian,
        { inputs: inputWidth, layer1: spec.dian.layer1, layer2: spec.dian.layer2, outputs: 1 },
        spec.training,
        rng,
      );
  }
}

/**
 * The iteration t of training step `step` (numbered from 1): the step itself, or for DIAN's "epoch" option the
 * epoch that step's batch starts in (numbered from 1).
 */
export function iterationOf(spec: ExperimentSpec, step: number, dataset: Dataset): number {
  if (spec.architecture !== 'dian' || spec.dian.iteration === 'step') return step;
  const batch = Math.min(spec.training.batchSize, dataset.train.length);
  return Math.floor(((step - 1) * batch) / dataset.train.length) + 1;
}

/** Does the extra path take part in training iteration t? Always false for models without one. */
export function trainingGate(spec: ExperimentSpec, iteration: number): boolean {
  return spec.architecture === 'dian' && gateActive(spec.dian, iteration);
}
