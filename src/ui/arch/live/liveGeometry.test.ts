import { describe, expect, it } from 'vitest';
import { decodeLink, defaultSpec, encodeLink } from '../../../experiment';
import type { ArchLayoutOf } from '../../../protocol';
import { liveGraph } from './liveGeometry';

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
});
