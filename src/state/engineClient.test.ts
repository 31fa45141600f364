import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Frame } from '../protocol';
import { defaultSpec } from '../experiment';
import { fakeEngine, testFrame, testLayout } from './testing';
import { BATCH_MS } from './logBatch';
import { SHOW_PAUSED_MS } from './pauseShown';

const weights = { w: { shape: [1], values: [0.25] } };

describe('engine client: messages from the engine', () => {
  it('starting posts a load of the current spec', () => {
    const f = fakeEngine({ started: false });
    f.engine.start();
    expect(f.posted).toEqual([{ type: 'load', spec: f.store.getState().spec }]);
  });

  it("'ready' sets the engine state and backend", () => {
    const f = fakeEngine();
    f.receive({ type: 'ready', backend: 'wasm', choice: 'auto', adapter: 'none', adapterDescription: '' });
    expect(f.store.getState().runtime).toMatchObject({ engine: 'ready', backend: 'wasm', adapter: 'none' });
  });

  it("'ready' logs the backend", () => {
    const f = fakeEngine();
    f.receive({ type: 'ready', backend: 'wasm', choice: 'auto', adapter: 'none', adapterDescription: '' });
    expect(f.store.getState().runtime.log[0].text).toBe('engine running on wasm (WebGPU adapter: none)');
  });

  it("'ready' from auto keeps and logs the rates it measured; a later 'ready' without them clears them", () => {
    const f = fakeEngine();
    const rates = [
      { backend: 'cpu' as const, stepsPerSecond: 52_000 },
      { backend: 'wasm' as const, stepsPerSecond: 48_000 },
    ];
    f.receive({
      type: 'ready',
      backend: 'cpu',
      choice: 'auto',
      adapter: 'none',
      adapterDescription: '',
      rates,
    });
    expect(f.store.getState().runtime.backendRates).toEqual(rates);
    expect(f.store.getState().runtime.log[0].text).toBe(
      'engine running on cpu (WebGPU adapter: none); auto: cpu — cpu 52k steps/s, wasm 48k steps/s',
    );
    f.receive({ type: 'ready', backend: 'wasm', choice: 'wasm', adapter: 'none', adapterDescription: '' });
    expect(f.store.getState().runtime.backendRates).toBeUndefined();
  });

  it("'loaded' sets the layout", () => {
    const f = fakeEngine();
    const layout = testLayout();
    f.receive({ type: 'loaded', layout, step: 0 });
    expect(f.store.getState().runtime.layout).toBe(layout);
  });

  it("'loaded' logs the network's shape, task and seed", () => {
    const f = fakeEngine();
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    expect(f.store.getState().runtime.log[0].text).toBe('loaded a 2-4-2-1 MLP on the circle task (seed 1)');
  });

  it("'loaded' names Live's own reward task, not the Data panel's", () => {
    const f = fakeEngine();
    f.store.setState({ spec: { ...defaultSpec('live'), seed: 4 } });
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    // (The network's name comes from the layout: this fake's is an MLP's.)
    expect(f.store.getState().runtime.log[0].text).toMatch(
      new RegExp(` on the ${defaultSpec('live').live.task} reward task \\(seed 4\\)$`),
    );
  });

  it('the load and backend lines stay in the log when hundreds of rewirings push past its cap', () => {
    const f = fakeEngine();
    f.receive({ type: 'ready', backend: 'cpu', choice: 'cpu', adapter: 'none', adapterDescription: '' });
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    const rewire = (step: number) => ({ step, text: `rewired ${step}` });
    f.store.getState().addLogs(Array.from({ length: 150 }, (_, i) => rewire(i + 1)));
    f.store.getState().addLogs(Array.from({ length: 150 }, (_, i) => rewire(i + 151)));
    const log = f.store.getState().runtime.log;
    expect(log).toHaveLength(202);
    expect(log[0].text).toBe('rewired 300');
    expect(log[199].text).toBe('rewired 101');
    // Past the cap, newest first: what was loaded, then where it runs.
    expect(log[200].text).toMatch(/^loaded a 2-4-2-1 MLP on the circle task/);
    expect(log[201].text).toMatch(/^engine running on cpu/);
    // A new load replaces the kept one.
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    expect(f.store.getState().runtime.log.filter((e) => e.pinned === 'load')).toHaveLength(1);
    expect(f.store.getState().runtime.log[0].pinned).toBe('load');
  });

  it("'loaded' resets the history", () => {
    const f = fakeEngine();
    f.receive({ type: 'frame', frame: testFrame(5) });
    f.nextAnimationFrame();
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    expect(f.frames.latestHistory()).toEqual([]);
  });

  it("'loaded' drops the frame of the previous experiment, and acknowledges it", () => {
    const f = fakeEngine();
    const drawn = vi.fn();
    f.frames.subscribeFrames(drawn);
    f.receive({ type: 'frame', frame: testFrame(5) });
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    f.nextAnimationFrame();
    expect({ drawn: drawn.mock.calls.length, posted: f.posted }).toEqual({
      drawn: 0,
      posted: [{ type: 'frameAck' }],
    });
  });

  it("'relayout' drops the pending frame, and acknowledges it", () => {
    const f = fakeEngine();
    f.receive({ type: 'frame', frame: testFrame(5) });
    f.receive({ type: 'relayout', layout: testLayout() });
    f.nextAnimationFrame();
    expect(f.posted).toEqual([{ type: 'frameAck' }]);
  });

  it("'events' with a divergence pauses", () => {
    const f = fakeEngine();
    f.engine.play();
    f.receive({ type: 'events', events: [{ kind: 'diverged', step: 7, restoredStep: 5 }] });
    expect(f.store.getState().runtime.playing).toBe(false);
  });

  it("'events' with a divergence alerts", () => {
    const f = fakeEngine();
    f.receive({ type: 'events', events: [{ kind: 'diverged', step: 7, restoredStep: 5 }] });
    expect(f.store.getState().runtime.alerts[0].message).toMatch(
      /^Training diverged at step 7: .* step 5 are back/,
    );
  });

  it("'events' with a rewire logs it on its edge", () => {
    const f = fakeEngine();
    const rewire = {
      kind: 'rewire',
      change: 'connect',
      source: 'in',
      neuron: 'h0',
      reward: 0.5,
      step: 3,
    } as const;
    f.receive({ type: 'events', events: [rewire] });
    expect(f.store.getState().runtime.log[0]).toMatchObject({ step: 3, edge: 'in->h0' });
  });

  it("'events' with uncounted solves logs one line with the count (with the next batch while playing), and does not pause", () => {
    vi.useFakeTimers();
    const f = fakeEngine();
    f.store.getState().setRuntime({ playing: true });
    const elided = {
      kind: 'solves-elided',
      forward: { maxIter: 5, diverged: 1 },
      adjoint: { maxIter: 3, diverged: 0 },
      fromStep: 2,
      step: 9,
    } as const;
    const logged = f.store.getState().runtime.log.length;
    f.receive({ type: 'events', events: [elided] });
    // While playing, the line waits for the log's next batch (state/logBatch.ts).
    expect(f.store.getState().runtime.log).toHaveLength(logged);
    vi.advanceTimersByTime(BATCH_MS);
    expect(f.store.getState().runtime.log[0]).toMatchObject({
      step: 9,
      text:
        '9 more training solves did not converge in steps 2-9: 6 forward (5 hit maxIter, 1 diverged), ' +
        '3 adjoint (3 hit maxIter, 0 diverged); counted rather than listed',
    });
    expect(f.store.getState().runtime.playing).toBe(true);
  });

  it("'error' pauses", () => {
    const f = fakeEngine();
    f.engine.play();
    f.receive({ type: 'error', message: 'out of memory' });
    expect(f.store.getState().runtime.playing).toBe(false);
  });

  it("'error' alerts with the engine's message", () => {
    const f = fakeEngine();
    f.receive({ type: 'error', message: 'out of memory' });
    expect(f.store.getState().runtime.alerts.map((a) => a.message)).toEqual(['out of memory']);
  });

  it("'error' rejects the pending weight requests", async () => {
    const f = fakeEngine();
    const request = f.engine.requestWeights();
    f.receive({ type: 'error', message: 'out of memory' });
    await expect(request).rejects.toThrow('out of memory');
  });

  it("'weights' resolves every pending request", async () => {
    const f = fakeEngine();
    const requests = [f.engine.requestWeights(), f.engine.requestWeights()];
    f.receive({ type: 'weights', weights, step: 12 });
    expect(await Promise.all(requests)).toEqual([
      { weights, step: 12 },
      { weights, step: 12 },
    ]);
  });

  it('asking for weights before the engine runs is refused', async () => {
    const f = fakeEngine({ started: false });
    await expect(f.engine.requestWeights()).rejects.toThrow('the engine is not running');
  });

  it('a restart rejects the pending weight requests', async () => {
    const f = fakeEngine();
    const request = f.engine.requestWeights();
    f.engine.start();
    await expect(request).rejects.toThrow('the engine was restarted');
  });

  it('a crash rejects the pending weight requests', async () => {
    const f = fakeEngine();
    const request = f.engine.requestWeights();
    f.crash('boom');
    await expect(request).rejects.toThrow('the engine stopped: boom');
  });

  it('a crash marks the engine crashed and alerts with a Restart action', () => {
    const f = fakeEngine();
    f.crash('boom');
    const { runtime } = f.store.getState();
    expect({
      engine: runtime.engine,
      alert: runtime.alerts[0].message,
      action: runtime.alerts[0].action?.label,
    }).toEqual({
      engine: 'crashed',
      alert: 'The engine stopped: boom. Your settings are kept.',
      action: 'Restart engine',
    });
  });

  it("the crash alert's action starts a new engine that loads the spec", () => {
    const f = fakeEngine();
    f.crash('boom');
    f.store.getState().runtime.alerts[0].action!.run();
    expect({ connections: f.connections(), posted: f.posted }).toEqual({
      connections: 2,
      posted: [{ type: 'load', spec: f.store.getState().spec }],
    });
  });
});

