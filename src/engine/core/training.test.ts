import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec, type TaskKind } from '../../experiment';
import { createSession, sessionOf } from '..';

/** Stated targets: test accuracy reached within a number of steps (batch 10), seed 1, no noise. */
const TARGETS: { kind: TaskKind; steps: number; accuracy: number; tweak?: (s: ExperimentSpec) => void }[] = [
  { kind: 'circle', steps: 1500, accuracy: 0.95 },
  { kind: 'xor', steps: 1500, accuracy: 0.9 },
  { kind: 'gaussian', steps: 500, accuracy: 0.95 },
  {
    kind: 'spiral',
    steps: 1500,
    accuracy: 0.9,
    tweak: (s) => {
      s.training.optimizer = 'adam';
      s.training.learningRate = 0.01;
      s.mlp.hiddenLayers = [8, 8];
      s.task.features = ['x1', 'x2', 'sin x1', 'sin x2'];
    },
  },
];

describe('training on the 2-D tasks', () => {
  it.each(TARGETS)('$kind reaches $accuracy test accuracy within $steps steps', async (t) => {
    const spec = defaultSpec('mlp');
    spec.task.kind = t.kind;
    t.tweak?.(spec);
    const s = sessionOf(await createSession(spec), 'mlp');
    const start = await s.evaluate();
    await s.train(t.steps);
    const end = await s.evaluate();
    expect(end.testAccuracy).toBeGreaterThanOrEqual(t.accuracy);
    expect(end.trainLoss).toBeLessThan(start.trainLoss);
    s.dispose();
  });
});
