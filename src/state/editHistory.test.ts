import { describe, expect, it } from 'vitest';
import { applyLiveEdit, defaultSpec, type LiveEdit, type LiveSpec } from '../experiment';
import {
  actionOf,
  EMPTY_HISTORY,
  historyApplies,
  liveEntry,
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
    // A Live weight: undo puts the neuron's whole list back (setting one scaled the others), redo sets it again.
    const liveWeight: GraphEdit = {
      kind: 'liveWeight',
      name: 'neuron/out',
      index: 0,
      from: [0.3, 0.7],
      to: 0.8,
    };
    expect(actionOf(liveWeight, 'before')).toEqual({
      kind: 'setWeight',
      name: 'neuron/out',
      index: 0,
      value: 0.3,
      restore: [0.3, 0.7],
    });
    expect(actionOf(liveWeight, 'after')).toEqual({
      kind: 'setWeight',
      name: 'neuron/out',
      index: 0,
      value: 0.8,
    });
    expect(actionOf(liveWeight, 'after')).not.toHaveProperty('restore');
    const live = defaultSpec('live').live;
    const connect = { kind: 'connect', source: 'out', neuron: 'h0' } as const;
    const entry = liveEntry(connect, live);
    expect(actionOf(entry, 'before')).toEqual({
      kind: 'liveEdit',
      edit: { kind: 'restore', layers: live.layers, sources: live.sources, positions: live.positions },
    });
    expect(actionOf(entry, 'after')).toEqual({ kind: 'liveEdit', edit: connect });
  });

  it('takes back every Live edit exactly, and redoes it exactly, through a run of edits and undos', () => {
    const edits: LiveEdit[] = [
      { kind: 'addNeuron', layer: 1 },
      { kind: 'move', id: 'h3', x: 100, y: 80 },
      { kind: 'connect', source: 'h3', neuron: 'out' },
      { kind: 'disconnect', source: 'in', neuron: 'h1' },
      { kind: 'removeNeuron', id: 'h0' },
      { kind: 'move', id: 'h3', x: 120, y: 90 },
    ];
    const apply = (live: LiveSpec, edit: LiveEdit) => {
      const result = applyLiveEdit(live, edit);
      expect(result.error).toBeUndefined();
      return result.live!;
    };
    const graphs = [defaultSpec('live').live];
    let history = EMPTY_HISTORY;
    for (const edit of edits) {
      history = recorded(history, liveEntry(edit, graphs.at(-1)!));
      graphs.push(apply(graphs.at(-1)!, edit));
    }
    let live = graphs.at(-1)!;
    /** Undoes (the graph before that edit) or redoes (the graph after it) one entry, on `live`. */
    const move = (way: 'undo' | 'redo') => {
      const taken = way === 'undo' ? undone(history) : redone(history);
      history = taken.history;
      const action = actionOf(taken.edit!, way === 'undo' ? 'before' : 'after');
      if (action.kind !== 'liveEdit') throw new Error('a Live entry sends a Live edit');
      live = apply(live, action.edit);
    };
    // Undo all: each step is the graph before that edit, whole (order of layers and sources, positions).
    for (let k = edits.length - 1; k >= 0; k--) {
      move('undo');
      expect(live).toEqual(graphs[k]);
    }
    // Redo all: each step the graph after that edit.
    for (let k = 1; k <= edits.length; k++) {
      move('redo');
      expect(live).toEqual(graphs[k]);
    }
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
    expect(
      historyApplies({ ...live, live: { ...live.live, sources: {}, positions: { h0: [1, 2] } } }, live),
    ).toBe(true);
    // Live's other settings make a new network (fresh weights): its graph edits are not that one's.
    expect(historyApplies({ ...live, live: { ...live.live, lr: 0.5 } }, live)).toBe(false);
    expect(historyApplies({ ...live, live: { ...live.live, task: 'parity' } }, live)).toBe(false);
  });
});
