import { describe, expect, it } from 'vitest';
import { defaultSpec, liveCallBound, restoreOf, type ExperimentSpec } from '../../../experiment';
import { createSession, sessionOf, SpecError } from '../..';

const liveSpec = (change?: (s: ExperimentSpec) => void) => {
  const spec = defaultSpec('live');
  change?.(spec);
  return spec;
};

describe('Dynamic-Live session', () => {
  it('runs the reward task step by step and reports recent reward and accuracy', async () => {
    const s = sessionOf(await createSession(liveSpec()), 'live');
    await s.train(200);
    const m = await s.evaluate();
    expect(s.step).toBe(200);
    expect(m.meanReward).toBeGreaterThanOrEqual(-1);
    expect(m.meanReward).toBeLessThanOrEqual(1);
    expect(m.trainAccuracy).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(m.testLoss)).toBe(true);
    const w = await s.exportWeights();
    expect(Object.keys(w)).toEqual(['neuron/h0', 'neuron/h1', 'neuron/h2', 'neuron/out']);
    for (const { values } of Object.values(w)) expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('is reproducible per seed, rewiring included', async () => {
    const run = async () => {
      const s = await createSession(liveSpec((spec) => (spec.live.pRewire = 0.5)));
      await s.train(300);
      return [await s.exportWeights(), await s.evaluate()];
    };
    expect(await run()).toEqual(await run());
  });

  it('offers propagate and reinforce for scripting, with clear errors for wrong sizes', async () => {
    const s = sessionOf(await createSession(liveSpec()), 'live');
    expect(await s.propagate([1])).toHaveLength(1);
    expect(await s.reinforce([-1])).toBeInstanceOf(Array);
    await expect(s.propagate([1, 2])).rejects.toThrow(SpecError);
    await expect(s.reinforce([5])).rejects.toThrow(/from -1 to 1/);
  });

  it('refuses the echo task with delay d >= memory M (no reward could arrive), README mode only', async () => {
    const echo = (delay: number, memory: number, fidelity: 'readme' | 'beta' = 'readme') =>
      liveSpec((spec) => Object.assign(spec.live, { task: 'delayed-reward', delay, memory, fidelity }));
    await expect(createSession(echo(3, 3))).rejects.toThrow(SpecError);
    await expect(createSession(echo(5, 3))).rejects.toThrow(
      /rewards each step 5 steps late.*remember only 3 steps.*Delay d must be less than Memory M/,
    );
    // d = M - 1 is the longest delay that trains: the first reward comes at step d + 1 and changes weights.
    const s = sessionOf(await createSession(echo(2, 3)), 'live');
    const before = await s.exportWeights();
    await s.train(3);
    expect(await s.exportWeights()).not.toEqual(before);
    // Another task with the same numbers, and the beta mode (its own d + 1 rows), are not refused.
    await expect(
      createSession(liveSpec((spec) => Object.assign(spec.live, { task: 'delayed-recall', delay: 5 }))),
    ).resolves.toBeDefined();
    await expect(createSession(echo(5, 3, 'beta'))).resolves.toBeDefined();
  });

  it("frames count the rewarded steps and the rewirings, with the latest's step and reward", async () => {
    const s = sessionOf(await createSession(liveSpec((spec) => (spec.live.lr = 1))), 'live');
    const fresh = (await s.snapshot()).arch;
    expect([fresh.rewarded, fresh.rewirings, fresh.lastRewireStep]).toEqual([0, 0, -1]);
    // Temporal XOR with d = 1: step 1 has no x_(t-1), so no target and no reward; every later step has one.
    await s.train(80);
    const events = s.takeEvents() as { step: number }[];
    expect(events.length).toBeGreaterThan(0);
    const arch = (await s.snapshot()).arch;
    expect(arch.rewarded).toBe(79);
    expect(arch.rewirings).toBe(events.length);
    expect(arch.lastRewireStep).toBe(events.at(-1)!.step);
    const recent = arch.recent;
    expect(arch.lastReward).toBeCloseTo(recent[recent.length - 1], 6);
    // A hand reward counts too.
    await s.reinforce([-1]);
    expect((await s.snapshot()).arch).toMatchObject({ rewarded: 80, lastReward: -1 });
  });

  it('delayed rewards train the step they are for, from memory', async () => {
    const s = sessionOf(
      await createSession(
        liveSpec((spec) => {
          spec.live.task = 'delayed-reward';
          spec.live.delay = 2;
        }),
      ),
      'live',
    );
    const before = await s.exportWeights();
    await s.train(2);
    // No reward can have arrived yet: nothing learned.
    expect(await s.exportWeights()).toEqual(before);
    await s.train(3);
    expect(await s.exportWeights()).not.toEqual(before);
  });

  it('applies graph edits to the running network, keeping what it learned', async () => {
    const s = sessionOf(await createSession(liveSpec()), 'live');
    await s.train(50);
    const before = await s.exportWeights();
    s.edit({ kind: 'connect', source: 'out', neuron: 'h1' });
    const after = await s.exportWeights();
    expect(after['neuron/h0']).toEqual(before['neuron/h0']);
    // h1 had [w_in, w_h0]; the new source starts at 1/3, then the three renormalise.
    const [a, b] = before['neuron/h1'].values;
    const sum = a + b + 1 / 3;
    after['neuron/h1'].values.forEach((v, i) =>
      expect(v).toBeCloseTo([a / sum, b / sum, 1 / 3 / sum][i], 12),
    );
    expect(() => s.edit({ kind: 'connect', source: 'h0', neuron: 'in' })).toThrow(/input/);
    await s.train(10);
    expect(s.step).toBe(60);
  });

  it('an undo puts a deleted neuron back whole (spec exact); kept connections keep their weights, its own are new', async () => {
    const s = sessionOf(await createSession(liveSpec()), 'live');
    await s.train(50);
    const graph = structuredClone(s.spec.live);
    const before = await s.exportWeights();
    s.edit({ kind: 'removeNeuron', id: 'h1' });
    // out reads only h2 now: its one weight is 1.
    expect((await s.exportWeights())['neuron/out'].values).toEqual([1]);
    s.edit(restoreOf(graph));
    expect(s.spec.live).toEqual(graph);
    expect(s.archLayout().sources).toEqual(graph.sources);
    const after = await s.exportWeights();
    expect(after['neuron/h0']).toEqual(before['neuron/h0']);
    expect(after['neuron/h2']).toEqual(before['neuron/h2']);
    // h1 is new (uniform over its 2 sources); out's h1 starts at 1/2 beside h2's 1, then the two renormalise.
    expect(after['neuron/h1'].values).toEqual([0.5, 0.5]);
    after['neuron/out'].values.forEach((v, i) => expect(v).toBeCloseTo([1 / 3, 2 / 3][i], 12));
    expect(s.step).toBe(50);
  });

  it('runs as the beta code does when asked: other weights, negative ones accepted on import', async () => {
    const run = async (fidelity: 'readme' | 'beta') => {
      const s = sessionOf(await createSession(liveSpec((spec) => (spec.live.fidelity = fidelity))), 'live');
      await s.train(300);
      return s;
    };
    const [readme, beta] = [await run('readme'), await run('beta')];
    expect(defaultSpec('live').live.fidelity).toBe('readme');
    const [wr, wb] = [await readme.exportWeights(), await beta.exportWeights()];
    expect(wb['neuron/h1'].values).not.toEqual(wr['neuron/h1'].values);
    expect(await beta.exportWeights()).toEqual(wb);
    expect((await run('beta')).step).toBe(300);
    expect(await (await run('beta')).exportWeights()).toEqual(wb);
    const negative = { ...wb, 'neuron/h1': { shape: [2], values: [1.5, -0.5] } };
    beta.importWeights(negative);
    expect((await beta.exportWeights())['neuron/h1'].values).toEqual([1.5, -0.5]);
    expect(() => readme.importWeights(negative)).toThrow(/non-negative/);
  });

  it('as the beta code does, delayed rewards still score the step they are for, and train', async () => {
    const s = sessionOf(
      await createSession(
        liveSpec((spec) => {
          spec.live.fidelity = 'beta';
          spec.live.task = 'delayed-reward';
          spec.live.delay = 5;
          spec.live.memory = 1;
        }),
      ),
      'live',
    );
    const before = await s.exportWeights();
    await s.train(5);
    expect(await s.exportWeights()).toEqual(before);
    await s.train(20);
    expect((await s.evaluate()).meanReward).not.toBeNaN();
    expect(await s.exportWeights()).not.toEqual(before);
  });

  it('refuses a beta network whose recursion is too large, and an edit that would make it so', async () => {
    // h0, h1, h2 each read all three: c_d = 1 + 3 c_(d-1) = (3^d - 1) / 2 calls below a hidden neuron, and
    // out (reading h0) makes 1 + c_(D-1): 797,162 at D = 14, 2,391,485 at D = 15 (the limit is 1e6).
    const cyclic = (fidelity: 'readme' | 'beta', depth: number) =>
      liveSpec((spec) => {
        const h = ['h0', 'h1', 'h2'];
        Object.assign(spec.live, { fidelity, depth, layers: [['in'], h, ['out']] });
        spec.live.sources = { h0: ['in', ...h], h1: h, h2: h, out: ['h0'] };
      });
    await expect(createSession(cyclic('beta', 15))).rejects.toThrow(
      /one reward could make 2.4e\+6 train calls/,
    );
    await expect(createSession(cyclic('readme', 15))).resolves.toBeDefined();
    const s = sessionOf(await createSession(cyclic('beta', 14)), 'live');
    await s.train(2);
    expect(liveCallBound(s.spec.live, 14)).toBe(797162);
    // out reading h1 too: 1 + 2 c_13 = 1,594,323.
    expect(() => s.edit({ kind: 'connect', source: 'h1', neuron: 'out' })).toThrow(/lower the depth D/);
    // A refused edit changes nothing; an allowed one applies to the running beta network, which goes on.
    expect(s.spec.live.sources.out).toEqual(['h0']);
    s.edit({ kind: 'connect', source: 'in', neuron: 'out' });
    // out's one weight is 1 (renormalised alone); the new source starts at 1/2, then both renormalise.
    expect((await s.exportWeights())['neuron/out'].values).toEqual([1 / 1.5, 0.5 / 1.5]);
    await s.train(2);
    expect(s.step).toBe(4);
  });
});
