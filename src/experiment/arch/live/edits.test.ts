import { describe, expect, it } from 'vitest';
import { defaultLiveSpec } from './slice';
import { applyLiveEdit, withLiveTask } from './edits';

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
});
