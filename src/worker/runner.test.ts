import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { abArms, defaultSpec, SPEEDS, type BackendName, type ExperimentSpec } from '../experiment';
import { measureBackends } from '../engine/core/backends';
import type { FromEngine, ToEngine } from '../protocol';
import { createSession, sessionOf, type Session, type SnapshotRequest } from '../engine';
import { EngineRunner, type MakeSession, type StartBackend } from './runner';
import { LISTED_REWIRES, LISTED_SOLVES } from './rewires';
import { heaviestWormhole } from '../experiment/testing/heaviest';
import type { TrainLimits } from '../engine/core/session';
import { TICK_BUDGET_MS } from './tickPace';

/** Runs the real runner on the cpu backend (Node), collecting what it posts; a clock and sessions may be given. */
function harness(
  options: {
    now?: () => number;
    makeSession?: MakeSession;
    startBackend?: StartBackend;
    pipelineFrames?: boolean;
    autoAck?: boolean;
  } = {},
) {
  const posted: FromEngine[] = [];
  let resolveNext: (() => void) | undefined;
  const runner: EngineRunner = new EngineRunner(
    (m) => {
      posted.push(m);
      // A UI that has drawn each frame at once.
      if (options.autoAck && m.type === 'frame') runner.handle({ type: 'frameAck' });
      resolveNext?.();
    },
    options.startBackend ??
      (async () => ({ backend: 'cpu', adapter: 'none', adapterDescription: 'test', failures: [] })),
    options.now,
    options.makeSession,
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

  it('refuses an invalid spec with nothing running, and keeps working', async () => {
    const h = harness();
    const bad = { ...defaultSpec('mlp'), seed: -5 };
    await h.send({ type: 'load', spec: bad }, 'loadRefused');
    expect(h.posted.find((m) => m.type === 'loadRefused')).toMatchObject({
      message: expect.stringMatching(/seed/),
      running: false,
    });
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    expect(h.frames()[0].step).toBe(0);
  });

  it('a load it cannot make while an experiment runs is refused, and that experiment goes on', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'step', steps: 3 }, 'frame', 2);
    await h.send({ type: 'frameAck' });
    // Valid, but over the work budget.
    const heavy = heaviestWormhole();
    await h.send({ type: 'load', spec: heavy }, 'loadRefused');
    await h.send({ type: 'load', spec: { ...defaultSpec('mlp'), seed: -5 } }, 'loadRefused', 2);
    const refusals = h.posted.filter((m) => m.type === 'loadRefused');
    expect(refusals[0]).toMatchObject({ message: expect.stringMatching(/Max iterations/), running: true });
    expect(refusals[1]).toMatchObject({ message: expect.stringMatching(/seed/) });
    expect(h.posted.filter((m) => m.type === 'loaded')).toHaveLength(1);
    // The running experiment is shown again (paused, at its step), and steps on.
    expect(h.frames().at(-1)).toMatchObject({ step: 3, playing: false });
    await h.send({ type: 'step', steps: 1 });
    await h.send({ type: 'frameAck' });
    await h.until(() => h.frames().at(-1)!.step === 4);
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

  it("compares any two it is sent (an A/B), answering with the page's id, and Play cancels it", async () => {
    const h = harness();
    const spec = defaultSpec('mlp');
    await h.send({ type: 'load', spec }, 'frame');
    const { arms } = abArms(spec, { kind: 'optimizer', optimizer: 'adam' });
    const reports = () =>
      h.posted.flatMap((m) => (m.type === 'comparison' ? [structuredClone(m.progress)] : []));
    h.runner.handle({ type: 'compare', steps: 10_000, arms, id: 5 });
    await h.until(() => reports().length >= 2);
    expect(reports()[0].runs.map((r) => r.label)).toEqual(['A (sgd)', 'B (adam)']);
    h.runner.handle({ type: 'play' });
    await h.until(() => reports().at(-1)!.cancelled);
    const last = reports().at(-1)!;
    expect([last.id, last.cancelled, last.done]).toEqual([5, true, false]);
    await h.send({ type: 'pause' });
  });

  it("a data task's plane changed goes on training as if nothing happened (optimizer state and batch order too)", async () => {
    const base = defaultSpec('mlp');
    const spec: ExperimentSpec = {
      ...base,
      task: { ...base.task, kind: 'iris' },
      training: { ...base.training, optimizer: 'adam', learningRate: 0.01 },
    };
    const weightsOf = async (h: ReturnType<typeof harness>, n: number) => {
      await h.send({ type: 'exportWeights' }, 'weights', n);
      return (h.posted.filter((m) => m.type === 'weights').at(-1) as Extract<FromEngine, { type: 'weights' }>)
        .weights;
    };
    const straight = harness();
    await straight.send({ type: 'load', spec }, 'frame');
    await straight.send({ type: 'step', steps: 40 });
    const expected = await weightsOf(straight, 1);

    const switched = harness();
    await switched.send({ type: 'load', spec }, 'frame');
    await switched.send({ type: 'step', steps: 20 });
    const pca = { ...spec, view: { ...spec.view, plane: 'pca' as const } };
    await switched.send({ type: 'load', spec: pca, carryWeights: true }, 'loaded', 2);
    await switched.send({ type: 'step', steps: 20 });
    const got = await weightsOf(switched, 1);
    for (const [name, w] of Object.entries(expected)) expect(got[name].values).toEqual(w.values);
  });

  it("the repository's claim as a 2 x 2 over seeds: curves are the means of the seeds' own runs", async () => {
    const compare = async (seed: number, seeds: number) => {
      const h = harness();
      await h.send({ type: 'load', spec: { ...defaultSpec('dian'), seed } }, 'frame');
      const done = () => h.posted.some((m) => m.type === 'comparison' && m.progress.done);
      h.runner.handle({ type: 'compare', steps: 50, set: 'paper', seeds });
      while (!done())
        await h.send(
          { type: 'frameAck' },
          'comparison',
          h.posted.filter((m) => m.type === 'comparison').length + 1,
        );
      return (
        h.posted.filter((m) => m.type === 'comparison').at(-1) as Extract<FromEngine, { type: 'comparison' }>
      ).progress.runs;
    };
    const together = await compare(7, 3);
    expect(together.map((r) => r.label)).toEqual([
      "DIAN as the paper's code (relu output)",
      "the repository's baseline (MLP, relu output)",
      'DIAN, linear output',
      'fair baseline (MLP, linear output)',
    ]);
    const apart = [await compare(7, 1), await compare(8, 1), await compare(9, 1)];
    for (const [v, run] of together.entries()) {
      expect(run.steps).toEqual([0, 50]);
      expect(run.seedAccuracies).toEqual(apart.map((runs) => runs[v].seedAccuracies[0]));
      const meanOf = (key: 'trainLoss' | 'testAccuracy', i: number) =>
        apart.reduce((a, runs) => a + runs[v][key][i], 0) / 3;
      for (const i of [0, 1]) {
        expect(run.trainLoss[i]).toBeCloseTo(meanOf('trainLoss', i), 6);
        expect(run.testAccuracy[i]).toBeCloseTo(meanOf('testAccuracy', i), 6);
      }
    }
    // Seeds draw different weights.
    expect(new Set(apart.map((runs) => runs[0].trainLoss[0])).size).toBe(3);
  });

  it('a load with the weights and training state another runner exported goes on exactly as that one', async () => {
    const spec = defaultSpec('dian');
    spec.training.optimizer = 'adam';
    spec.training.learningRate = 0.01;
    const [sender, receiver, old] = [harness(), harness(), harness()];
    await sender.send({ type: 'load', spec }, 'frame');
    await sender.send({ type: 'step', steps: 33 });
    await sender.send({ type: 'exportWeights' }, 'weights');
    const saved = sender.posted.find((m) => m.type === 'weights') as Extract<FromEngine, { type: 'weights' }>;
    expect(saved.state?.optimizer).toBe('adam');
    const { weights, step, state } = saved;
    await receiver.send({ type: 'load', spec, weights, step, state }, 'frame');
    // Without the state (a link made before it): the same weights and step, a fresh optimizer.
    await old.send({ type: 'load', spec, weights, step }, 'frame');
    // Ten more steps each; the engine answers "weights" after them (messages are handled in order).
    const after = async (h: ReturnType<typeof harness>) => {
      await h.send({ type: 'step', steps: 10 });
      await h.send(
        { type: 'exportWeights' },
        'weights',
        h.posted.filter((m) => m.type === 'weights').length + 1,
      );
      return h.posted.filter((m) => m.type === 'weights').at(-1) as Extract<FromEngine, { type: 'weights' }>;
    };
    const [a, b, c] = [await after(sender), await after(receiver), await after(old)];
    expect(b.step).toBe(43);
    expect(b.weights).toEqual(a.weights);
    expect(b.state).toEqual(a.state);
    expect(c.weights).not.toEqual(a.weights);
    expect(receiver.posted.some((m) => m.type === 'error')).toBe(false);
  });

  it('a training state that does not fit is said, and the weights load with a fresh optimizer', async () => {
    const spec = defaultSpec('mlp');
    const sender = harness();
    await sender.send({ type: 'load', spec }, 'frame');
    await sender.send({ type: 'exportWeights' }, 'weights');
    const { weights, state } = sender.posted.find((m) => m.type === 'weights') as Extract<
      FromEngine,
      { type: 'weights' }
    >;
    const h = harness();
    const bad = { ...state!, batches: { ...state!.batches, cursor: 10_000 } };
    await h.send({ type: 'load', spec, weights, step: 7, state: bad }, 'frame');
    expect(h.posted.find((m) => m.type === 'error')).toMatchObject({
      message: expect.stringMatching(/optimizer state and batch order do not fit.*fresh optimizer/),
    });
    expect(h.frames()[0].step).toBe(7);
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
    expect(events.events).toEqual([
      { kind: 'solve', solve: 'forward', step: 1, stop: 'maxIter', iterations: 1, paused: true },
    ]);
    await h.send({ type: 'frameAck' }, 'frame', 3);
    expect(h.frames().at(-1)!.playing).toBe(false);
  });

  it('an edit the engine cannot make is answered editRefused, and the network is as before', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('live') }, 'frame');
    const layoutBefore = (
      h.posted.find((m) => m.type === 'loaded') as Extract<FromEngine, { type: 'loaded' }>
    ).layout.arch;
    await h.send({ type: 'edit', edit: { kind: 'connect', source: 'nobody', neuron: 'out' } }, 'editRefused');
    expect(h.posted.at(-1)).toMatchObject({
      type: 'editRefused',
      message: expect.stringMatching(/nobody|neuron/),
    });
    expect(h.posted.some((m) => m.type === 'relayout' || m.type === 'error')).toBe(false);
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'edit', edit: { kind: 'disconnect', source: 'h1', neuron: 'out' } }, 'relayout');
    const after = (h.posted.find((m) => m.type === 'relayout') as Extract<FromEngine, { type: 'relayout' }>)
      .layout.arch as Extract<typeof layoutBefore, { kind: 'live' }>;
    const before = layoutBefore as typeof after;
    expect(after.sources.out).toEqual(before.sources.out.filter((s) => s !== 'h1'));
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
      forward: { maxIter: 6 - LISTED_SOLVES, diverged: 0 },
      adjoint: { maxIter: 0, diverged: 0 },
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
    expect(events).toEqual([
      { kind: 'solve', solve: 'forward', step: 1, stop: 'maxIter', iterations: 1, paused: true },
    ]);
  });
});

