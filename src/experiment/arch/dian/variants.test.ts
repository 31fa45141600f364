import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../defaults';
import { validateSpec } from '../../validate';
import { COMPARISON_SETS, DIAN_PAPER_VARIANTS } from './variants';

describe("the repository's claim as a 2 x 2", () => {
  const user = { ...defaultSpec('mlp'), seed: 42 };
  user.training = { ...user.training, optimizer: 'adam', learningRate: 0.005 };
  const specs = DIAN_PAPER_VARIANTS.map((v) => v.make(user));

  it("is the DIAN as its code has it (50 and 30, from layer 1, PyTorch's init, from 0), output relu or linear, gate periodic or never", () => {
    for (const s of specs) {
      expect(s.architecture).toBe('dian');
      expect(s.dian).toMatchObject({
        layer1: 50,
        layer2: 30,
        source: 'h1',
        init: 'pytorch',
        counting: 'from0',
      });
    }
    expect(specs.map((s) => [s.dian.finalActivation, s.dian.schedule])).toEqual([
      ['relu', 'periodic'],
      ['relu', 'never'],
      ['none', 'periodic'],
      ['none', 'never'],
    ]);
    // The gate never opens in the baselines: evaluated with it off, they are plain MLPs.
    expect(specs[1].dian.evaluation).toBe('off');
    expect(specs[3].dian.evaluation).toBe('off');
  });

  it("keeps the user's task, seed and training settings, and every variant is a valid spec", () => {
    for (const s of specs) {
      expect(s.seed).toBe(42);
      expect(s.task).toEqual(user.task);
      expect(s.training).toEqual(user.training);
      expect(validateSpec(JSON.parse(JSON.stringify(s))).problems).toEqual([]);
    }
    expect(COMPARISON_SETS.paper).toBe(DIAN_PAPER_VARIANTS);
  });
});
