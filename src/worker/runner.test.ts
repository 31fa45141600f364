import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment';
import type { FromEngine, ToEngine } from '../protocol';
import { createSession, sessionOf } from '../engine';
import { EngineRunner } from './runner';
import { LISTED_REWIRES } from './rewires';

/** Runs the real runner on the cpu backend (Node), collecting what it posts. */
function harness(options: { pipelineFrames?: boolean; autoAck?: boolean } = {}) {
  const posted: FromEngine[] = [];
  let resolveNext: (() => void) | undefined;
  const runner: EngineRunner = new EngineRunner(
    (m) => {
      posted.push(m);
      // A UI that has drawn each frame at once.
      if (options.autoAck && m.type === 'frame') runner.handle({ type: 'frameAck' });
      resolveNext?.();
    },
    async () => ({ backend: 'cpu', adapter: 'none', adapterDescription: 'test', failures: [] }),
    undefined,
    {},
    options.pipelineFrames,
  );
  const frames = () => posted.flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
  /** Sends a message and waits until `count` messages of `type` have been posted in all. */
  const send = async (msg: ToEngine, type?: FromEngine['type'], count = 1) => {
    runner.handle(msg);
    while (type && posted.filter((m) => m.type === type).length < count) {
      await new Promise<void>((r) => (resolveNext = r));
    }
  };
  /** Waits until what was posted satisfies `done`. */
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((r) => (resolveNext = r));
  };
  return { posted, frames, send, until, runner };
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

  describe('with double-buffered frames (as on the WGSL kernels)', () => {
    const weightsOf = (h: ReturnType<typeof harness>) =>
      h.posted.find((m) => m.type === 'weights') as Extract<FromEngine, { type: 'weights' }>;

    it('plays: frames in order, and Pause sends the one in flight, then one at the engine step', async () => {
      const h = harness({ pipelineFrames: true, autoAck: true });
      await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
      // 'fast': timed ticks (in Node a stream of zero-delay ticks would starve the test's own messages).
      await h.send({ type: 'setSpeed', speed: 3 });
      h.runner.handle({ type: 'play' });
      await h.until(() => h.frames().length >= 8);
      h.runner.handle({ type: 'pause' });
      await h.send({ type: 'exportWeights' }, 'weights');
      await h.until(() => h.frames().at(-1)!.playing === false);
      const steps = h.frames().map((f) => f.step);
      steps.slice(1).forEach((s, i) => expect(s).toBeGreaterThanOrEqual(steps[i]));
      const last = h.frames().at(-1)!;
      expect(last.playing).toBe(false);
      expect(last.step).toBe(weightsOf(h).step);
      expect(last.step).toBeGreaterThan(steps[2]);
      // Every tick's frame reached the page: ten steps per tick at this speed, one frame each.
      const playing = h.frames().filter((f) => f.playing && f.step > 0);
      expect(playing.map((f) => f.step)).toEqual(playing.map((_, i) => 10 * (i + 1)));
      // The last tick's frame was still in flight when Pause came: it went out first.
      expect(playing.at(-1)!.step).toBe(last.step);
    });

    it('a divergence while playing pauses and restores finite weights; the frame after it is dropped', async () => {
      const h = harness({ pipelineFrames: true, autoAck: true });
      const spec = defaultSpec('mlp');
      spec.mlp.activation = 'linear';
      spec.training.learningRate = 10;
      await h.send({ type: 'load', spec }, 'frame');
      await h.send({ type: 'setSpeed', speed: 2 });
      h.runner.handle({ type: 'play' });
      await h.until(() => h.posted.some((m) => m.type === 'events'));
      await h.send({ type: 'exportWeights' }, 'weights');
      const events = h.posted.flatMap((m) => (m.type === 'events' ? m.events : []));
      expect(events).toHaveLength(1);
      const diverged = events[0] as Extract<(typeof events)[number], { kind: 'diverged' }>;
      expect(diverged.kind).toBe('diverged');
      for (const f of h.frames()) expect(f.weights.every(Number.isFinite)).toBe(true);
      const last = h.frames().at(-1)!;
      expect([last.playing, last.step]).toEqual([false, diverged.restoredStep]);
      expect(weightsOf(h).step).toBe(diverged.restoredStep);
      // No frame past the broken one was sent: the one in flight was dropped.
      expect(Math.max(...h.frames().map((f) => f.step))).toBeLessThan(diverged.step);
    });
  });
});