describe('playing: frames when the page can draw them, and Pause', () => {
  /** A runner whose sessions count their training calls and snapshots (with maps or not). */
  function counted(autoAck: boolean) {
    const calls = { train: 0, frames: [] as boolean[] };
    const makeSession: MakeSession = async (spec) => {
      const session = await createSession(spec);
      const [train, snapshot] = [session.train.bind(session), session.snapshot.bind(session)];
      return Object.assign(session, {
        train: (steps: number) => (calls.train++, train(steps)),
        snapshot: (request: SnapshotRequest = {}) => {
          calls.frames.push((request.heatmapRes ?? 0) > 0);
          return snapshot(request);
        },
      }) as Session;
    };
    // A clock that stands still: every tick at 'fast' trains the ten steps it asks for, however loaded the machine.
    return { h: harness({ makeSession, autoAck, now: () => 0 }), calls };
  }

  it("full speed's ticks train within the tick's budget; Step and a set speed take all their steps", async () => {
    const limits: (number | undefined)[] = [];
    const makeSession: MakeSession = async (spec) => {
      const session = await createSession(spec);
      const train = session.train.bind(session);
      return Object.assign(session, {
        train: (steps: number, l?: TrainLimits) => (limits.push(l?.budgetMs), train(steps, l)),
      }) as Session;
    };
    const h = harness({ makeSession, autoAck: true });
    await h.send({ type: 'load', spec: defaultSpec('wormhole') }, 'frame');
    await h.send({ type: 'step', steps: 3 }, 'frame', 2);
    expect(limits).toEqual([undefined]);
    await h.send({ type: 'setSpeed', speed: SPEEDS.length - 1 });
    await h.send({ type: 'play' }, 'frame', 3);
    while (limits.length < 4) await new Promise((r) => setTimeout(r, 5));
    h.runner.handle({ type: 'pause' });
    await h.send({ type: 'exportWeights' }, 'weights');
    const played = limits.length;
    expect(limits.slice(1).every((ms) => ms === TICK_BUDGET_MS)).toBe(true);
    // At a set speed, the steps asked for that speed.
    await h.send({ type: 'setSpeed', speed: 3 });
    await h.send({ type: 'play' }, 'frame', 5);
    while (limits.length < played + 3) await new Promise((r) => setTimeout(r, 5));
    h.runner.handle({ type: 'pause' });
    await h.send({ type: 'exportWeights' }, 'weights', 2);
    expect(limits.slice(played)).toEqual(limits.slice(played).map(() => undefined));
  });

  it('a tick only trains while the page has not drawn the last frame; its ack brings one of the latest step', async () => {
    const { h, calls } = counted(false);
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'setSpeed', speed: 3 });
    await h.send({ type: 'play' }, 'frame', 2);
    const madeBefore = calls.frames.length;
    const trainedBefore = calls.train;
    // Ticks go on (ten steps each at this speed), but the page has not drawn Play's frame: no frame is made.
    while (calls.train < trainedBefore + 4) await new Promise((r) => setTimeout(r, 5));
    expect(calls.frames.length).toBe(madeBefore);
    await h.send({ type: 'frameAck' }, 'frame', 3);
    expect(calls.frames.length).toBe(madeBefore + 1);
    expect(h.frames().at(-1)!.step).toBeGreaterThanOrEqual(10 * (calls.train - 1));
    h.runner.handle({ type: 'pause' });
    await h.send({ type: 'exportWeights' }, 'weights');
  });

  it("with the page's ack of an older frame on its way, Pause's frame goes out on it; its maps on the next ack", async () => {
    const { h, calls } = counted(false);
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    // The page has not acknowledged the load's frame: step 1's frame waits, then Pause's replaces it.
    await h.send({ type: 'step', steps: 1 });
    await h.send({ type: 'pause' });
    await h.send({ type: 'exportWeights' }, 'weights');
    const made = calls.frames.length;
    expect(calls.frames.slice(-2)).toEqual([true, false]); // step 1's (with maps), then Pause's (without)
    await h.send({ type: 'frameAck' }, 'frame', 2);
    expect(calls.frames.length).toBe(made);
    const light = h.frames().at(-1)!;
    expect([light.step, light.playing, light.heatmapRes]).toEqual([1, false, 0]);
    await h.send({ type: 'frameAck' }, 'frame', 3);
    expect(calls.frames.slice(made)).toEqual([true]);
    expect([h.frames().at(-1)!.step, h.frames().at(-1)!.heatmapRes]).toEqual([1, 100]);
    // Nothing more is owed.
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'exportWeights' }, 'weights', 2);
    expect(h.frames()).toHaveLength(3);
  });

  it('Pause sends at once a frame without maps at the step training stopped, then its maps', async () => {
    const { h, calls } = counted(true);
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'setSpeed', speed: 3 });
    h.runner.handle({ type: 'play' });
    await h.until(() => h.frames().length >= 5);
    const made = calls.frames.length;
    h.runner.handle({ type: 'pause' });
    await h.until(() => h.frames().filter((f) => !f.playing).length >= 3);
    const [light, maps] = h.frames().slice(-2);
    const weights = (await h.send({ type: 'exportWeights' }, 'weights'), h.posted.at(-1)) as Extract<
      FromEngine,
      { type: 'weights' }
    >;
    expect([light.playing, light.heatmapRes, light.neuronMaps.length]).toEqual([false, 0, 0]);
    expect([maps.playing, maps.heatmapRes, maps.heatmap.length]).toEqual([false, 100, 100 * 100]);
    expect([light.step, maps.step]).toEqual([weights.step, weights.step]);
    expect(calls.frames.slice(made)).toEqual([false, true]);
  });

  it("Pause's first answer is the step training stopped at, before any frame; nothing trains after it", async () => {
    const { h, calls } = counted(true);
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'setSpeed', speed: 3 });
    h.runner.handle({ type: 'play' });
    await h.until(() => h.frames().length >= 5);
    // A tick waits in the queue behind the Pause's arrival: it must not run.
    h.runner.handle({ type: 'pause' });
    const trainedAtPause = calls.train;
    await h.until(() => h.frames().filter((f) => !f.playing).length >= 3);
    const at = h.posted.findIndex((m) => m.type === 'stopped');
    const stopped = h.posted[at] as Extract<FromEngine, { type: 'stopped' }>;
    const after = h.posted.slice(at + 1).flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
    expect(after.map((f) => [f.step, f.playing])).toEqual([
      [stopped.step, false],
      [stopped.step, false],
    ]);
    expect(calls.train).toBe(trainedAtPause);
    expect(h.posted.filter((m) => m.type === 'stopped')).toHaveLength(1);
    expect(stopped.step).toBe(10 * calls.train);
  });

  it('a Pause that comes while steps train: stopped right after them, and no frame with maps made for that tick', async () => {
    const calls = { frames: [] as boolean[], train: 0 };
    let pauseAt = Infinity;
    let madeAtPause = 0;
    const makeSession: MakeSession = async (spec) => {
      const session = await createSession(spec);
      const [train, snapshot] = [session.train.bind(session), session.snapshot.bind(session)];
      return Object.assign(session, {
        train: async (steps: number) => {
          await train(steps);
          if (++calls.train === pauseAt) {
            madeAtPause = calls.frames.length;
            h.runner.handle({ type: 'pause' });
          }
        },
        snapshot: (request: SnapshotRequest = {}) => {
          calls.frames.push((request.heatmapRes ?? 0) > 0);
          return snapshot(request);
        },
      }) as Session;
    };
    const h = harness({ makeSession, autoAck: true, now: () => 0 });
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'setSpeed', speed: 3 });
    pauseAt = calls.train + 3;
    h.runner.handle({ type: 'play' });
    await h.until(() => h.posted.some((m) => m.type === 'stopped'));
    await h.until(() => h.frames().filter((f) => !f.playing).length >= 3);
    await h.send({ type: 'exportWeights' }, 'weights');
    // Pause's light frame, then its maps: the tick that trained under the Pause made none.
    expect(calls.frames.slice(madeAtPause)).toEqual([false, true]);
    const stopped = h.posted.find((m) => m.type === 'stopped') as Extract<FromEngine, { type: 'stopped' }>;
    expect(stopped.step).toBe(10 * calls.train);
  });

  it('a tick queued behind a slow frame when Pause comes does not train', async () => {
    let train = 0;
    let slow = false;
    const makeSession: MakeSession = async (spec) => {
      const session = await createSession(spec);
      const [trainReal, snapshot] = [session.train.bind(session), session.snapshot.bind(session)];
      return Object.assign(session, {
        train: (steps: number) => (train++, trainReal(steps)),
        snapshot: async (request: SnapshotRequest = {}) => {
          if (slow) {
            // The next tick is queued behind this frame meanwhile; then Pause comes, behind that tick.
            slow = false;
            await new Promise((r) => setTimeout(r, 30));
            h.runner.handle({ type: 'pause' });
            trainedAtPause = train;
            const frame = await snapshot(request);
            postedBeforeSlowFrame = h.posted.length;
            return frame;
          }
          return snapshot(request);
        },
      }) as Session;
    };
    let trainedAtPause = -1;
    let postedBeforeSlowFrame = -1;
    const h = harness({ makeSession, now: () => 0 });
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'frameAck' });
    await h.send({ type: 'setSpeed', speed: 3 });
    await h.send({ type: 'play' }, 'frame', 2);
    // The page has not drawn Play's frame; ticks go on; its ack then brings a frame of the latest step (slow).
    while (train < 3) await new Promise((r) => setTimeout(r, 5));
    slow = true;
    h.runner.handle({ type: 'frameAck' });
    await h.until(() => h.posted.some((m) => m.type === 'stopped'));
    await h.send({ type: 'exportWeights' }, 'weights');
    expect(trainedAtPause).toBeGreaterThan(0);
    expect(train).toBe(trainedAtPause);
    // Nothing was training when Pause came: 'stopped' went out then, before the slow frame in flight.
    const at = h.posted.findIndex((m) => m.type === 'stopped');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(postedBeforeSlowFrame);
  });
});

