import { describe, expect, it } from 'vitest';
import { defaultLiveSpec } from './slice';
import { applyLiveEdit, restoreOf, withLiveTask, type LiveEdit } from './edits';

describe('Live graph edits', () => {
  const live = defaultLiveSpec();

  it('connects and disconnects, keeping the order of sources', () => {
    const added = applyLiveEdit(live, { kind: 'connect', source: 'out', neuron: 'h0' });
    expect(added.live?.sources.h0).toEqual(['in', 'out']);
    const removed = applyLiveEdit(added.live!, { kind: 'disconnect', source: 'in', neuron: 'h0' });
    expect(removed.live?.sources.h0).toEqual(['out']);
  });

  it('refuses an edge into an input, a duplicate edge and a missing edge, with a reason', () => {
    expect(applyLiveEdit(live, { kind: 'connect', source: 'h0', neuron: 'in' }).error).toMatch(/input/);
    expect(applyLiveEdit(live, { kind: 'connect', source: 'in', neuron: 'h0' }).error).toMatch(
      /already exists/,
    );
    expect(applyLiveEdit(live, { kind: 'disconnect', source: 'out', neuron: 'h0' }).error).toMatch(/no edge/);
  });

  it('adds a hidden neuron fed by the inputs and deletes it with every edge that touched it', () => {
    const added = applyLiveEdit(live, { kind: 'addNeuron', layer: 1 }).live!;
    expect(added.layers[1]).toEqual(['h0', 'h1', 'h2', 'h3']);
    expect(added.sources.h3).toEqual(['in']);
    const wired = applyLiveEdit(added, { kind: 'connect', source: 'h3', neuron: 'out' }).live!;
    const removed = applyLiveEdit(wired, { kind: 'removeNeuron', id: 'h3' }).live!;
    expect(removed).toEqual(live);
    expect(applyLiveEdit(live, { kind: 'removeNeuron', id: 'out' }).error).toMatch(/hidden/);
  });

  it('does not change the spec it is given', () => {
    const before = structuredClone(live);
    applyLiveEdit(live, { kind: 'connect', source: 'out', neuron: 'h0' });
    expect(live).toEqual(before);
  });

  it('switching to the 2-D task moves every edge from "in" to x1 and x2, first, and forgets where "in" was drawn', () => {
    const placed = { ...live, positions: { in: [0, 0] as [number, number], h0: [1, 1] as [number, number] } };
    const planar = withLiveTask(placed, '2d');
    expect(planar.task).toBe('2d');
    expect(planar.layers).toEqual([['x1', 'x2'], ['h0', 'h1', 'h2'], ['out']]);
    expect(planar.sources).toEqual({
      h0: ['x1', 'x2'],
      h1: ['x1', 'x2', 'h0'],
      h2: ['x1', 'x2', 'h0'],
      out: ['h1', 'h2'],
    });
    expect(planar.positions).toEqual({ h0: [1, 1] });
    expect(withLiveTask(planar, 'parity').sources).toEqual(live.sources);
  });

  describe('restore (the undo of an edit)', () => {
    const apply = (spec: typeof live, ...edits: LiveEdit[]) =>
      edits.reduce((s, e) => applyLiveEdit(s, e).live!, spec);

    it('puts back a deleted neuron where it was: its layer place, its sources and the lists it was in, in order', () => {
      const placed = apply(live, { kind: 'move', id: 'h1', x: 40, y: 50 });
      const removed = apply(placed, { kind: 'removeNeuron', id: 'h1' });
      expect(removed.sources.out).toEqual(['h2']);
      const back = applyLiveEdit(removed, restoreOf(placed));
      expect(back.live).toEqual(placed);
      // Adding it again and reconnecting by hand would append: the order, and so the link, would differ.
      const byHand = apply(
        removed,
        { kind: 'addNeuron', layer: 1 },
        { kind: 'connect', source: 'h1', neuron: 'out' },
      );
      expect(byHand.sources.out).toEqual(['h2', 'h1']);
      expect(byHand.layers[1]).toEqual(['h0', 'h2', 'h1']);
    });

    it('takes back an added neuron, a move (to no position at all) and a disconnect, each exactly', () => {
      for (const edit of [
        { kind: 'addNeuron', layer: 1 },
        { kind: 'move', id: 'h0', x: 12, y: 34 },
        { kind: 'disconnect', source: 'in', neuron: 'h1' },
        { kind: 'connect', source: 'out', neuron: 'h0' },
      ] as LiveEdit[]) {
        const after = apply(live, edit);
        expect(after).not.toEqual(live);
        expect(applyLiveEdit(after, restoreOf(live)).live, edit.kind).toEqual(live);
      }
    });

    it('is a copy: editing the graph after does not change what it puts back', () => {
      const restore = restoreOf(live);
      const snapshot = structuredClone(restore);
      apply(live, { kind: 'connect', source: 'out', neuron: 'h0' }, { kind: 'move', id: 'h0', x: 1, y: 2 });
      expect(restore).toEqual(snapshot);
    });

    it('refuses a graph with other inputs or outputs, an invalid graph and bad positions, with a reason', () => {
      const other = (f: (r: Extract<LiveEdit, { kind: 'restore' }>) => void) => {
        const r = restoreOf(live) as Extract<LiveEdit, { kind: 'restore' }>;
        f(r);
        return applyLiveEdit(live, r).error;
      };
      expect(other((r) => (r.layers[0] = ['in', 'in2']))).toMatch(/inputs or outputs/);
      expect(other((r) => r.layers.push(['out2']))).toMatch(/inputs or outputs/);
      expect(other((r) => (r.sources.h0 = ['nowhere']))).toMatch(/cannot be put back: live\.sources\.h0/);
      expect(other((r) => (r.positions = { h0: [NaN, 1] }))).toMatch(/positions/);
      expect(other((r) => (r.positions = { ghost: [1, 1] }))).toMatch(/positions/);
    });
  });
});
