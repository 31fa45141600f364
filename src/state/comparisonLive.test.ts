import { describe, expect, it } from 'vitest';
import { abArms, defaultSpec, type ExperimentSpec } from '../experiment';
import { cancellationText, changedSettings, staleness, type ComparisonRecord } from './comparison';
import { fakeEngine } from './testing';

const live: ExperimentSpec = defaultSpec('live');
const record = (spec: ExperimentSpec): ComparisonRecord => ({
  id: 1,
  spec,
  step: 80,
  testPoints: 0,
  architectures: ['live'],
  kind: 'ab',
});

describe('a Dynamic-Live comparison in the state layer: stale results', () => {
  it('a Live option changed makes it stale, in the Live panel’s words', () => {
    const b = structuredClone(live);
    b.live.memory = 6;
    b.live.lr = 0.3;
    expect(staleness(record(live), b)).toBe(
      "Stale: compared at step 80 of the experiment, before you changed the Dynamic-Live's memory M (3 → 6) and the Dynamic-Live's live learning rate (1.5 → 0.3).",
    );
    const c = structuredClone(live);
    c.live.sources = { ...c.live.sources, out: ['h1'] };
    expect(changedSettings(live, c, ['live'])).toEqual(["the Dynamic-Live's connections (… → …)"]);
    expect(changedSettings(live, { ...live, seed: 7 }, ['live'])).toEqual(['the seed (1 → 7)']);
  });

  it('what makes no Live result does not: neurons moved, the training settings, the data of a bit-stream task', () => {
    const b = structuredClone(live);
    b.live.positions = { h0: [120, 80] };
    b.training.learningRate = 0.3;
    b.training.optimizer = 'adam';
    b.task.kind = 'xor';
    expect(live.live.task).toBe('temporal-xor');
    expect(staleness(record(live), b)).toBeUndefined();
    // The 2-D reward task scores the Data panel's points: there the data counts.
    const twoD = { ...live, live: { ...live.live, task: '2d' as const } };
    expect(changedSettings(twoD, { ...twoD, task: { ...twoD.task, kind: 'xor' } }, ['live'])).toEqual([
      `the task (${twoD.task.kind} → xor)`,
    ]);
    // An MLP comparison still counts the training settings.
    expect(changedSettings(live, b, ['mlp'])).toContain('the learning rate (0.03 → 0.3)');
  });
});

describe('a Dynamic-Live comparison in the state layer: sent, and cancelled', () => {
  it('sends the Live arms, keeps the record, and Play cancels it with the words', () => {
    const f = fakeEngine();
    f.engine.replace(live);
    const { arms } = abArms(f.store.getState().spec, { kind: 'live', option: 'memory', value: 6 });
    f.engine.compare({ steps: 100, seeds: 2, arms, kind: 'ab' });
    const sent = f.posted.at(-1) as Extract<(typeof f.posted)[number], { type: 'compare' }>;
    expect(sent.arms!.map((a) => [a.label, a.spec.architecture, a.spec.live.memory])).toEqual([
      ['A (Memory M 3)', 'live', 3],
      ['B (Memory M 6)', 'live', 6],
    ]);
    const r = () => f.store.getState().runtime.comparison!;
    expect(r()).toMatchObject({ architectures: ['live'], kind: 'ab' });
    const runs = ['A (Memory M 3)', 'B (Memory M 6)'].map((label) => ({
      label,
      steps: [0, 50],
      trainLoss: [NaN, 0.3],
      testLoss: [NaN, NaN],
      testAccuracy: [NaN, NaN],
      seedAccuracies: [NaN, NaN],
      seedTestLosses: [NaN, NaN],
      live: {
        accuracy: [NaN, 0.6],
        meanReward: [NaN, 0.2],
        seedAccuracies: [0.6, 0.6],
        seedMeanRewards: [0.2, 0.2],
      },
    }));
    f.receive({
      type: 'comparison',
      progress: { id: sent.id, totalSteps: 100, done: false, cancelled: false, runs },
    });
    f.engine.play();
    expect(cancellationText(r())).toBe('Comparison cancelled: you pressed Play (at step 50 of 100).');
  });
});