describe('maps while playing, paced by their measured cost', () => {
  /**
   * Plays at full speed on a simulated clock: a step costs 2 ms, a frame 1 ms and maps `mapMs` more (real
   * sessions, wrapped to move the clock). Returns the times of the frames during play, with maps or not.
   */
  async function playFor(mapMs: number, playMs: number, { mapMsBefore }: { mapMsBefore?: number } = {}) {
    let clock = 0;
    let stopAt = Infinity;
    let pausing = false;
    const frames: { at: number; maps: boolean }[] = [];
    let stopped!: () => void;
    const done = new Promise<void>((resolve) => (stopped = resolve));
    const makeSession: MakeSession = async (spec) => {
      const session = await createSession(spec);
      // Seed 2: the network loaded before, whose maps cost `mapMsBefore`.
      const cost = spec.seed === 2 ? mapMsBefore! : mapMs;
      const [train, snapshot] = [session.train.bind(session), session.snapshot.bind(session)];
      return Object.assign(session, {
        train: (steps: number) => {
          clock += 2 * steps;
          return train(steps);
        },
        snapshot: (request: SnapshotRequest = {}) => {
          const maps = (request.heatmapRes ?? 0) > 0;
          if (!pausing) frames.push({ at: clock, maps });
          clock += 1 + (maps ? cost : 0);
          if (clock >= stopAt && !pausing) {
            // Pause after this tick (the message queues behind it), on the simulated clock, not the real one.
            pausing = true;
            h.runner.handle({ type: 'pause' });
            stopped();
          }
          return snapshot(request);
        },
      }) as Session;
    };
    // A page that draws each frame at once: while playing, the engine makes a frame whenever the page can draw it.
    const h = harness({ now: () => clock, makeSession, autoAck: true });
    const spec = { ...defaultSpec('mlp'), speed: SPEEDS.length - 1 };
    if (mapMsBefore !== undefined) {
      h.runner.handle({ type: 'load', spec: { ...spec, seed: 2 } });
      h.runner.handle({ type: 'step', steps: 1 });
    }
    h.runner.handle({ type: 'load', spec });
    // Answered once the loads are done.
    await h.send({ type: 'exportWeights' }, 'weights');
    const start = clock;
    frames.length = 0;
    stopAt = start + playMs;
    h.runner.handle({ type: 'play' });
    await done;
    await h.until(() => h.frames().at(-1)!.playing === false);
    const mapsAt = frames.filter((f) => f.maps).map((f) => f.at);
    const gaps = mapsAt.slice(1).map((t, i) => t - mapsAt[i]);
    // The share of the time from the first frame with maps to the last, each period a map and what follows it.
    const share = ((mapsAt.length - 1) * mapMs) / (mapsAt.at(-1)! - mapsAt[0]);
    return { share, frames, gaps };
  }

  it("costly maps take at most a tenth of the worker's time, and still come", async () => {
    const { share, frames } = await playFor(30, 6000);
    expect(share).toBeLessThanOrEqual(0.1);
    expect(share).toBeGreaterThan(0.07);
    expect(frames.filter((f) => !f.maps).length).toBeGreaterThan(frames.filter((f) => f.maps).length);
  });

  it('cheap maps come with every frame', async () => {
    const { frames } = await playFor(0, 300);
    expect(frames.length).toBeGreaterThan(10);
    // Once a frame without maps has been timed (the second), every frame has them.
    expect(frames.map((f) => f.maps).slice(0, 3)).toEqual([true, false, true]);
    expect(frames.every((f, i) => f.maps || i === 1)).toBe(true);
  });

  it("a new network is measured afresh: what the last one's maps cost does not slow its maps", async () => {
    const { frames } = await playFor(0, 300, { mapMsBefore: 500 });
    expect(frames.every((f, i) => f.maps || i === 1)).toBe(true);
  });

  it('very costly maps still come at least every 2 s', async () => {
    const { gaps } = await playFor(500, 9000);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    // The first frame after 2 s: one tick (up to ~21 ms of steps and a frame) late at most.
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(2000 + 30);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2000);
  });
});

