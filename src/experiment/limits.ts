/** Size and range limits. Enforced by validateSpec, which the engine calls before it builds anything. */
export const LIMITS = {
  hiddenLayers: { min: 0, max: 8 },
  layerWidth: { min: 1, max: 64 },
  numSamples: { min: 20, max: 5000 },
  noise: { min: 0, max: 0.5 },
  trainRatio: { min: 0.1, max: 0.9 },
  batchSize: { min: 1, max: 1000 },
  learningRate: { min: 1e-6, max: 1000 },
  regularizationRate: { min: 0, max: 10 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  period: { min: 1, max: 100 },
  sequenceLength: { min: 2, max: 16 },
} as const;
