import { testDriver } from './testing/comparisonDriver';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createSession } from '../engine';
import {
  abArms,
  createRng,
  defaultSpec,
  defaultVariant,
  LIVE_NOT_MIXED,
  PLANE_TASKS,
  VARIANT_KINDS,
  type ComparisonArm,
  type ExperimentSpec,
} from '../experiment';
import type { ComparisonRun, Metrics } from '../protocol';
import { Comparison, COMPARISON_CHUNK } from './comparison';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** What the comparison should record, from each arm's seeds trained alone, one session after the other. */
async function apart(arms: ComparisonArm[], seeds: number, checkpoints: number[]) {
  const runs = [];
  for (const arm of arms) {
    const perSeed: Metrics[][] = [];
    for (let k = 0; k < seeds; k++) {
      const s = await createSession({ ...arm.spec, seed: arm.spec.seed + k });
      const metrics = [];
      for (const step of checkpoints) {
        await s.train(step - s.step);
        metrics.push(await s.evaluate());
      }
      s.dispose();
      perSeed.push(metrics);
    }
    const at = (i: number, key: 'trainLoss' | 'testLoss' | 'testAccuracy') =>
      mean(perSeed.map((m) => m[i][key]));
    const idx = checkpoints.map((_, i) => i);
    runs.push({
      label: arm.label,
      steps: checkpoints,
      trainLoss: idx.map((i) => at(i, 'trainLoss')),
      testLoss: idx.map((i) => at(i, 'testLoss')),
      testAccuracy: idx.map((i) => at(i, 'testAccuracy')),
      seedAccuracies: perSeed.map((m) => m.at(-1)!.testAccuracy),
      seedTestLosses: perSeed.map((m) => m.at(-1)!.testLoss),
    });
  }
  return runs;
}

async function together(arms: ComparisonArm[], seeds: number, steps: number): Promise<ComparisonRun[]> {
  const c = await Comparison.start(arms, steps, { seeds });
  while (!c.done) await c.advance();
  c.dispose();
  return c.runs;
}

/** A small experiment (few points) of a random architecture, task, activation, optimizer and seed. */
function smallSpec(seed: number): ExperimentSpec {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)];
  const base = defaultSpec(pick(['mlp', 'dian', 'wormhole'] as const));
  return {
    ...base,
    seed: 1 + rng.int(1000),
    task: { ...base.task, kind: pick(PLANE_TASKS), numSamples: 80, noise: 0.1 },
    training: {
      ...base.training,
      optimizer: pick(['sgd', 'momentum', 'adam'] as const),
      learningRate: pick([0.003, 0.03, 0.1]),
      batchSize: 8,
    },
    mlp: { ...base.mlp, activation: pick(['tanh', 'relu', 'sigmoid'] as const) },
    wormhole: { ...base.wormhole, hidden: [4, 4] },
  };
}

describe('Compare any two, in the worker', () => {
  it('A and B trained side by side give exactly the curves of separate sessions with the same seeds (property)', async () => {
    const steps = COMPARISON_CHUNK + 7;
    // Every kind of variant, on random small experiments (architecture, task, optimizer, seed drawn).
    for (const [i, caseSeed] of [3, 11, 29, 47, 52, 64, 71].entries()) {
      const a = smallSpec(caseSeed);
      const kind = VARIANT_KINDS[i % VARIANT_KINDS.length].value;
      const { arms, problem } = abArms(a, defaultVariant(a, kind));
      expect(problem, `case ${caseSeed}`).toBeUndefined();
      const seeds = 1 + (caseSeed % 2);
      const runs = await together(arms!, seeds, steps);
      expect(runs, `case ${caseSeed}: ${a.architecture} ${kind}`).toEqual(
        await apart(arms!, seeds, [0, COMPARISON_CHUNK, steps]),
      );
      // The variant made a difference somewhere (else the test could not tell A from B).
      expect(runs[0].trainLoss).not.toEqual(runs[1].trainLoss);
    }
  });

  it('refuses a Dynamic-Live arm beside an MLP (saying why) and an invalid one, leaving no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const mlp = defaultSpec('mlp');
    await expect(
      Comparison.start(
        [
          { label: 'A', spec: mlp },
          { label: 'B', spec: defaultSpec('live') },
        ],
        10,
      ),
    ).rejects.toThrow(LIVE_NOT_MIXED);
    const bad = { ...mlp, training: { ...mlp.training, learningRate: -1 } };
    await expect(Comparison.start([{ label: 'B (lr -1)', spec: bad }], 10)).rejects.toThrow(
      /Cannot compare B \(lr -1\): .*learning rate/,
    );
    await expect(Comparison.start([], 10)).rejects.toThrow('1 to 4 models, not 0');
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the comparison driver (between the runner’s other work)', () => {
  const driver = testDriver;
  const mlp = { ...defaultSpec('mlp'), task: { ...defaultSpec('mlp').task, numSamples: 60 } };
  const { arms } = abArms(mlp, { kind: 'activation', activation: 'relu' });

  it('reports after every chunk with the page’s id, to the end, with the curves of separate sessions', async () => {
    const { d, reports, until } = driver();
    await d.start(arms!, 120, { seeds: 2, id: 7 });
    await until(() => reports().some((p) => p.done));
    expect(reports().map((p) => [p.id, p.runs[0].steps.at(-1), p.done, p.cancelled])).toEqual([
      [7, 0, false, false],
      [7, 50, false, false],
      [7, 100, false, false],
      [7, 120, true, false],
    ]);
    expect(reports().at(-1)!.runs).toEqual(await apart(arms!, 2, [0, 50, 100, 120]));
  });

  it('ended early (Play, a load, Cancel), it says cancelled once and trains no further', async () => {
    const { d, reports, until } = driver();
    await d.start(arms!, 10_000, { id: 3 });
    await until(() => reports().length >= 2);
    d.end(true);
    const count = reports().length;
    expect(reports().at(-1)).toMatchObject({ id: 3, cancelled: true, done: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(reports()).toHaveLength(count);
    d.end(true);
    expect(reports()).toHaveLength(count);
  });

  it('one it cannot make is answered by a cancelled report that says why, not an error', async () => {
    const { d, reports } = driver();
    await d.start([arms![0], { label: 'B (Live)', spec: defaultSpec('live') }], 100, { id: 4 });
    expect(reports()).toEqual([
      { id: 4, totalSteps: 100, done: false, cancelled: true, refused: LIVE_NOT_MIXED, runs: [] },
    ]);
  });
});