describe('"auto" chooses the backend by measurement', () => {
  /**
   * A backend starter as the worker's: a plain start runs on `first`; "auto" with a measure starts and measures
   * each of `order` (through the real measureBackends and the runner's own measure) and runs on `winner`.
   */
  function backends(first: BackendName, order: BackendName[], winner?: BackendName) {
    const measured: BackendName[][] = [];
    const startBackend: StartBackend = async (choice, measure) => {
      const started = { adapter: 'none' as const, adapterDescription: 'test' };
      if (choice !== 'auto' || !measure) {
        await tf.setBackend(first);
        return { ...started, backend: first, failures: [] };
      }
      const { rates, failures } = await measureBackends(order, {
        start: async (b) => void (await tf.setBackend(b)),
        measure,
      });
      measured.push(rates.map((r) => r.backend));
      const backend = winner ?? rates[0].backend;
      await tf.setBackend(backend);
      return { ...started, backend, failures, rates };
    };
    return { startBackend, measured };
  }
  afterAll(() => tf.setBackend('cpu'));

  it('measures on load, reports the rates, and the experiment is the same as without measuring', async () => {
    const b = backends('cpu', ['cpu']);
    const measuring = harness({ startBackend: b.startBackend });
    await measuring.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    const ready = measuring.posted[0] as Extract<FromEngine, { type: 'ready' }>;
    expect(ready).toMatchObject({ type: 'ready', backend: 'cpu', choice: 'auto' });
    expect(ready.rates).toHaveLength(1);
    expect(ready.rates![0].stepsPerSecond).toBeGreaterThan(0);
    expect(measuring.posted.map((m) => m.type)).toEqual(['ready', 'loaded', 'frame']);
    const plain = harness();
    await plain.send({ type: 'load', spec: { ...defaultSpec('mlp'), backend: 'cpu' } }, 'frame');
    for (const h of [measuring, plain]) {
      await h.send({ type: 'frameAck' });
      await h.send({ type: 'step', steps: 25 }, 'frame', 2);
    }
    const [a, b2] = [measuring.frames()[1], plain.frames()[1]];
    expect(a.step).toBe(25);
    expect(a.weights).toEqual(b2.weights);
    expect(a.metrics).toEqual(b2.metrics);
  });

  it('measures again when the architecture or the network size changes, not for other changes', async () => {
    const b = backends('cpu', ['cpu']);
    const h = harness({ startBackend: b.startBackend });
    const spec = defaultSpec('mlp');
    const loads = [
      spec,
      { ...spec, training: { ...spec.training, learningRate: 0.1 } },
      { ...spec, mlp: { ...spec.mlp, hiddenLayers: [4, 3] } },
      { ...spec, mlp: { ...spec.mlp, hiddenLayers: [4, 3], activation: 'relu' as const } },
      { ...spec, architecture: 'dian' as const },
      {
        ...spec,
        task: { ...spec.task, features: ['x1', 'x2', 'x1x2'] as ExperimentSpec['task']['features'] },
        architecture: 'dian' as const,
      },
    ];
    const counts: number[] = [];
    for (const [i, s] of loads.entries()) {
      await h.send({ type: 'load', spec: s }, 'loaded', i + 1);
      counts.push(b.measured.length);
    }
    expect(counts).toEqual([1, 1, 2, 2, 3, 4]);
    expect(h.posted.filter((m) => m.type === 'ready')).toHaveLength(4);
  });

  it('runs the experiment on the backend that won, rebuilt there, leaving no tensor behind', async () => {
    const b = backends('wasm', ['wasm', 'cpu'], 'cpu');
    const h = harness({ startBackend: b.startBackend });
    const small = defaultSpec('mlp');
    const big = { ...small, mlp: { ...small.mlp, hiddenLayers: [8, 8, 8] } };
    // Each load, then an export: answered once the load (and its first frame) is done.
    const load = async (spec: typeof small, n: number) => {
      h.runner.handle({ type: 'load', spec });
      await h.send({ type: 'exportWeights' }, 'weights', n);
    };
    await load(small, 1);
    expect(b.measured).toEqual([expect.arrayContaining(['wasm', 'cpu'])]);
    expect(tf.getBackend()).toBe('cpu');
    const tensors = tf.memory().numTensors;
    await load(big, 2);
    await load(small, 3);
    expect(b.measured).toHaveLength(3);
    expect(tf.memory().numTensors).toBe(tensors);
    await h.send({ type: 'frameAck' }, 'frame', 2);
    await h.send({ type: 'step', steps: 3 });
    await h.send({ type: 'frameAck' }, 'frame', 3);
    expect(h.frames().at(-1)!.step).toBe(3);
  });
});

