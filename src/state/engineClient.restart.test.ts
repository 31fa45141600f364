import { describe, expect, it } from 'vitest';
import type { Frame, Layout } from '../protocol';
import { fakeEngine, manualClock, testFrame, testLayout } from './testing';

/** A layout with two named weights (3 values in all), and a frame of them. */
const layout = (): Layout => ({
  ...testLayout(),
  weights: [
    { name: 'dense0/kernel', shape: [2, 1] },
    { name: 'dense0/bias', shape: [1] },
  ],
});
const frame = (step: number, values: number[]): Frame => ({
  ...testFrame(step),
  weights: Float32Array.from(values),
});

function running() {
  const time = manualClock();
  const f = fakeEngine({ clock: time.clock });
  f.receive({ type: 'loaded', layout: layout(), step: 0 });
  const draw = (step: number, values: number[]) => {
    f.receive({ type: 'frame', frame: frame(step, values) });
    f.nextAnimationFrame();
  };
  const alert = () => f.store.getState().runtime.alerts.at(-1)!;
  return { ...f, ...time, draw, alert };
}

describe('engine client: heartbeat and restart', () => {
  it('pings the engine through the protocol, and a pong keeps it quiet', () => {
    const f = running();
    f.advance(1000);
    expect(f.posted.filter((m) => m.type === 'ping')).toEqual([{ type: 'ping', seq: 1 }]);
    for (let i = 0; i < 30; i++) {
      f.receive({ type: 'pong', seq: i + 1 });
      f.advance(1000);
    }
    expect(f.store.getState().runtime.alerts).toEqual([]);
  });

  it('a silent engine: Play shows Play again, and an alert offers Restart engine', () => {
    const f = running();
    f.engine.play();
    f.draw(120, [0.5, -0.25, 0.125]);
    f.advance(12_000);
    expect(f.store.getState().runtime.playing).toBe(false);
    expect(f.alert().message).toMatch(/^The engine stopped answering \(nothing for \d+ s\)/);
    expect(f.alert().message).toContain('goes on from step 120');
    expect(f.alert().action?.label).toBe('Restart engine');
  });

  it('Restart engine loads the last good weights and step into a new worker, and keeps the history', () => {
    const f = running();
    f.draw(100, [1, 2, 3]);
    f.draw(120, [0.5, -0.25, 0.125]);
    // A frame that is not finite is never kept (the engine sends none; the page checks all the same).
    f.draw(121, [NaN, 0, 0]);
    f.advance(12_000);
    f.posted.length = 0;
    f.alert().action!.run();
    expect(f.connections()).toBe(2);
    expect(f.posted[0]).toEqual({
      type: 'load',
      spec: f.store.getState().spec,
      weights: {
        'dense0/kernel': { shape: [2, 1], values: [0.5, -0.25] },
        'dense0/bias': { shape: [1], values: [0.125] },
      },
      step: 120,
    });
    f.receive({ type: 'loaded', layout: layout(), step: 120 });
    expect(f.frames.latestHistory().map((p) => p.step)).toEqual([100, 120, 121]);
    // A later load (a new experiment) starts a new history and forgets the weights.
    f.receive({ type: 'loaded', layout: layout(), step: 0 });
    expect(f.frames.latestHistory()).toEqual([]);
    f.crash('gone');
    f.posted.length = 0;
    f.alert().action!.run();
    expect(f.posted[0]).toEqual({ type: 'load', spec: f.store.getState().spec });
  });

  it('a crash is said once: the heartbeat does not call the stopped engine silent later', () => {
    const f = running();
    f.crash('gone');
    f.advance(30_000);
    expect(f.store.getState().runtime.alerts.map((a) => a.message)).toEqual([
      expect.stringMatching(/^The engine stopped: gone\./),
    ]);
    expect(f.posted.filter((m) => m.type === 'ping')).toEqual([]);
  });

  it('a crash offers the same restart from the last good weights', () => {
    const f = running();
    f.draw(7, [1, 1, 1]);
    f.crash('the engine worker failed');
    expect(f.alert().message).toContain('goes on from step 7');
    f.posted.length = 0;
    f.alert().action!.run();
    expect(f.posted[0]).toMatchObject({ type: 'load', step: 7 });
  });

  it('an engine that answers again is logged, and the heartbeat stops with the client', () => {
    const f = running();
    f.advance(12_000);
    f.receive({ type: 'pong', seq: 1 });
    expect(f.store.getState().runtime.log[0].text).toBe('the engine answers again');
    f.engine.dispose();
    expect(f.timers()).toBe(0);
  });
});
