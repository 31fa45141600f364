import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment';
import type { FromEngine, ToEngine } from '../protocol';
import { createSession, sessionOf } from '../engine';
import { EngineRunner } from './runner';
import { LISTED_REWIRES, LISTED_SOLVES } from './rewires';

/** Runs the real runner on the cpu backend (Node), collecting what it posts. */
function harness() {
  const posted: FromEngine[] = [];
  let resolveNext: (() => void) | undefined;
  const runner = new EngineRunner(
    (m) => {
      posted.push(m);
      resolveNext?.();
    },
    async () => ({ backend: 'cpu', adapter: 'none', adapterDescription: 'test', failures: [] }),
  );
  const frames = () => posted.flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
  /** Sends a message and waits until `count` messages of `type` have been posted in all. */
  const send = async (msg: ToEngine, type?: FromEngine['type'], count = 1) => {
    runner.handle(msg);
    while (type && posted.filter((m) => m.type === type).length < count) {
      await new Promise<void>((r) => (resolveNext = r));
    }
  };
  return { posted, frames, send, runner };
}

describe('engine runner (worker protocol)', () => {
  it('loads: reports the backend, the layout and a first frame with a heatmap', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    expect(h.posted.map((m) => m.type)).toEqual(['ready', 'loaded', 'frame']);
    const loaded = h.posted[1] as Extract<FromEngine, { type: 'loaded' }>;
    expect(loaded.layout.layerWidths).toEqual([4, 2, 1]);
    expect(loaded.layout.train.length).toBe(250 * 3);
    const [frame] = h.frames();
    expect(frame.step).toBe(0);
    expect(frame.heatmap.length).toBe(100 * 100);
    expect(frame.neuronMaps.length).toBe(7 * 24 * 24);
  });

  it('step(n) advances exactly n steps; frames wait for the UI (latest wins)', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'step', steps: 1 });
    await h.send({ type: 'step', steps: 2 });
    await h.send({ type: 'frameAck' }, 'frame', 2);
    // Two steps were taken while the UI drew frame 1: only the latest (step 3) is sent.
    expect(h.frames().map((f) => f.step)).toEqual([0, 3]);
  });

  it('a diverging learning rate pauses training, restores finite weights and reports it', async () => {
    const h = harness();
    const spec = defaultSpec('mlp');
    spec.mlp.activation = 'linear';
    spec.training.learningRate = 10;
    await h.send({ type: 'load', spec }, 'frame');
    for (let i = 0; i < 20 && !h.posted.some((m) => m.type === 'events'); i++) {
      await h.send({ type: 'frameAck' });
      await h.send({ type: 'step', steps: 5 }, 'frame', i + 2);
    }
    const events = h.posted.flatMap((m) => (m.type === 'events' ? m.events : []));
    expect(events[0]).toMatchObject({ kind: 'diverged' });
    const diverged = events[0] as Extract<(typeof events)[number], { kind: 'diverged' }>;
    expect(diverged.restoredStep).toBeLessThan(diverged.step);
    const last = h.frames().at(-1)!;
    expect(Number.isFinite(last.metrics.trainLoss)).toBe(true);
    expect(last.weights.every(Number.isFinite)).toBe(true);
    expect(last.playing).toBe(false);
  });

  it('reports an invalid spec as an error and keeps working', async () => {
    const h = harness();
    const bad = { ...defaultSpec('mlp'), seed: -5 };
    await h.send({ type: 'load', spec: bad }, 'error');
    expect(h.posted.find((m) => m.type === 'error')).toMatchObject({
      message: expect.stringMatching(/seed/),
    });
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    expect(h.frames()[0].step).toBe(0);
  });

  it('compares the DIAN with its three baselines on the same data, chunk by chunk, to the end', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('dian') }, 'frame');
    const done = () => h.posted.some((m) => m.type === 'comparison' && m.progress.done);
    h.runner.handle({ type: 'compare', steps: 100 });
    while (!done())
      await h.send(
        { type: 'frameAck' },
        'comparison',
        h.posted.filter((m) => m.type === 'comparison').length + 1,
      );
    const last = h.posted.filter((m) => m.type === 'comparison').at(-1) as Extract<
      FromEngine,
      { type: 'comparison' }
    >;
    expect(last.progress.runs.map((r) => r.label)).toEqual([
      'DIAN (periodic gate)',
      'MLP (same widths)',
      'DIAN (gate always on)',
      'DIAN (gate never on)',
    ]);
    for (const run of last.progress.runs) {
      expect(run.steps).toEqual([0, 50, 100]);
      expect(run.testAccuracy.every((a) => a >= 0 && a <= 1)).toBe(true);
    }
    // Same seed and data: the DIAN variants start from the very same weights, so the same initial loss
    // (gate-on evaluation for both); the never-on ablation is evaluated with the gate off.
    const [dian, , always, never] = last.progress.runs;
    expect(always.trainLoss[0]).toBe(dian.trainLoss[0]);
    expect(always.testLoss[0]).toBe(dian.testLoss[0]);
    expect(never.testLoss[0]).not.toBe(dian.testLoss[0]);
    // Different schedules train differently.
    expect(always.trainLoss[2]).not.toBe(never.trainLoss[2]);
  });

  it('a structural edit with carryWeights keeps every weight that still fits, and the step', async () => {
    const h = harness();
    const spec = defaultSpec('wormhole');
    await h.send({ type: 'load', spec }, 'frame');
    await h.send({ type: 'step', steps: 3 });
    await h.send({ type: 'exportWeights' }, 'weights');
    const before = h.posted.find((m) => m.type === 'weights') as Extract<FromEngine, { type: 'weights' }>;
    const edited = {
      ...spec,
      wormhole: { ...spec.wormhole, wormholes: [...spec.wormhole.wormholes, { from: 2, to: 1 }] },
    };
    await h.send({ type: 'load', spec: edited, carryWeights: true }, 'loaded', 2);
    await h.send({ type: 'exportWeights' }, 'weights', 2);
    const after = h.posted.filter((m) => m.type === 'weights').at(-1) as Extract<
      FromEngine,
      { type: 'weights' }
    >;
    expect(after.step).toBe(3);
    for (const [name, w] of Object.entries(before.weights)) expect(after.weights[name]).toEqual(w);
    expect(Object.keys(after.weights).filter((n) => !(n in before.weights))).toEqual([
      'wormhole/2->1/kernel',
      'wormhole/2->1/gate_kernel',
      'wormhole/2->1/gate_bias',
    ]);
  });

  it('a solve that stops at maxIter under the pause policy stops play and says so', async () => {
    const h = harness();
    const spec = defaultSpec('wormhole');
    spec.wormhole = { ...spec.wormhole, gateBias: 2, maxIter: 1, tol: 1e-9, onNonConvergence: 'pause' };
    await h.send({ type: 'load', spec }, 'frame');
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'play' }, 'events');
    const events = h.posted.find((m) => m.type === 'events') as Extract<FromEngine, { type: 'events' }>;
    expect(events.events).toEqual([{ kind: 'solve', step: 1, stop: 'maxIter', iterations: 1, paused: true }]);
    await h.send({ type: 'frameAck' }, 'frame', 3);
    expect(h.frames().at(-1)!.playing).toBe(false);
  });

  it('a message for another architecture is refused with a reason, and the session keeps working', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'selectSample', point: [1, 1] }, 'error');
    expect(h.posted.at(-1)).toEqual({
      type: 'error',
      message: 'That only works on the Fixed-Point Wormhole network.',
    });
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'step', steps: 1 }, 'frame', 2);
    expect(h.frames().at(-1)!.step).toBe(1);
  });

  it("Live's rewirings reach the page as one message per frame: the latest few, and a count of the rest", async () => {
    const spec = defaultSpec('live');
    // Target-blind rewards, large steps and certain reconnection: it rewires often.
    spec.live = { ...spec.live, pRewire: 1, lr: 2, reward: 'reference' };
    const direct = sessionOf(await createSession(spec), 'live');
    await direct.train(400);
    const all = direct.takeEvents().flatMap((e) => (e.kind === 'rewire' ? [e] : []));
    direct.dispose();
    const h = harness();
    await h.send({ type: 'load', spec }, 'frame');
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'step', steps: 400 }, 'frame', 2);
    const messages = h.posted.filter((m) => m.type === 'events') as Extract<FromEngine, { type: 'events' }>[];
    expect(messages).toHaveLength(1);
    const [elided, ...listed] = messages[0].events;
    expect(listed).toEqual(all.slice(-LISTED_REWIRES));
    expect(elided).toMatchObject({ kind: 'rewires-elided', fromStep: all[0].step });
    if (elided.kind !== 'rewires-elided') throw new Error('no count of elided rewirings');
    expect(elided.connects + elided.disconnects).toBe(all.length - LISTED_REWIRES);
    expect(all.length).toBeGreaterThan(LISTED_REWIRES);
  });

  it("the Wormhole's unconverged solves that do not pause wait for the frame: the latest few, and a count", async () => {
    const spec = defaultSpec('wormhole');
    // One sweep per solve: no training solve can converge.
    spec.wormhole = { ...spec.wormhole, maxIter: 1, onNonConvergence: 'continue' };
    const h = harness();
    await h.send({ type: 'load', spec }, 'frame');
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'step', steps: 6 }, 'frame', 2);
    const messages = h.posted.filter((m) => m.type === 'events') as Extract<FromEngine, { type: 'events' }>[];
    expect(messages).toHaveLength(1);
    const [elided, ...listed] = messages[0].events;
    expect(elided).toEqual({
      kind: 'solves-elided',
      maxIter: 6 - LISTED_SOLVES,
      diverged: 0,
      fromStep: 1,
      step: 3,
    });
    expect(listed.map((e) => 'step' in e && e.step)).toEqual([4, 5, 6]);
  });

  it('a solve that pauses training is sent at once, after the ones held for the frame', async () => {
    const spec = defaultSpec('wormhole');
    spec.wormhole = { ...spec.wormhole, maxIter: 1, onNonConvergence: 'pause' };
    const h = harness();
    await h.send({ type: 'load', spec }, 'frame');
    await h.send({ type: 'step', steps: 5 }, 'events');
    const events = h.posted.flatMap((m) => (m.type === 'events' ? m.events : []));
    expect(events).toEqual([{ kind: 'solve', step: 1, stop: 'maxIter', iterations: 1, paused: true }]);
  });
});
