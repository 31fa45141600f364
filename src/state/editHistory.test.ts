import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment';
import {
  actionOf,
  EMPTY_HISTORY,
  historyApplies,
  liveUndo,
  MAX_EDITS,
  recorded,
  redone,
  undone,
  type GraphEdit,
} from './editHistory';

const weight = (to: number, from = 0): GraphEdit => ({
  kind: 'weight',
  name: 'dense0/kernel',
  index: 1,
  from,
  to,
});

describe('the history of graph edits', () => {
  it('undoes the last edit first, redoes in the order undone, and a new edit drops what was undone', () => {
    let h = recorded(recorded(EMPTY_HISTORY, weight(1)), weight(2, 1));
    const u1 = undone(h);
    expect(u1.edit).toEqual(weight(2, 1));
    const u2 = undone(u1.history);
    expect(u2.edit).toEqual(weight(1));
    expect(undone(u2.history).edit).toBeUndefined();
    const r1 = redone(u2.history);
    expect(r1.edit).toEqual(weight(1));
    expect(r1.history).toEqual({ past: [weight(1)], future: [weight(2, 1)] });
    h = recorded(r1.history, weight(5, 1));
    expect(h).toEqual({ past: [weight(1), weight(5, 1)], future: [] });
    expect(redone(h).edit).toBeUndefined();
  });

  it(`keeps the last ${MAX_EDITS} edits`, () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < MAX_EDITS + 5; i++) h = recorded(h, weight(i));
    expect(h.past).toHaveLength(MAX_EDITS);
    expect(h.past[0]).toEqual(weight(5));
  });

  it('sends the side before an edit on undo and the side after on redo', () => {
    expect(actionOf(weight(2, 0.5), 'before')).toEqual({
      kind: 'setWeight',
      name: 'dense0/kernel',
      index: 1,
      value: 0.5,
    });
    expect(actionOf(weight(2, 0.5), 'after')).toMatchObject({ kind: 'setWeight', value: 2 });
    const wormholes: GraphEdit = { kind: 'wormholes', from: [], to: [{ from: 3, to: 1 }] };
    expect(actionOf(wormholes, 'before')).toEqual({ kind: 'setWormholes', wormholes: [] });
    expect(actionOf(wormholes, 'after')).toEqual({ kind: 'setWormholes', wormholes: [{ from: 3, to: 1 }] });
    const connect = { kind: 'connect', source: 'x', neuron: 'h0' } as const;
    const live: GraphEdit = { kind: 'live', edit: connect, undo: liveUndo(connect)! };
    expect(actionOf(live, 'before')).toEqual({
      kind: 'liveEdit',
      edit: { kind: 'disconnect', source: 'x', neuron: 'h0' },
    });
    expect(actionOf(live, 'after')).toEqual({ kind: 'liveEdit', edit: connect });
  });

  it("takes back Live's connections only", () => {
    expect(liveUndo({ kind: 'disconnect', source: 'a', neuron: 'b' })).toEqual({
      kind: 'connect',
      source: 'a',
      neuron: 'b',
    });
    expect(liveUndo({ kind: 'addNeuron', layer: 1 })).toBeUndefined();
    expect(liveUndo({ kind: 'removeNeuron', id: 'h0' })).toBeUndefined();
  });

  it('still applies after edits, speed, view and backend changes; not after a change that makes a new network', () => {
    const spec = defaultSpec('wormhole');
    const change = (f: (s: typeof spec) => void) => {
      const next = structuredClone(spec);
      f(next);
      return next;
    };
    expect(
      historyApplies(
        change((s) => void (s.wormhole.wormholes = [])),
        spec,
      ),
    ).toBe(true);
    expect(
      historyApplies(
        change((s) => void (s.speed = 0)),
        spec,
      ),
    ).toBe(true);
    expect(
      historyApplies(
        change((s) => void (s.view.showTestData = true)),
        spec,
      ),
    ).toBe(true);
    expect(
      historyApplies(
        change((s) => void (s.backend = 'cpu')),
        spec,
      ),
    ).toBe(true);
    expect(
      historyApplies(
        change((s) => void (s.seed = 2)),
        spec,
      ),
    ).toBe(false);
    expect(
      historyApplies(
        change((s) => void s.wormhole.hidden.push(2)),
        spec,
      ),
    ).toBe(false);
    expect(
      historyApplies(
        change((s) => void (s.training.learningRate = 0.1)),
        spec,
      ),
    ).toBe(false);
    expect(
      historyApplies(
        change((s) => void (s.architecture = 'mlp')),
        spec,
      ),
    ).toBe(false);
    const live = defaultSpec('live');
    expect(historyApplies({ ...live, live: { ...live.live, layers: [] } }, live)).toBe(true);
  });
});