describe('engine client: frames', () => {
  const drawnSteps = (f: ReturnType<typeof fakeEngine>) => {
    const steps: number[] = [];
    f.frames.subscribeFrames((frame: Frame) => steps.push(frame.step));
    return steps;
  };

  it('the latest frame wins: two frames before a repaint draw only the second', () => {
    const f = fakeEngine();
    const steps = drawnSteps(f);
    f.receive({ type: 'frame', frame: testFrame(1) });
    f.receive({ type: 'frame', frame: testFrame(2) });
    f.nextAnimationFrame();
    expect(steps).toEqual([2]);
  });

  it('asks for one repaint however many frames arrive before it', () => {
    const f = fakeEngine();
    f.receive({ type: 'frame', frame: testFrame(1) });
    f.receive({ type: 'frame', frame: testFrame(2) });
    expect(f.draws).toHaveLength(1);
  });

  it('acknowledges each drawn frame once', () => {
    const f = fakeEngine();
    f.receive({ type: 'frame', frame: testFrame(1) });
    f.receive({ type: 'frame', frame: testFrame(2) });
    f.nextAnimationFrame();
    expect(f.posted).toEqual([{ type: 'frameAck' }]);
  });

  it('acknowledges the frame even when drawing it throws', () => {
    const f = fakeEngine();
    f.frames.publishFrame = () => {
      throw new Error('a broken frame channel');
    };
    f.receive({ type: 'frame', frame: testFrame(1) });
    expect(() => f.nextAnimationFrame()).toThrow('a broken frame channel');
    expect(f.posted).toEqual([{ type: 'frameAck' }]);
  });

  it('after Pause, frames sent while still playing are acknowledged, not drawn; the paused frame is drawn', () => {
    const f = fakeEngine();
    const steps = drawnSteps(f);
    f.receive({ type: 'frame', frame: testFrame(10) }); // arrived before the click, not drawn yet
    f.engine.pause();
    f.receive({ type: 'frame', frame: testFrame(20) }); // in flight when the engine got the pause
    f.nextAnimationFrame();
    f.receive({ type: 'frame', frame: { ...testFrame(24), playing: false } });
    // Drawn as it comes, not on the next animation frame: Pause shows within the frame it arrives in.
    expect(steps).toEqual([24]);
    f.nextAnimationFrame();
    expect(steps).toEqual([24]);
    // One ack each: the frame from before the click, the stale one, the paused one (drawn).
    expect(f.posted).toEqual([
      { type: 'frameAck' },
      { type: 'pause' },
      { type: 'frameAck' },
      { type: 'frameAck' },
    ]);
  });

  it("Pause's 'stopped' shows the step at once while its frame is awaited; not once that frame came", () => {
    const f = fakeEngine();
    const stops: number[] = [];
    f.frames.subscribeStopped((step) => stops.push(step));
    f.receive({ type: 'stopped', step: 7 }); // not pausing: nothing to show
    f.engine.pause();
    f.receive({ type: 'stopped', step: 24 });
    expect(stops).toEqual([24]);
    f.receive({ type: 'frame', frame: { ...testFrame(24), playing: false } });
    f.receive({ type: 'stopped', step: 30 });
    expect(stops).toEqual([24]);
    expect(f.posted).toEqual([{ type: 'pause' }, { type: 'frameAck' }]);
  });

  afterEach(() => void vi.useRealTimers());

  it("held lines go in before a load's line and an event that pauses training, and on dispose", () => {
    vi.useFakeTimers();
    const f = fakeEngine();
    f.engine.play();
    const rewire = { kind: 'rewire', change: 'connect', source: 'in', neuron: 'h0', reward: 0.5 } as const;
    const held = (step: number) => f.receive({ type: 'events', events: [{ ...rewire, step }] });
    held(1);
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    // Newest first: the load's line after the held one.
    const [load, line] = f.store.getState().runtime.log;
    expect([load.pinned, line.edge, line.step]).toEqual(['load', 'in->h0', 1]);
    f.engine.play();
    held(2);
    const diverged = { kind: 'diverged', step: 3, restoredStep: 2 } as const;
    f.receive({ type: 'events', events: [diverged] });
    expect(
      f.store
        .getState()
        .runtime.log.slice(0, 2)
        .map((e) => e.step),
    ).toEqual([3, 2]);
    f.engine.play();
    held(4);
    f.engine.dispose();
    expect(f.store.getState().runtime.log[0].step).toBe(4);
  });

  it("Pause turns the controls to Play with the engine's answer, or after SHOW_PAUSED_MS without one", () => {
    vi.useFakeTimers();
    const f = fakeEngine();
    const playing = () => f.store.getState().runtime.playing;
    f.engine.play();
    f.engine.pause();
    // Not drawn before the answer: the click's render would hold the step counter's.
    expect(playing()).toBe(true);
    f.receive({ type: 'stopped', step: 12 });
    expect(playing()).toBe(false);
    // An engine that does not answer: paused on the page anyway.
    f.engine.play();
    f.engine.pause();
    vi.advanceTimersByTime(SHOW_PAUSED_MS - 1);
    expect(playing()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(playing()).toBe(false);
    // Play right after Pause: the timer does not pause it again.
    f.engine.pause();
    f.engine.play();
    vi.advanceTimersByTime(SHOW_PAUSED_MS);
    expect(playing()).toBe(true);
  });

  it("after Pause the log's lines wait for their batch: the step counter's answer is not drawn behind them", () => {
    vi.useFakeTimers();
    const f = fakeEngine();
    const stops: number[] = [];
    f.frames.subscribeStopped((step) => stops.push(step));
    f.engine.play();
    const rewire = { kind: 'rewire', change: 'connect', source: 'in', neuron: 'h0', reward: 0.5 } as const;
    f.receive({ type: 'events', events: [{ ...rewire, step: 20 }] });
    f.engine.pause();
    // Paused, Pause's answer not come yet: held too, and 'stopped' sends none of them ahead of itself.
    f.receive({ type: 'events', events: [{ ...rewire, step: 24 }] });
    const logged = () =>
      f.store
        .getState()
        .runtime.log.filter((e) => e.edge === 'in->h0')
        .map((e) => e.step);
    f.receive({ type: 'stopped', step: 24 });
    expect(stops).toEqual([24]);
    expect(logged()).toEqual([]);
    vi.advanceTimersByTime(BATCH_MS);
    expect(logged()).toEqual([24, 20]);
    // Paused and answered: a Step's lines go in at once.
    f.receive({ type: 'frame', frame: { ...testFrame(24), playing: false } });
    f.receive({ type: 'events', events: [{ ...rewire, step: 25 }] });
    expect(logged()).toEqual([25, 24, 20]);
  });

  it('Rewind asks for a kept step, drops frames sent while playing, draws the look back at once', () => {
    const f = fakeEngine();
    const steps = drawnSteps(f);
    f.receive({ type: 'checkpoints', steps: [0, 1, 2, 3] });
    expect(f.store.getState().runtime.checkpoints).toEqual([0, 1, 2, 3]);
    f.engine.play();
    f.engine.rewind(2);
    expect(f.store.getState().runtime).toMatchObject({ playing: false, lookingAt: 2 });
    f.receive({ type: 'frame', frame: testFrame(40) }); // sent while still playing
    f.receive({ type: 'frame', frame: { ...testFrame(2), playing: false, rewound: true } });
    expect(steps).toEqual([2]);
    expect(f.posted).toEqual([
      { type: 'play' },
      { type: 'rewind', step: 2 },
      { type: 'frameAck' },
      { type: 'frameAck' },
    ]);
    f.engine.step();
    expect(f.store.getState().runtime.lookingAt).toBeUndefined();
  });

  it('Play again draws frames while playing (a Pause waiting for its frame is over)', () => {
    const f = fakeEngine();
    const steps = drawnSteps(f);
    f.engine.pause();
    f.engine.play();
    f.receive({ type: 'frame', frame: testFrame(3) });
    f.nextAnimationFrame();
    expect(steps).toEqual([3]);
  });
});

describe('engine client: the event log at full speed', () => {
  it('one message of events is one update of the log, its entries newest first', () => {
    const f = fakeEngine();
    let updates = 0;
    f.store.subscribe(() => updates++);
    const rewire = (step: number) =>
      ({ kind: 'rewire', change: 'connect', source: 'in', neuron: `h${step}`, reward: 1, step }) as const;
    f.receive({ type: 'events', events: [rewire(1), rewire(2), rewire(3)] });
    expect(updates).toBe(1);
    expect(
      f.store
        .getState()
        .runtime.log.slice(0, 3)
        .map((e) => e.step),
    ).toEqual([3, 2, 1]);
    expect(new Set(f.store.getState().runtime.log.map((e) => e.id)).size).toBe(
      f.store.getState().runtime.log.length,
    );
  });
});
