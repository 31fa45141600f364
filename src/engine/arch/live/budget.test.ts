import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec } from '../../../experiment';
import { createSession, sessionOf, SpecError } from '../..';
import { WORK_BUDGET } from '../../core/workBudget';
import { callWork } from './cost';
import { LiveNetwork } from './network';

/** The hanging link: 12 fully recurrent hidden neurons, D = 20, M = 32, recursive updates. */
const recurrent = (depth = 20, update: 'recursive' | 'auto' = 'recursive', width = 12): ExperimentSpec => {
  const spec = defaultSpec('live');
  const hidden = Array.from({ length: width }, (_, i) => `h${i}`);
  spec.live = {
    ...spec.live,
    depth,
    memory: 32,
    update,
    layers: [['in'], hidden, ['out']],
    sources: { ...Object.fromEntries(hidden.map((h) => [h, ['in', ...hidden]])), out: hidden },
  };
  return spec;
};

const networkOf = (spec: ExperimentSpec) =>
  new LiveNetwork(
    { layers: spec.live.layers, sources: spec.live.sources },
    { ...spec.live, update: 'recursive', fidelity: 'readme' },
    () => 0.5,
  );

describe('Dynamic-Live work budget', () => {
  it('counts the work of one reward per depth: calls times the cost of a call, exactly as recursion makes them', () => {
    const net = networkOf(recurrent(4, 'recursive', 3));
    for (let i = 0; i < 40; i++) net.propagate([i % 2]);
    const byDepth = net.recursionWorkByDepth();
    // Depth 1: out alone (3 sources). Depth 2: out, then each of its 3 sources (4 sources each).
    expect(byDepth[0]).toBe(callWork(3));
    expect(byDepth[1]).toBe(callWork(3) + 3 * callWork(4));
    net.reinforce([0.5]);
    // Every call is of a neuron with 3 (out) or 4 sources: the work lies between the two.
    const calls = net.lastReinforceCalls;
    expect(calls).toBe(net.recursionSize());
    expect(byDepth[3]).toBeGreaterThan(calls * callWork(3));
    expect(byDepth[3]).toBeLessThan(calls * callWork(4));
  });

  it('refuses the recursion that would hang the engine, naming the update mode and the deepest D that fits', async () => {
    const refusal = createSession(recurrent());
    await expect(refusal).rejects.toThrow(SpecError);
    const message = ((await refusal.catch((e: unknown) => e)) as Error).message;
    expect(message).toMatch(/recursive update mode one reward .* would make \d\.\de\+\d+ train calls/);
    expect(message).toMatch(/Set Update mode to auto or accumulate/);
    const fits = Number(/lower Depth D to (\d+)/.exec(message)![1]);
    const byDepth = networkOf(recurrent()).recursionWorkByDepth();
    expect(byDepth[fits - 1]).toBeLessThanOrEqual(WORK_BUDGET);
    expect(byDepth[fits]).toBeGreaterThan(WORK_BUDGET);
    // At that depth it loads and trains, and a reward makes at most the budget's work.
    const s = sessionOf(await createSession(recurrent(fits)), 'live');
    expect(s.updateMode).toBe('recursive');
    await s.train(6);
    expect(s.step).toBe(6);
  });

  it('"auto" takes the linear accumulate mode for the same network instead', async () => {
    const s = sessionOf(await createSession(recurrent(20, 'auto')), 'live');
    expect(s.updateMode).toBe('accumulate');
    await s.train(40);
    expect(s.step).toBe(40);
  });

  it('decides again on a graph edit: "auto" switches mode, a recursion chosen by hand refuses the edit', async () => {
    const small = (update: 'recursive' | 'auto', depth: number) => {
      const spec = recurrent(depth, update, 2);
      // h0 and h1 read only the input: a short recursion until h0 reads itself.
      spec.live.sources = { h0: ['in'], h1: ['in'], out: ['h0', 'h1'] };
      return spec;
    };
    // Each neuron reading both (and itself): about 2^D paths: 3.3e4 calls at D = 15 (over "auto"'s 2e4), 2e6 at
    // D = 20 (over the budget); with one self-loop fewer, Fibonacci's 1.6^D.
    const edits = [
      ['h1', 'h0'],
      ['h0', 'h1'],
      ['h0', 'h0'],
    ].map(([source, neuron]) => ({ kind: 'connect' as const, source, neuron }));
    const last = { kind: 'connect' as const, source: 'h1', neuron: 'h1' };
    const auto = sessionOf(await createSession(small('auto', 15)), 'live');
    for (const edit of edits) auto.edit(edit);
    expect(auto.updateMode).toBe('recursive');
    auto.edit(last);
    expect(auto.updateMode).toBe('accumulate');

    // Chosen by hand, three neurons wired up one edge at a time: some edit takes it past the budget (3^20 paths).
    const three = recurrent(20, 'recursive', 3);
    three.live.sources = { h0: ['in'], h1: ['in'], h2: ['in'], out: ['h0', 'h1', 'h2'] };
    const chosen = sessionOf(await createSession(three), 'live');
    const all = ['h0', 'h1', 'h2'].flatMap((source) =>
      ['h0', 'h1', 'h2'].map((neuron) => ({ kind: 'connect' as const, source, neuron })),
    );
    const refused = all.find((edit) => {
      const before = [...chosen.spec.live.sources[edit.neuron]];
      try {
        chosen.edit(edit);
        return false;
      } catch (e) {
        expect((e as Error).message).toMatch(/Set Update mode to auto or accumulate/);
        // The refused edit changed nothing: the graph and the mode are as before.
        expect(chosen.spec.live.sources[edit.neuron]).toEqual(before);
        expect(chosen.archLayout().sources[edit.neuron]).toEqual(before);
        return true;
      }
    });
    expect(refused).toBeDefined();
    expect(chosen.updateMode).toBe('recursive');
    await chosen.train(5);
    expect(chosen.step).toBe(5);
  });
});