describe('engine runner (worker protocol), frames double-buffered', () => {
  describe('with double-buffered frames (as on the WGSL kernels)', () => {
    const weightsOf = (h: ReturnType<typeof harness>) =>
      h.posted.find((m) => m.type === 'weights') as Extract<FromEngine, { type: 'weights' }>;

    it('plays: frames in order, and Pause sends the one in flight, then one at the engine step', async () => {
      // A clock that stands still: ticks take no time, so every tick trains the ten steps 'fast' asks for.
      const h = harness({ pipelineFrames: true, autoAck: true, now: () => 0 });
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

describe('loads that carry play, and divergence on Pause', () => {
  it('a refused load on another backend builds the running experiment again: its weights, step and state', async () => {
    const h = harness();
    const weights = async (n: number) => (
      await h.send({ type: 'exportWeights' }, 'weights', n),
      h.posted.filter((m) => m.type === 'weights').at(-1) as Extract<FromEngine, { type: 'weights' }>
    );
    await h.send({ type: 'load', spec: { ...defaultSpec('mlp'), backend: 'cpu' } }, 'frame');
    await h.send({ type: 'step', steps: 3 });
    const before = await weights(1);
    const heavy = { ...heaviestWormhole(), backend: 'wasm' as const };
    await h.send({ type: 'load', spec: heavy }, 'loadRefused');
    expect(h.posted.filter((m) => m.type === 'loadRefused').at(-1)).toMatchObject({
      message: expect.stringMatching(/Max iterations/),
      running: true,
    });
    const after = await weights(2);
    expect(after.step).toBe(3);
    expect(after.weights).toEqual(before.weights);
    expect(after.state).toEqual(before.state);
  });

  it('a load with play plays once loaded; a refused one leaves the running experiment paused', async () => {
    const h = harness({ autoAck: true });
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'setSpeed', speed: 3 });
    await h.send({ type: 'load', spec: { ...defaultSpec('mlp'), seed: 2 }, play: true }, 'loaded', 2);
    await h.until(() => h.frames().some((f) => f.playing && f.step >= 20));
    await h.send({ type: 'load', spec: { ...defaultSpec('mlp'), seed: -1 }, play: true }, 'loadRefused');
    const weights = async (n: number) => (
      await h.send({ type: 'exportWeights' }, 'weights', n),
      h.posted.filter((m) => m.type === 'weights').at(-1) as Extract<FromEngine, { type: 'weights' }>
    );
    const first = await weights(1);
    // Paused: the step stays where the refusal left it.
    await new Promise((r) => setTimeout(r, 100));
    expect((await weights(2)).step).toBe(first.step);
    expect(h.frames().at(-1)!.playing).toBe(false);
  });

  it('a divergence in the steps since the last frame is caught by the Pause frame: weights restored', async () => {
    const h = harness();
    const spec = defaultSpec('mlp');
    spec.mlp.activation = 'linear';
    spec.training.learningRate = 10;
    await h.send({ type: 'load', spec }, 'frame');
    // The page never acknowledges: no frame is made while playing, so only Pause's frame can see the divergence.
    await h.send({ type: 'setSpeed', speed: 3 });
    await h.send({ type: 'play' }, 'frame', 1);
    await new Promise((r) => setTimeout(r, 200));
    await h.send({ type: 'pause' }, 'events');
    const events = h.posted.flatMap((m) => (m.type === 'events' ? m.events : []));
    expect(events.map((e) => e.kind)).toContain('diverged');
    await h.send({ type: 'frameAck' }, 'frame', 2);
    expect(h.frames().at(-1)!.weights.every(Number.isFinite)).toBe(true);
  });
});
