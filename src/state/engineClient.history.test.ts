import { describe, expect, it, vi } from 'vitest';
import { fakeEngine, testFrame, testLayout } from './testing';

/** An engine that loaded the first experiment and drew steps 0..3. */
function trainedTo3() {
  const f = fakeEngine();
  f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
  for (const step of [0, 1, 2, 3]) {
    f.receive({ type: 'frame', frame: testFrame(step) });
    f.nextAnimationFrame();
  }
  return f;
}

const steps = (f: ReturnType<typeof fakeEngine>) => f.frames.latestHistory().map((p) => p.step);

describe('engine client: the loss history across loads', () => {
  it('a wormhole edit keeps the history and marks the edit at its step', () => {
    const f = trainedTo3();
    f.store.getState().updateSpec((s) => s.wormhole.wormholes.push({ from: 2, to: 1 }));
    f.receive({ type: 'loaded', layout: testLayout(), step: 3 });
    expect(steps(f)).toEqual([0, 1, 2, 3]);
    f.receive({ type: 'frame', frame: testFrame(4) });
    const drawn = vi.fn();
    f.frames.subscribeFrames(drawn);
    f.nextAnimationFrame();
    expect(steps(f)).toEqual([0, 1, 2, 3, 4]);
    expect(drawn.mock.lastCall?.[2]).toEqual([3]);
  });

  it('any other change starts a new history, without marks', () => {
    const f = trainedTo3();
    f.store.getState().updateSpec((s) => s.wormhole.wormholes.push({ from: 2, to: 1 }));
    f.receive({ type: 'loaded', layout: testLayout(), step: 3 });
    f.store.getState().updateSpec((s) => (s.seed = 7));
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    expect(steps(f)).toEqual([]);
    f.receive({ type: 'frame', frame: testFrame(0) });
    const drawn = vi.fn();
    f.frames.subscribeFrames(drawn);
    f.nextAnimationFrame();
    expect(drawn.mock.lastCall?.[2]).toEqual([]);
  });

  it('a refused edit is forgotten: the load after it is answered as its own', () => {
    const f = trainedTo3();
    f.store.getState().updateSpec((s) => s.wormhole.wormholes.push({ from: 2, to: 1 }));
    f.store.getState().updateSpec((s) => (s.seed = 7));
    f.receive({ type: 'loadRefused', message: 'no', running: true });
    // The seed's load (a new experiment) is made: the history starts again.
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    expect(steps(f)).toEqual([]);
  });
});
