import { describe, expect, it } from 'vitest';
import { abArms, applyVariant, defaultVariant, VARIANT_KINDS, type Variant } from './compare';
import { LIVE_NOT_MIXED } from './compareLive';
import { defaultSpec } from './defaults';
import type { ExperimentSpec } from './spec';

/** Every path of the spec whose value differs (leaves only). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return a === b ? [] : [path];
}

describe('Compare any two: A and its variant B', () => {
  const mlp: ExperimentSpec = { ...defaultSpec('mlp'), seed: 5 };

  it.each<[Variant, string[], string, string]>([
    [{ kind: 'architecture', architecture: 'wormhole' }, ['architecture'], 'A (MLP 4-2)', 'B (Wormhole 6-6)'],
    [
      { kind: 'activation', activation: 'relu' },
      ['mlp.activation'],
      'A (activation tanh)',
      'B (activation relu)',
    ],
    [{ kind: 'optimizer', optimizer: 'adam' }, ['training.optimizer'], 'A (sgd)', 'B (adam)'],
    [
      { kind: 'learningRate', learningRate: 0.3 },
      ['training.learningRate'],
      'A (learning rate 0.03)',
      'B (learning rate 0.3)',
    ],
    [
      { kind: 'width', layer: 1, width: 7 },
      ['mlp.hiddenLayers.1'],
      'A (layer 2: 2 neurons)',
      'B (layer 2: 7 neurons)',
    ],
    [{ kind: 'seed', seed: 9 }, ['seed'], 'A (seed 5)', 'B (seed 9)'],
  ])('B differs from A in exactly the one thing: %o', (variant, changed, labelA, labelB) => {
    const { arms, problem } = abArms(mlp, variant);
    expect(problem).toBeUndefined();
    expect(arms!.map((a) => a.label)).toEqual([labelA, labelB]);
    expect(arms![0].spec).toBe(mlp);
    expect(differences(mlp, arms![1].spec)).toEqual(changed);
  });

  it('changes the DIAN’s final activation, the wormhole network’s activation, and their layer widths', () => {
    const dian = defaultSpec('dian');
    expect(differences(dian, applyVariant(dian, { kind: 'activation', activation: 'relu' }))).toEqual([
      'dian.finalActivation',
    ]);
    expect(differences(dian, applyVariant(dian, { kind: 'width', layer: 1, width: 3 }))).toEqual([
      'dian.layer2',
    ]);
    const wormhole = defaultSpec('wormhole');
    expect(differences(wormhole, applyVariant(wormhole, { kind: 'activation', activation: 'relu' }))).toEqual(
      ['wormhole.activation'],
    );
    expect(applyVariant(wormhole, { kind: 'width', layer: 0, width: 3 }).wormhole.hidden).toEqual([3, 6]);
  });

  it('each kind’s default variant differs from A and makes a valid B', () => {
    for (const arch of ['mlp', 'dian', 'wormhole'] as const)
      for (const { value } of VARIANT_KINDS) {
        const a = defaultSpec(arch);
        const { arms, problem } = abArms(a, defaultVariant(a, value));
        expect(problem, `${arch} ${value}`).toBeUndefined();
        expect(arms![0].label).not.toBe(arms![1].label.replace('B', 'A'));
      }
  });

  it('refuses, saying why: B the same as A, an invalid B, a missing layer, a Live B beside an MLP', () => {
    expect(abArms(mlp, { kind: 'activation', activation: 'tanh' }).problem).toBe(
      'B is the same as A (activation tanh): choose another activation.',
    );
    expect(abArms(mlp, { kind: 'width', layer: 0, width: 65 }).problem).toMatch(
      /^B is not a valid experiment: .*mlp\.hiddenLayers/,
    );
    expect(abArms(mlp, { kind: 'learningRate', learningRate: 2000 }).problem).toMatch(/learning rate/);
    expect(abArms(mlp, { kind: 'width', layer: 2, width: 3 }).problem).toBe(
      'This network has no hidden layer 3.',
    );
    expect(abArms(mlp, { kind: 'architecture', architecture: 'live' }).problem).toBe(LIVE_NOT_MIXED);
    expect(abArms(mlp, { kind: 'live', option: 'memory', value: 5 }).problem).toBe(
      'The MLP has no Memory M: that is a Dynamic-Live option.',
    );
  });
});
