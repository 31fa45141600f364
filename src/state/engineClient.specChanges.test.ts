import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment';
import { fakeEngine, testLayout } from './testing';

describe('engine client: spec changes (reload or keep)', () => {
  it('changing a training field posts a load that starts over', () => {
    const f = fakeEngine();
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.1));
    expect(f.posted).toEqual([{ type: 'load', spec: f.store.getState().spec, carryWeights: false }]);
  });

  it('changing the speed posts only setSpeed', () => {
    const f = fakeEngine();
    f.store.getState().updateSpec((s) => (s.speed = 1));
    expect(f.posted).toEqual([{ type: 'setSpeed', speed: 1 }]);
  });

  it('changing a view option posts nothing', () => {
    const f = fakeEngine();
    f.store.getState().updateSpec((s) => (s.view.showTestData = true));
    expect(f.posted).toEqual([]);
  });

  it('moving a Live neuron posts nothing', () => {
    const f = fakeEngine();
    f.store.getState().updateSpec((s) => (s.live.positions.h0 = [0.2, 0.4]));
    expect(f.posted).toEqual([]);
  });

  it('adding a wormhole posts a load that carries the weights', () => {
    const f = fakeEngine();
    f.store.getState().updateSpec((s) => s.wormhole.wormholes.push({ from: 2, to: 1 }));
    expect(f.posted).toEqual([{ type: 'load', spec: f.store.getState().spec, carryWeights: true }]);
  });

  it('adding a wormhole and changing the seed starts over', () => {
    const f = fakeEngine();
    f.store.getState().updateSpec((s) => {
      s.wormhole.wormholes.push({ from: 2, to: 1 });
      s.seed = 2;
    });
    expect(f.posted).toEqual([{ type: 'load', spec: f.store.getState().spec, carryWeights: false }]);
  });

  it('a change before the engine starts posts nothing', () => {
    const f = fakeEngine({ started: false });
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.1));
    expect(f.posted).toEqual([]);
  });

  it('a change after dispose posts nothing', () => {
    const f = fakeEngine();
    f.engine.dispose();
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.1));
    expect(f.posted).toEqual([]);
  });

  it('reset posts a load of the same spec without its weights', () => {
    const f = fakeEngine();
    f.engine.reset();
    expect(f.posted).toEqual([{ type: 'load', spec: f.store.getState().spec, carryWeights: false }]);
  });

  it('replace posts one load with the given weights and spec', () => {
    const f = fakeEngine();
    const spec = defaultSpec('dian');
    const weights = { w: { shape: [1], values: [0.25] } };
    f.engine.replace(spec, { weights, step: 30 });
    expect(f.posted).toEqual([{ type: 'load', spec, weights, step: 30 }]);
  });
});

describe('engine client: Live edits', () => {
  const connectInToOut = { kind: 'connect', source: 'in', neuron: 'out' } as const;

  it('a valid edit updates the spec', () => {
    const f = fakeEngine();
    f.engine.edit(connectInToOut);
    expect(f.store.getState().spec.live.sources.out).toEqual(['h1', 'h2', 'in']);
  });

  it("a valid edit posts 'edit' and no load", () => {
    const f = fakeEngine();
    f.engine.edit(connectInToOut);
    expect(f.posted).toEqual([{ type: 'edit', edit: connectInToOut }]);
  });

  it('a refused edit alerts with the reason', () => {
    const f = fakeEngine();
    f.engine.edit({ kind: 'connect', source: 'h0', neuron: 'in' });
    expect(f.store.getState().runtime.alerts.map((a) => a.message)).toEqual([
      'in is an input: it cannot receive connections.',
    ]);
  });

  it('an edit the engine refuses is taken back: the spec as before it, with a later edit made again on top', () => {
    const f = fakeEngine();
    const before = f.store.getState().spec;
    f.engine.edit(connectInToOut);
    f.engine.edit({ kind: 'disconnect', source: 'h1', neuron: 'out' });
    expect(f.store.getState().spec.live.sources.out).toEqual(['h2', 'in']);
    f.receive({ type: 'editRefused', message: 'Refused: too costly.' });
    expect(f.store.getState().spec.live.sources.out).toEqual(['h2']);
    expect(f.store.getState().spec.live.sources.h1).toEqual(before.live.sources.h1);
    expect(f.store.getState().runtime.alerts.map((a) => a.message)).toEqual(['Refused: too costly.']);
    // The engine made the later edit: its answer takes back nothing, and the page did not reload the engine.
    f.receive({ type: 'relayout', layout: testLayout() });
    expect(f.store.getState().spec.live.sources.out).toEqual(['h2']);
    expect(f.posted.map((m) => m.type)).toEqual(['edit', 'edit']);
  });

  it('an edit made while a load is on its way is still taken back when the engine refuses it', () => {
    const f = fakeEngine();
    const live = f.store.getState().spec;
    f.engine.replace({ ...live, seed: 7 });
    f.engine.edit(connectInToOut);
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    f.receive({ type: 'editRefused', message: 'Refused.' });
    expect(f.store.getState().spec).toEqual({ ...live, seed: 7 });
  });

  it('a refused edit posts nothing and keeps the spec', () => {
    const f = fakeEngine();
    const before = f.store.getState().spec;
    f.engine.edit({ kind: 'connect', source: 'h0', neuron: 'in' });
    expect({ posted: f.posted, same: f.store.getState().spec === before }).toEqual({
      posted: [],
      same: true,
    });
  });
});

describe('engine client: a load the engine refuses', () => {
  const alerts = (f: ReturnType<typeof fakeEngine>) =>
    f.store.getState().runtime.alerts.map((a) => a.message);

  it('takes the spec (controls, link) back to the experiment running, keeping the speed; no load is sent for it', () => {
    const f = fakeEngine();
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    const runningSpec = f.store.getState().spec;
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.1));
    f.store.getState().updateSpec((s) => (s.speed = 1));
    f.receive({ type: 'loadRefused', message: 'Refused: too heavy.', running: true });
    expect(f.store.getState().spec).toEqual({ ...runningSpec, speed: 1 });
    expect(alerts(f)).toEqual(['Refused: too heavy. The experiment that was running is back, paused.']);
    expect(f.store.getState().runtime.playing).toBe(false);
    expect(f.posted.filter((m) => m.type === 'load')).toHaveLength(1);
  });

  it('keeps the spec while a later load is on its way (its answer settles it)', () => {
    const f = fakeEngine();
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.1));
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.2));
    f.receive({ type: 'loadRefused', message: 'Refused.', running: true });
    expect(f.store.getState().spec.training.learningRate).toBe(0.2);
    expect(alerts(f)).toEqual(['Refused.']);
    // Every load is answered once: the later one's refusal goes back to the one running.
    f.receive({ type: 'loadRefused', message: 'Refused again.', running: true });
    expect(f.store.getState().spec.training.learningRate).toBe(0.03);
  });

  it('a setting changed while playing sends play with its load (no separate play)', () => {
    const f = fakeEngine();
    f.store.getState().setRuntime({ playing: true });
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.1));
    expect(f.posted).toEqual([
      { type: 'load', spec: f.store.getState().spec, carryWeights: false, play: true },
    ]);
  });

  it('with nothing running (yet, or any more), keeps the spec and says why', () => {
    const f = fakeEngine();
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    f.store.getState().updateSpec((s) => (s.training.learningRate = 0.1));
    f.receive({ type: 'loadRefused', message: 'Refused.', running: false });
    expect(f.store.getState().spec.training.learningRate).toBe(0.1);
    expect(alerts(f)).toEqual(['Refused.']);
  });
});
