import { describe, expect, it } from 'vitest';
import { decodeLink, defaultSpec, encodeLink } from '../../../experiment';
import type { ArchLayoutOf } from '../../../protocol';
import { liveGraph, NEURON_PITCH } from './liveGeometry';

describe('the Live graph geometry', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'draws a neuron named %s (its own sources or none, a position or none) from a cloned spec',
    (name) => {
      for (const own of [true, false]) {
        const spec = defaultSpec('live');
        spec.live.layers = [['in'], [name, 'h0'], ['out']];
        spec.live.sources = { h0: ['in'], out: [name, 'h0'], ...(own ? { [name]: ['in'] } : {}) };
        spec.live.positions = own ? { [name]: [10, 20] } : {};
        // As the worker's layout arrives: a structured clone, with Object.prototype under every record.
        const live = structuredClone(decodeLink(encodeLink(spec)).spec.live);
        const { layers, sources, positions } = live;
        const layout: ArchLayoutOf<'live'> = {
          kind: 'live',
          update: 'recursive',
          layers,
          sources,
          positions,
        };
        const { nodes, edges } = liveGraph(layout, 600, 400);
        expect(edges.map((e) => e.id)).toEqual([
          ...(own ? [`in->${name}`] : []),
          'in->h0',
          `${name}->out`,
          'h0->out',
        ]);
        expect(nodes.find((n) => n.id === name)).toMatchObject(own ? { x: 10, y: 20 } : { x: 300 });
      }
    },
  );

  it('a layer too tall for one column (64 inputs) goes into side-by-side columns; no two neurons overlap', () => {
    const inputs = Array.from({ length: 64 }, (_, i) => `x${i + 1}`);
    const outputs = Array.from({ length: 10 }, (_, k) => `out${k}`);
    const layout: ArchLayoutOf<'live'> = {
      kind: 'live',
      update: 'recursive',
      layers: [inputs, ['h0'], outputs],
      sources: {},
      positions: {},
    };
    const { nodes } = liveGraph(layout, 600, 400);
    // One column holds floor(340 / 34) + 1 = 11 neurons: 64 inputs take 6 columns, from the left edge (19).
    const xs = [...new Set(nodes.filter((n) => n.layer === 0).map((n) => n.x))];
    expect(xs).toEqual([0, 1, 2, 3, 4, 5].map((c) => 19 + c * NEURON_PITCH));
    for (const a of nodes)
      for (const b of nodes)
        if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(NEURON_PITCH - 1e-9);
    for (const n of nodes) expect(n.y >= 30 && n.y <= 370 && n.x >= 19 && n.x <= 581).toBe(true);
    // Ten outputs still fit one column (340 / 9 = 37.8 apart), at the right.
    expect(new Set(nodes.filter((n) => n.layer === 2).map((n) => n.x))).toEqual(new Set([550]));
  });
});
