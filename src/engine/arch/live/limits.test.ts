import { describe, expect, it } from 'vitest';
import { LIVE_MAX_EDGES, LIVE_MAX_NEURONS, createRng, defaultSpec, validateSpec } from '../../../experiment';
import { LiveNetwork } from './network';

/** A graph at the schema's limits: 1,000 neurons in 9 hidden layers, 20 random sources each (cycles included). */
function limitGraph(neurons = LIVE_MAX_NEURONS, perNeuron = LIVE_MAX_EDGES / LIVE_MAX_NEURONS) {
  const rng = createRng(7);
  const width = Math.floor((neurons - 2) / 9);
  const layers = [
    ['in'],
    ...Array.from({ length: 9 }, (_, l) => Array.from({ length: width }, (_, i) => `n${l}_${i}`)),
    ['out'],
  ];
  const ids = layers.flat();
  const sources: Record<string, string[]> = {};
  for (const id of layers.slice(1).flat()) {
    const picked = new Set<string>();
    while (picked.size < perNeuron) picked.add(ids[Math.floor(rng.next() * ids.length)]);
    sources[id] = [...picked];
  }
  return { layers, sources };
}

const network = (graph: ReturnType<typeof limitGraph>) =>
  new LiveNetwork(
    graph,
    {
      lr: 0.1,
      memory: 32,
      depth: 20,
      sharing: 'equal',
      pRewire: 0.1,
      activation: 'reference',
      update: 'accumulate',
    },
    createRng(1).next,
  );

/** The sources one reward visits in accumulate mode once the memory is full (the reward's whole work). */
function rewardWork(graph: ReturnType<typeof limitGraph>): number {
  const net = network(graph);
  for (let i = 0; i < 40; i++) net.propagate([i % 2]);
  net.reinforce([-0.5]);
  return net.lastReinforceCalls;
}

describe('a Dynamic-Live graph at the limits', () => {
  it('is valid, and one reward in accumulate mode is linear in the connections (D x min(D, M) x edges at most)', () => {
    const graph = limitGraph();
    const spec = defaultSpec('live');
    spec.live = { ...spec.live, ...graph, depth: 20, memory: 32 };
    expect(validateSpec(spec).problems).toEqual([]);
    const edges = Object.values(graph.sources).reduce((s, l) => s + l.length, 0);
    expect(edges).toBeGreaterThan(19_000);
    const work = rewardWork(graph);
    expect(work).toBeGreaterThan(edges);
    expect(work).toBeLessThanOrEqual(20 * 20 * edges);
    // Half the neurons, half the connections: about half the work (the recursion would be exponential).
    const half = rewardWork(limitGraph(LIVE_MAX_NEURONS / 2));
    expect(work / half).toBeGreaterThan(1.5);
    expect(work / half).toBeLessThan(2.5);
  });

  it('costs its recursion in D x M x connections steps, whatever the number of paths', () => {
    const graph = limitGraph();
    const net = network(graph);
    const byDepth = net.recursionWorkByDepth();
    // Paths multiply by about 20 per level: far beyond what could be enumerated, counted all the same.
    expect(byDepth[19]).toBeGreaterThan(1e20);
    expect(byDepth[19] / byDepth[18]).toBeGreaterThan(5);
  });
});
