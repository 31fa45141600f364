import { describe, expect, it } from 'vitest';
import { abArms, defaultVariant, firstVariant, variantKind, variantKindsOf } from './compare';
import { LIVE_NOT_MIXED, LIVE_VARIANT_KINDS, type LiveVariant } from './compareLive';
import { defaultSpec } from './defaults';
import type { ExperimentSpec } from './spec';

/** The top-level and live.* paths whose values differ. */
function changed(a: ExperimentSpec, b: ExperimentSpec): string[] {
  const top = (Object.keys(a) as (keyof ExperimentSpec)[]).filter(
    (k) => k !== 'live' && JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  const live = (Object.keys(a.live) as (keyof ExperimentSpec['live'])[])
    .filter((k) => JSON.stringify(a.live[k]) !== JSON.stringify(b.live[k]))
    .map((k) => `live.${k}`);
  return [...top, ...live];
}

describe('Compare any two on a Dynamic-Live network: B is a Live variant', () => {
  const live: ExperimentSpec = { ...defaultSpec('live'), seed: 4 };

  it('offers the Live options and the seed, not the other architectures’ kinds', () => {
    expect(variantKindsOf(live).map((k) => k.value)).toEqual([
      'live.lr',
      'live.memory',
      'live.depth',
      'live.sharing',
      'live.pRewire',
      'live.activation',
      'live.update',
      'live.fidelity',
      'seed',
    ]);
    expect(variantKindsOf(defaultSpec('mlp')).map((k) => k.value)).not.toContain('live.lr');
    expect(firstVariant(live)).toEqual({ kind: 'live', option: 'lr', value: 0.15 });
    expect(variantKind(firstVariant(live))).toBe('live.lr');
  });

  it.each<[LiveVariant, string, string]>([
    [{ kind: 'live', option: 'lr', value: 0.5 }, 'A (Live learning rate 1.5)', 'B (Live learning rate 0.5)'],
    [{ kind: 'live', option: 'memory', value: 6 }, 'A (Memory M 3)', 'B (Memory M 6)'],
    [{ kind: 'live', option: 'depth', value: 4 }, 'A (Depth D 10)', 'B (Depth D 4)'],
    [
      { kind: 'live', option: 'sharing', value: 'proportional' },
      'A (Reward sharing equal)',
      'B (Reward sharing proportional)',
    ],
    [
      { kind: 'live', option: 'pRewire', value: 0.5 },
      'A (Rewiring probability 0.1)',
      'B (Rewiring probability 0.5)',
    ],
    [{ kind: 'live', option: 'activation', value: 'tanh' }, 'A (Firing reference)', 'B (Firing tanh)'],
    [
      { kind: 'live', option: 'update', value: 'accumulate' },
      'A (Update mode auto)',
      'B (Update mode accumulate)',
    ],
    [{ kind: 'live', option: 'fidelity', value: 'beta' }, 'A (Fidelity readme)', 'B (Fidelity beta)'],
  ])('B differs from A in exactly the one option, on the same reward task: %o', (variant, labelA, labelB) => {
    const { arms, problem } = abArms(live, variant);
    expect(problem).toBeUndefined();
    expect(arms!.map((a) => a.label)).toEqual([labelA, labelB]);
    expect(arms![0].spec).toBe(live);
    expect(changed(live, arms![1].spec)).toEqual([`live.${variant.option}`]);
    expect(arms![1].spec.live[variant.option]).toBe(variant.value);
  });

  it('each Live option’s default B differs from A and is valid, on every reward task', () => {
    for (const task of ['temporal-xor', 'delayed-recall', 'parity', 'delayed-reward'] as const) {
      const a = { ...live, live: { ...live.live, task } };
      for (const { value } of [...LIVE_VARIANT_KINDS, { value: 'seed' as const }]) {
        const { arms, problem } = abArms(a, defaultVariant(a, value));
        expect(problem, `${task} ${value}`).toBeUndefined();
        expect(arms![0].label.slice(1)).not.toBe(arms![1].label.slice(1));
      }
    }
    // A number halves; at the bottom of its range it doubles; the echo task's memory stays above its delay.
    expect(defaultVariant(live, 'live.memory')).toEqual({ kind: 'live', option: 'memory', value: 1 });
    const low = { ...live, live: { ...live.live, memory: 1, pRewire: 0 } };
    expect(defaultVariant(low, 'live.memory')).toEqual({ kind: 'live', option: 'memory', value: 2 });
    expect(defaultVariant(low, 'live.pRewire')).toEqual({ kind: 'live', option: 'pRewire', value: 0.1 });
    // The learning rate: ten times A's, a tenth at the top of its range.
    const fast = { ...live, live: { ...live.live, lr: 2 } };
    expect(defaultVariant(fast, 'live.lr')).toEqual({ kind: 'live', option: 'lr', value: 0.2 });
    const echo = { ...live, live: { ...live.live, task: 'delayed-reward' as const, delay: 2, memory: 4 } };
    expect(defaultVariant(echo, 'live.memory')).toEqual({ kind: 'live', option: 'memory', value: 8 });
    // Of the choices, the last that is not A's: 'auto' updates would pick the recursion on a small net.
    expect(defaultVariant(live, 'live.update')).toEqual({
      kind: 'live',
      option: 'update',
      value: 'accumulate',
    });
  });

  it('refuses, saying why: a non-Live B, an MLP option, B the same as A, a B the Live engine would refuse', () => {
    for (const architecture of ['mlp', 'dian', 'wormhole'] as const)
      expect(abArms(live, { kind: 'architecture', architecture }).problem).toBe(LIVE_NOT_MIXED);
    expect(LIVE_NOT_MIXED).toMatch(/compared only with another Dynamic-Live network.*no test set/);
    expect(abArms(live, { kind: 'optimizer', optimizer: 'adam' }).problem).toBe(
      'The Dynamic-Live network has no optimizer to change: choose one of its own options or the seed.',
    );
    expect(abArms(live, { kind: 'live', option: 'memory', value: 3 }).problem).toBe(
      'B is the same as A (Memory M 3): choose another Memory M.',
    );
    expect(abArms(live, { kind: 'live', option: 'memory', value: 40 }).problem).toMatch(
      /^B is not a valid experiment: .*live\.memory/,
    );
    // The echo task with Delay d 3: Memory M 2 would never see a reward.
    const echo = { ...live, live: { ...live.live, task: 'delayed-reward' as const, delay: 3, memory: 5 } };
    expect(abArms(echo, { kind: 'live', option: 'memory', value: 2 }).problem).toMatch(
      /^B is not a valid experiment: The echo task rewards each step 3 steps late.*\.$/,
    );
    expect(abArms(live, { kind: 'seed', seed: 9 }).arms!.map((a) => a.label)).toEqual([
      'A (seed 4)',
      'B (seed 9)',
    ]);
  });
});
