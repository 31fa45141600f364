import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSpec, OPTIMIZERS, type DianSpec, type ExperimentSpec } from '../../../experiment';
import { weightGap } from '../../testing/reference';
import { DianSession } from './session';

function spec(dian: Partial<DianSpec>, training: Partial<ExperimentSpec['training']> = {}): ExperimentSpec {
  const s = defaultSpec('dian');
  s.task.kind = 'spiral';
  s.task.numSamples = 60;
  s.task.features = ['x1', 'x2', 'sin x1'];
  s.dian = { ...s.dian, layer1: 5, layer2: 4, ...dian };
  s.training = { ...s.training, batchSize: 6, ...training };
  return s;
}

/** Largest difference between the two sessions' weights, relative to max(1, |w|). */
const gap = async (a: DianSession, b: DianSession) =>
  weightGap(await a.exportWeights(), await b.exportWeights());

/** 41 steps both ways (the fused one in uneven calls); the weights and the gate traces must agree. */
async function compare(s: ExperimentSpec): Promise<void> {
  const fused = new DianSession(s);
  const autodiff = new DianSession(s, { fused: false });
  expect([fused.isFused, autodiff.isFused]).toEqual([true, false]);
  for (const steps of [1, 13, 27]) await fused.train(steps);
  await autodiff.train(41);
  expect(await gap(fused, autodiff)).toBeLessThan(5e-6);
  const [tf1, tf2] = [(await fused.snapshot()).arch.gateTrace, (await autodiff.snapshot()).arch.gateTrace];
  tf2.forEach((g, i) => (Number.isNaN(g) ? expect(tf1[i]).toBeNaN() : expect(tf1[i]).toBeCloseTo(g, 5)));
  expect(tf2.some((g) => !Number.isNaN(g))).toBe(true);
  fused.dispose();
  autodiff.dispose();
}

describe('the fused DIAN training step against tfjs autodiff', () => {
  for (const source of ['x', 'h1'] as const)
    for (const finalActivation of ['none', 'relu'] as const)
      it(`matches step for step: source ${source}, final ${finalActivation}, every optimizer`, async () => {
        for (const optimizer of OPTIMIZERS)
          await compare(
            spec({ source, finalActivation }, { optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.1 }),
          );
      });

  it('matches with regularization (the closed extra path is not regularised) and by epochs', async () => {
    await compare(
      spec({ iteration: 'epoch' }, { regularization: 'l1', regularizationRate: 0.01, optimizer: 'adam' }),
    );
    await compare(
      spec({ period: 3 }, { regularization: 'l2', regularizationRate: 0.05, optimizer: 'momentum' }),
    );
  });

  it('matches with the gate always and never on', async () => {
    await compare(spec({ schedule: 'always' }));
    const never = spec({ schedule: 'never' });
    const [a, b] = [new DianSession(never), new DianSession(never, { fused: false })];
    await a.train(30);
    await b.train(30);
    expect(await gap(a, b)).toBeLessThan(5e-6);
    a.dispose();
    b.dispose();
  });

  it('leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const s = new DianSession(spec({}, { optimizer: 'adam' }));
    for (let i = 0; i < 5; i++) await s.train(100);
    await s.snapshot({ heatmapRes: 4, neuronRes: 2 });
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
