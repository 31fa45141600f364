import { describe, expect, it } from 'vitest';
import { createRng } from '../../../experiment';
import { LiveNetwork } from './network';

/**
 * Accumulate mode, pinned: the numbers below were computed by its implementation before it moved to typed arrays
 * (commit e968fb0, string-keyed maps). The order in which (neuron, step) pairs are updated is the order of the
 * rewiring draws, so a change of order changes the events and the weights.
 */
const hidden = ['h0', 'h1', 'h2', 'h3', 'h4'];
const sources = {
  h0: ['in', 'h4', 'h0'],
  h1: ['in', 'h0', 'h2'],
  h2: ['h1', 'h3', 'in'],
  h3: ['h2', 'h0', 'h4', 'in'],
  h4: ['h3', 'in', 'h1'],
  out: ['h4', 'h2', 'h0'],
};

function run(sharing: 'equal' | 'proportional') {
  const options = { lr: 0.4, memory: 4, depth: 6, sharing, pRewire: 0.5, activation: 'reference' as const };
  const net = new LiveNetwork(
    { layers: [['in'], hidden, ['out']], sources },
    { ...options, update: 'accumulate' },
    createRng(3).next,
  );
  const events: string[] = [];
  for (let t = 0; t < 30; t++) {
    net.propagate([(t * 7) % 3 === 0 ? 1 : 0.3]);
    for (const e of net.reinforce([t % 3 === 0 ? 0.8 : -0.9]))
      events.push(`${e.kind[0]} ${e.source}->${e.neuron}`);
  }
  return { events, out: net.weightsOf('out'), h3: net.weightsOf('h3') };
}

describe('accumulate mode gives the results it always gave', () => {
  it('equal sharing, with rewiring', () => {
    const { events, out, h3 } = run('equal');
    expect(events).toHaveLength(44);
    expect(events.slice(0, 4)).toEqual(['d in->h3', 'c in->h3', 'd in->h3', 'c in->h3']);
    expect(out).toEqual([0.41339828330293343, 0.10948579470112511, 0.47711592199594144]);
    expect(h3).toEqual([0.28384365219761015, 0.3494930052155931, 0.34357236302880567, 0.023090979557991043]);
  });

  it('proportional sharing', () => {
    const { events, out, h3 } = run('proportional');
    expect(events).toEqual([]);
    expect(out).toEqual([0.33964204115747354, 0.08440489858995534, 0.5759530602525711]);
    expect(h3).toEqual([0.30545597790275875, 0.30991079527008214, 0.31540096952533697, 0.0692322573018221]);
  });
});
