import { describe, expect, it } from 'vitest';
import { K_MAX, K_MIN, callsWithinMemory, networkFor, randomStructure } from './liveSpeed';

describe('the Live speed bench', () => {
  it('counts every train call of one reward, those that return at once included', () => {
    // in -> a -> out, and out reads itself one step back. Memory 2, depth 10:
    // out@0 = 1 + a@0 + out@1; a@0 = 1 + in = 2; out@1 = 1 + a@1 (2) + out@2 (older than memory: 1) = 4.
    const structure = { layers: [['in'], ['a'], ['out']], sources: { a: ['in'], out: ['a', 'out'] } };
    expect(callsWithinMemory(structure, 2, 10)).toBe(7);
    // Of these, out@0, a@0, out@1 and a@1 train: the engine's count, and the network's own once memory is full.
    const network = networkFor(structure, 2, 'recursive', 1);
    expect(network.recursionSize()).toBe(4);
    network.propagate([0.5]);
    network.propagate([0.5]);
    network.reinforce([0.5]);
    expect(network.lastReinforceCalls).toBe(4);
  });

  it('builds random networks of the asked size, each neuron fed first from the layer below', () => {
    for (const size of [10, 100]) {
      const { layers, sources } = randomStructure(size, 1);
      expect(layers.flat()).toHaveLength(size);
      expect(layers[0]).toHaveLength(2);
      expect(layers.at(-1)).toHaveLength(1);
      layers.slice(1).forEach((layer, i) => {
        for (const id of layer) {
          const list = sources[id];
          expect(new Set(list).size).toBe(list.length);
          expect(list.length).toBeGreaterThanOrEqual(K_MIN);
          expect(list.length).toBeLessThanOrEqual(K_MAX);
          expect(layers[i]).toContain(list[0]);
        }
      });
      expect(Object.keys(sources).some((id) => layers[0].includes(id))).toBe(false);
      expect(randomStructure(size, 1)).toEqual({ layers, sources });
    }
  });
});
