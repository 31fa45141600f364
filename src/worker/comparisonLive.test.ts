import { testDriver } from './testing/comparisonDriver';
import { describe, expect, it } from 'vitest';
import { createSession } from '../engine';
import {
  abArms,
  createRng,
  defaultSpec,
  defaultVariant,
  LIVE_NOT_MIXED,
  LIVE_TASKS,
  LIVE_VARIANT_KINDS,
  defaultLiveGraphFor,
  type ComparisonArm,
  type ExperimentSpec,
  type LiveTaskKind,
  type TaskKind,
} from '../experiment';
import type { ComparisonRun, LiveMetrics } from '../protocol';
import { Comparison, COMPARISON_CHUNK } from './comparison';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** What a Live comparison should record, from each arm's seeds trained alone, one session after the other. */
async function apart(arms: ComparisonArm[], seeds: number, checkpoints: number[]): Promise<ComparisonRun[]> {
  const runs: ComparisonRun[] = [];
  for (const arm of arms) {
    const perSeed: LiveMetrics[][] = [];
    for (let k = 0; k < seeds; k++) {
      const s = await createSession({ ...arm.spec, seed: arm.spec.seed + k });
      const metrics: LiveMetrics[] = [];
      for (const step of checkpoints) {
        await s.train(step - s.step);
        metrics.push((await s.evaluate()) as LiveMetrics);
      }
      s.dispose();
      perSeed.push(metrics);
    }
    type Key = 'trainLoss' | 'testLoss' | 'testAccuracy' | 'trainAccuracy' | 'meanReward';
    const at = (i: number, key: Key) => mean(perSeed.map((m) => m[i][key]));
    const over = (key: Key) => checkpoints.map((_, i) => at(i, key));
    const last = (key: Key) => perSeed.map((m) => m.at(-1)![key]);
    runs.push({
      label: arm.label,
      steps: checkpoints,
      trainLoss: over('trainLoss'),
      testLoss: over('testLoss'),
      testAccuracy: over('testAccuracy'),
      seedAccuracies: last('testAccuracy'),
      seedTestLosses: last('testLoss'),
      live: {
        accuracy: over('trainAccuracy'),
        meanReward: over('meanReward'),
        seedAccuracies: last('trainAccuracy'),
        seedMeanRewards: last('meanReward'),
      },
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

/** The reference example's graph for the task, with loops (h1 on itself, h2 from h1): rewards travel back further. */
function recurrentGraph(task: LiveTaskKind, data: TaskKind) {
  const { layers, sources } = defaultLiveGraphFor(task, data);
  return { layers, sources: { ...sources, h1: [...sources.h1, 'h1'], h2: [...sources.h2, 'h1'] } };
}

/**
 * A Live experiment on a recurrent graph (cycles and self-loops) for a random reward task (the 2-D one on a random plane
 * task), with a random seed, rate, memory, depth and rewiring probability.
 */
function smallLiveSpec(seed: number): ExperimentSpec {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)];
  const base = defaultSpec('live');
  const task = { ...base.task, kind: pick(['circle', 'xor', 'gaussian'] as const), numSamples: 80 };
  const live = pick(LIVE_TASKS);
  return {
    ...base,
    seed: 1 + rng.int(1000),
    task,
    live: {
      ...base.live,
      ...recurrentGraph(live, task.kind),
      task: live,
      lr: pick([0.05, 0.1, 0.3]),
      memory: pick([2, 3, 5]),
      depth: pick([2, 3, 6]),
      pRewire: pick([0.2, 0.5]),
    },
  };
}

describe('Compare any two on Dynamic-Live, in the worker', () => {
  it('A and B side by side give exactly the curves of separate Live sessions with the same seeds (property)', async () => {
    const steps = COMPARISON_CHUNK * 2 + 13;
    const kinds = [...LIVE_VARIANT_KINDS.map((k) => k.value), 'seed' as const];
    const same: string[] = [];
    // Every Live option and the seed, on random small Live experiments (reward task, seed, rate drawn).
    for (const [i, caseSeed] of [2, 5, 13, 21, 34, 55, 89, 144, 233].entries()) {
      const a = smallLiveSpec(caseSeed);
      const kind = kinds[i % kinds.length];
      const { arms, problem } = abArms(a, defaultVariant(a, kind));
      expect(problem, `case ${caseSeed}`).toBeUndefined();
      const seeds = 1 + (caseSeed % 3);
      const runs = await together(arms!, seeds, steps);
      const label = `case ${caseSeed}: ${a.live.task} ${kind}`;
      expect(runs, label).toEqual(
        await apart(arms!, seeds, [0, COMPARISON_CHUNK, COMPARISON_CHUNK * 2, steps]),
      );
      // Live's own metrics, as numbers (no rewarded step yet at step 0), and no test set.
      expect(runs[0].live!.accuracy.slice(1).every(Number.isFinite), label).toBe(true);
      expect(runs[0].live!.seedMeanRewards, label).toHaveLength(seeds);
      expect(runs[0].testAccuracy.every(Number.isNaN), label).toBe(true);
      if (JSON.stringify({ ...runs[1], label: runs[0].label }) === JSON.stringify(runs[0])) same.push(label);
    }
    // The variants made a difference (else the test could not tell A from B), in nearly every case: on a small net
    // over 113 steps one option may change nothing (no connection left to rewire; accumulate and recursion alike).
    expect(same.length, same.join('; ')).toBeLessThanOrEqual(2);
  });

  it('refuses a Live arm beside any other architecture, either way round, with the reason', async () => {
    const live = defaultSpec('live');
    for (const architecture of ['mlp', 'dian', 'wormhole'] as const) {
      const other = defaultSpec(architecture);
      for (const arms of [
        [
          { label: 'A', spec: live },
          { label: 'B', spec: other },
        ],
        [
          { label: 'A', spec: other },
          { label: 'B', spec: live },
        ],
      ])
        await expect(Comparison.start(arms, 10)).rejects.toThrow(LIVE_NOT_MIXED);
    }
  });

  it('the driver reports a Live A/B chunk by chunk to the end, and a cancelled one says so', async () => {
    const { d, reports, until } = testDriver();
    const a = defaultSpec('live');
    const { arms } = abArms(a, { kind: 'live', option: 'memory', value: 6 });
    await d.start(arms!, 120, { seeds: 2, id: 9 });
    await until(() => reports().some((p) => p.done));
    expect(reports().map((p) => [p.id, p.runs[0].steps.at(-1), p.done, p.cancelled])).toEqual([
      [9, 0, false, false],
      [9, 50, false, false],
      [9, 100, false, false],
      [9, 120, true, false],
    ]);
    expect(reports().at(-1)!.runs).toEqual(await apart(arms!, 2, [0, 50, 100, 120]));

    await d.start(arms!, 10_000, { id: 10 });
    await until(() => reports().filter((p) => p.id === 10).length >= 2);
    d.end(true);
    expect(reports().at(-1)).toMatchObject({ id: 10, cancelled: true, done: false });
  });
});
