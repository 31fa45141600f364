/** Test doubles for the state layer: an engine client wired to a fake worker and a hand-cranked frame clock. */
import type { Frame, FromEngine, Layout, ToEngine } from '../protocol';
import { createEngineClient } from './engineClient';
import type { HeartbeatClock } from './heartbeat';
import { createFrameChannel } from './frames';
import { createAppStore } from './store';

/** A frame of an MLP at `step` without maps. */
export const testFrame = (step: number): Frame => ({
  step,
  metrics: { trainLoss: 0.5, testLoss: 0.6, trainAccuracy: 0.7, testAccuracy: 0.8 },
  weights: new Float32Array(),
  heatmap: new Float32Array(),
  heatmapRes: 0,
  neuronMaps: new Float32Array(),
  neuronRes: 0,
  arch: { kind: 'mlp' },
  playing: true,
  stepsPerSecond: 0,
});

/** The layout of the default MLP (two inputs, hidden layers 4 and 2, one output). */
export const testLayout = (): Layout => ({
  inputs: ['x1', 'x2'],
  head: { kind: 'binary' },
  classes: ['0', '1'],
  plane: { x: 'x1', y: 'x2', extent: { x: [-6, 6], y: [-6, 6] } },
  layerWidths: [4, 2, 1],
  weights: [],
  train: new Float32Array(),
  test: new Float32Array(),
  arch: { kind: 'mlp' },
});

/** A clock moved by hand: `advance(ms)` runs every interval that falls due on the way. */
export function manualClock() {
  let now = 0;
  const timers = new Set<{ every: number; next: number; tick: () => void }>();
  const clock: HeartbeatClock = {
    now: () => now,
    every: (ms, tick) => {
      const timer = { every: ms, next: now + ms, tick };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.every;
      due.tick();
    }
    now = end;
  };
  return { clock, advance, timers: () => timers.size };
}

/**
 * An engine client whose worker records what it is sent; started, it has forgotten its first load already.
 * With a clock it runs the heartbeat on it.
 */
export function fakeEngine({ started = true, clock }: { started?: boolean; clock?: HeartbeatClock } = {}) {
  const store = createAppStore();
  const frames = createFrameChannel();
  const posted: ToEngine[] = [];
  const draws: (() => void)[] = [];
  let connections = 0;
  let receive: (message: FromEngine) => void = () => {};
  let crash: (reason: string) => void = () => {};
  const engine = createEngineClient({
    store,
    frames,
    connect: (onMessage, onCrash) => {
      connections++;
      receive = onMessage;
      crash = onCrash;
      return { post: (message) => void posted.push(message), terminate: () => {} };
    },
    requestFrame: (draw) => void draws.push(draw),
    heartbeatClock: clock,
  });
  if (started) {
    engine.start();
    posted.length = 0;
  }
  return {
    store,
    frames,
    engine,
    posted,
    draws,
    connections: () => connections,
    receive: (message: FromEngine) => receive(message),
    crash: (reason: string) => crash(reason),
    /** Runs the draws the client asked for, as the next animation frame would. */
    nextAnimationFrame: () => draws.splice(0).forEach((draw) => draw()),
  };
}
