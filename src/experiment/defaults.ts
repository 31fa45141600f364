import { defaultLiveSpec } from './arch/live/slice';
import { defaultWormholeSpec } from './arch/wormhole/slice';
import { SCHEMA_VERSION, type Architecture, type ExperimentSpec } from './spec';

/** A complete, valid spec for an architecture. Defaults follow the TensorFlow Playground's where it has one. */
export function defaultSpec(architecture: Architecture = 'mlp'): ExperimentSpec {
  return {
    version: SCHEMA_VERSION,
    architecture,
    seed: 1,
    backend: 'auto',
    task: { kind: 'circle', noise: 0, trainRatio: 0.5, numSamples: 500, features: ['x1', 'x2'], length: 6 },
    training: {
      learningRate: 0.03,
      batchSize: 10,
      optimizer: 'sgd',
      regularization: 'none',
      regularizationRate: 0,
    },
    mlp: { hiddenLayers: [4, 2], activation: 'tanh' },
    dian: {
      layer1: 8,
      layer2: 8,
      period: 2,
      iteration: 'step',
      source: 'x',
      finalActivation: 'none',
      evaluation: 'on',
      schedule: 'periodic',
    },
    live: defaultLiveSpec(),
    wormhole: defaultWormholeSpec(),
    speed: 3,
    view: { showTestData: false, discretize: false },
  };
}
