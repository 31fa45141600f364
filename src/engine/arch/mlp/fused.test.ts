import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, defaultSpec, OPTIMIZERS, type ExperimentSpec } from '../../../experiment';
import { weightGap } from '../../testing/reference';
import { MlpSession } from './session';

const REGULARIZATIONS = [
  ['none', 0],
  ['l1', 0.01],
  ['l2', 0.05],
] as const;

function spec(
  activation: ExperimentSpec['mlp']['activation'],
  optimizer: ExperimentSpec['training']['optimizer'],
) {
  const s = defaultSpec('mlp');
  s.task.kind = 'xor';
  s.task.numSamples = 60;
  s.task.features = ['x1', 'x2', 'x1x2'];
  s.mlp = { hiddenLayers: [5, 3], activation };
  s.training = { ...s.training, optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.05, batchSize: 7 };
  return s;
}

/** Largest difference between the two sessions' weights, relative to max(1, |w|). */
const gap = async (a: MlpSession, b: MlpSession) =>
  weightGap(await a.exportWeights(), await b.exportWeights());

/** Trains both for 40 steps, the fused one in uneven calls (its optimizer state must carry over). */
async function compare(s: ExperimentSpec): Promise<number> {
  const fused = new MlpSession(s);
  const autodiff = new MlpSession(s, { fused: false });
  expect(fused.isFused).toBe(true);
  expect(autodiff.isFused).toBe(false);
  for (const steps of [1, 12, 27]) await fused.train(steps);
  await autodiff.train(40);
  expect(fused.step).toBe(40);
  const worst = await gap(fused, autodiff);
  fused.dispose();
  autodiff.dispose();
  return worst;
}

describe('the fused MLP training step against tfjs autodiff', () => {
  for (const activation of ACTIVATIONS)
    for (const optimizer of OPTIMIZERS)
      it(`matches step for step: ${activation}, ${optimizer}, each regularization`, async () => {
        for (const [regularization, rate] of REGULARIZATIONS) {
          const s = spec(activation, optimizer);
          s.training = { ...s.training, regularization, regularizationRate: rate };
          expect(await compare(s)).toBeLessThan(5e-6);
        }
      });

  it('trains (the weights move) and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const s = new MlpSession(spec('tanh', 'adam'));
    const w0 = await s.exportWeights();
    for (let i = 0; i < 5; i++) await s.train(20);
    expect(await s.exportWeights()).not.toEqual(w0);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves no tensor behind with momentum either way, restarts included (tfjs forgets one scalar there)', async () => {
    const before = tf.memory().numTensors;
    for (const fused of [true, false]) {
      const s = new MlpSession(spec('relu', 'momentum'), { fused });
      await s.train(5);
      s.restore((await s.snapshot()).weights, 5);
      await s.train(5);
      s.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('restarts the optimizer when weights are put back, as the autodiff path does', async () => {
    const s = spec('relu', 'momentum');
    const [fused, autodiff] = [new MlpSession(s), new MlpSession(s, { fused: false })];
    for (const session of [fused, autodiff]) {
      await session.train(10);
      const { weights } = await session.snapshot();
      await session.train(10);
      session.restore(weights, 10);
      await session.train(10);
    }
    expect(await gap(fused, autodiff)).toBeLessThan(5e-6);
    fused.dispose();
    autodiff.dispose();
  });

  describe('on the wasm backend', () => {
    afterAll(() => tf.setBackend('cpu'));
    it('matches autodiff there too', async () => {
      expect(await tf.setBackend('wasm')).toBe(true);
      expect(await compare(spec('sigmoid', 'adam'))).toBeLessThan(5e-6);
    });
  });
});
