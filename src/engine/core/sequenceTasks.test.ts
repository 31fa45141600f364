import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec, type TaskSpec } from '../../experiment';
import { createSession, sessionOf } from '..';
import { makeDataset } from './tasks';

const task = (kind: TaskSpec['kind'], length = 5): TaskSpec => ({ ...defaultSpec().task, kind, length });

describe('sequence tasks with long-term dependencies', () => {
  it('label parity, the XOR of the first and last bit, and the adding problem correctly', () => {
    for (const p of makeDataset(task('parity'), 1).train) {
      expect(p.inputs).toHaveLength(5);
      expect(p.label).toBe(p.inputs!.reduce((a, b) => a ^ b, 0));
    }
    for (const p of makeDataset(task('temporal-xor'), 1).train)
      expect(p.label).toBe(p.inputs![0] ^ p.inputs![4]);
    for (const p of makeDataset(task('adding', 6), 1).train) {
      const values = p.inputs!.slice(0, 6);
      const markers = p.inputs!.slice(6);
      expect(markers.filter((m) => m === 1)).toHaveLength(2);
      expect(markers.slice(0, 3)).toContain(1);
      const sum = values.reduce((s, v, i) => s + v * markers[i], 0);
      expect(p.label).toBe(sum > 1 ? 1 : 0);
    }
  });

  it.each(['mlp', 'dian', 'wormhole'] as const)(
    '%s trains on a sequence task, with no plane maps',
    async (arch) => {
      const spec: ExperimentSpec = { ...defaultSpec(arch), task: task('temporal-xor', 4) };
      spec.training.optimizer = 'adam';
      spec.training.learningRate = 0.01;
      const s = sessionOf(await createSession(spec), arch);
      const start = await s.evaluate();
      await s.train(arch === 'wormhole' ? 150 : 600);
      const snap = await s.snapshot({ heatmapRes: 20, neuronRes: 8 });
      expect(snap.heatmap.length).toBe(0);
      expect(snap.metrics.trainLoss).toBeLessThan(start.trainLoss);
      expect(await s.predict([[1, 0, 0, 1]])).toHaveLength(1);
      s.dispose();
    },
  );
});
