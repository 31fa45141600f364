import { describe, expect, it } from 'vitest';
import { readReference } from '../../testing/reference';
import { createRng } from '../../../experiment';
import { LiveNetwork, type LiveOptions } from './network';

interface LiveCase {
  name: string;
  layers: string[][];
  sources: Record<string, string[]>;
  options: {
    lr: number;
    memory: number;
    depth: number;
    sharing?: 'equal' | 'proportional';
    p_rewire: number;
  };
  draws: [number, number][] | null;
  steps: (
    | { op: 'propagate'; in: number[]; out: number[] }
    | {
        op: 'reinforce';
        in: number[];
        events: [string, string, string, number][];
        weights: Record<string, number[]>;
      }
  )[];
}

const scripted = (draws: [number, number][] | null) => {
  const flat = (draws ?? []).flat();
  let i = 0;
  return () => {
    if (i >= flat.length) throw new Error('ran out of scripted draws');
    return flat[i++];
  };
};

const optionsOf = (c: LiveCase, update: LiveOptions['update'] = 'recursive'): LiveOptions => ({
  lr: c.options.lr,
  memory: c.options.memory,
  depth: c.options.depth,
  sharing: c.options.sharing ?? 'equal',
  pRewire: c.options.p_rewire,
  activation: 'reference',
  update,
  fidelity: 'readme',
});

describe('Live network "as its README describes" against live-vectors.json (1e-9)', () => {
  const cases = readReference<LiveCase[]>('live-vectors.json');
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const net = new LiveNetwork({ layers: c.layers, sources: c.sources }, optionsOf(c), scripted(c.draws));
    for (const step of c.steps) {
      if (step.op === 'propagate') {
        net.propagate(step.in).forEach((y, j) => expect(y).toBeCloseTo(step.out[j], 9));
      } else {
        const events = net.reinforce(step.in).map((e) => [e.kind, e.source, e.neuron, e.reward]);
        expect(events.length).toBe(step.events.length);
        events.forEach((e, i) => {
          expect(e.slice(0, 3)).toEqual(step.events[i].slice(0, 3));
          expect(e[3]).toBeCloseTo(step.events[i][3], 9);
        });
        for (const [id, w] of Object.entries(step.weights)) {
          net.weightsOf(id).forEach((v, i) => expect(v).toBeCloseTo(w[i], 9));
        }
      }
    }
  });
});

const options = (o: Partial<LiveOptions> = {}): LiveOptions => ({
  lr: 0.1,
  memory: 3,
  depth: 10,
  sharing: 'equal',
  pRewire: 0,
  activation: 'reference',
  update: 'recursive',
  ...o,
});

describe('Live network, hand-computed', () => {
  // in -> a; a reads in and (recurrently) out; out reads a.
  const structure = { layers: [['in'], ['a'], ['out']], sources: { a: ['in', 'out'], out: ['a'] } };

  it('propagates layer by layer; a recurrent edge reads the previous step', () => {
    const net = new LiveNetwork(structure, options(), () => 0);
    // Step 1: a = ((0.5 * 0.5 + 0.5 * 0) / (0.5 + 0))^2 = 0.25; out = (0.25 / 0.25)^2 = 1.
    expect(net.propagate([0.5])).toEqual([1]);
    // Step 2: a reads in = 0.2 and out's previous value 1: ((0.1 + 0.5) / 1.2)^2 = 0.25; out = 1.
    expect(net.propagate([0.2])).toEqual([1]);
    expect(net.values()[1]).toBeCloseTo(0.25, 12);
    // Step 3: in = 0: a = ((0 + 0.5 * 1) / 1)^2 = 0.25.
    net.propagate([0]);
    expect(net.values()[1]).toBeCloseTo(0.25, 12);
  });

  it('one reinforce call gives the hand-computed weights', () => {
    const net = new LiveNetwork(structure, options({ lr: 0.5, depth: 2 }), () => 0);
    net.propagate([0.5]);
    net.propagate([0.2]);
    // out: w = 1 + 0.5 * 0.4 * 0.25 = 1.05 -> renormalised to 1. a (share 0.4 / 1, step 2, x = [0.2, 1]):
    // w = [0.5 + 0.5 * 0.4 * 0.2, 0.5 + 0.5 * 0.4 * 1] = [0.54, 0.7] -> [0.54 / 1.24, 0.7 / 1.24].
    expect(net.reinforce([0.4])).toEqual([]);
    expect(net.weightsOf('out')).toEqual([1]);
    expect(net.weightsOf('a')[0]).toBeCloseTo(0.54 / 1.24, 12);
    expect(net.weightsOf('a')[1]).toBeCloseTo(0.7 / 1.24, 12);
  });

  it('disconnects a source whose weight falls to 0 and reports it with the reward', () => {
    const net = new LiveNetwork(structure, options({ lr: 5, depth: 2 }), () => 0);
    net.propagate([0.5]);
    net.propagate([0.2]);
    // out: w = 1 - 5 * 0.25 < 0. Before out settles, a is trained (share -1, step 2, x = [0.2, 1]):
    // w_in = 0.5 - 5 * 0.2 < 0 and w_out = 0.5 - 5 < 0: both disconnect; zero sums reset to uniform.
    const events = net.reinforce([-1]);
    expect(events).toEqual([
      { kind: 'disconnect', source: 'in', neuron: 'a', reward: -1 },
      { kind: 'disconnect', source: 'out', neuron: 'a', reward: -1 },
      { kind: 'disconnect', source: 'a', neuron: 'out', reward: -1 },
    ]);
    expect(net.weightsOf('a')).toEqual([0.5, 0.5]);
    expect(net.weightsOf('out')).toEqual([1]);
  });

  it('remembers exactly M steps: a reward for a step older than M trains nothing', () => {
    const net = new LiveNetwork(structure, options({ memory: 2 }), () => 0);
    for (const v of [0.5, 0.2, 0.7]) net.propagate([v]);
    expect(net.outputsAt(3)).toBeDefined();
    expect(net.outputsAt(2)).toBeDefined();
    expect(net.outputsAt(1)).toBeUndefined();
    const before = net.weightsOf('a');
    net.reinforce([1], 1);
    expect(net.weightsOf('a')).toEqual(before);
    net.reinforce([1], 2);
    expect(net.weightsOf('a')).not.toEqual(before);
  });
});

describe('Live network, properties', () => {
  const wide = {
    layers: [['i1', 'i2'], ['a', 'b', 'c'], ['o']],
    sources: { a: ['i1', 'i2', 'b', 'o'], b: ['i2', 'a', 'b'], c: ['i1', 'c', 'o'], o: ['a', 'b', 'c'] },
  };

  it.each(['recursive', 'accumulate'] as const)('keeps weights >= 0 summing to 1 (%s)', (update) => {
    const rng = createRng(5);
    const net = new LiveNetwork(wide, options({ update, pRewire: 0.3, lr: 0.8, depth: 4 }), rng.next);
    for (let step = 0; step < 300; step++) {
      net.propagate([rng.next(), rng.next()]);
      net.reinforce([rng.uniform(-1, 1)]);
      for (const id of ['a', 'b', 'c', 'o']) {
        const w = net.weightsOf(id);
        expect(w.every((v) => v >= 0)).toBe(true);
        expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('rewiring draws are reproducible with a fixed seed', () => {
    const run = () => {
      const rng = createRng(11);
      const net = new LiveNetwork(wide, options({ pRewire: 0.5, lr: 2, depth: 3 }), createRng(99).next);
      const events: string[] = [];
      for (let step = 0; step < 100; step++) {
        net.propagate([rng.next(), rng.next()]);
        events.push(...net.reinforce([-1]).map((e) => `${step}:${e.kind}:${e.source}->${e.neuron}`));
      }
      return events;
    };
    const a = run();
    expect(a.some((e) => e.includes('connect'))).toBe(true);
    expect(run()).toEqual(a);
  });

  it('recursive and accumulate modes agree where each neuron is reached once (chain and tree)', () => {
    // Without rewiring: the two modes take their draws in different orders.
    const key = (e: { kind: string; source: string; neuron: string }) => `${e.kind}:${e.source}->${e.neuron}`;
    const tree = {
      layers: [['i1', 'i2'], ['a', 'b'], ['c'], ['o']],
      sources: { a: ['i1', 'i2'], b: ['i2'], c: ['a', 'b'], o: ['c'] },
    };
    const chain = { layers: [['x'], ['h'], ['g'], ['y']], sources: { h: ['x'], g: ['h'], y: ['g'] } };
    for (const [structure, width] of [
      [tree, 2],
      [chain, 1],
    ] as const) {
      for (const sharing of ['equal', 'proportional'] as const) {
        const nets = (['recursive', 'accumulate'] as const).map(
          (update) => new LiveNetwork(structure, options({ update, sharing, lr: 0.7 }), createRng(3).next),
        );
        const rng = createRng(8);
        for (let step = 0; step < 50; step++) {
          const inputs = Array.from({ length: width }, () => rng.next());
          const reward = rng.uniform(-1, 1);
          const [e1, e2] = nets.map((n) => (n.propagate(inputs), n.reinforce([reward])));
          expect(e2.map(key).sort()).toEqual(e1.map(key).sort());
          for (const id of Object.keys(structure.sources)) {
            nets[1].weightsOf(id).forEach((v, i) => expect(v).toBeCloseTo(nets[0].weightsOf(id)[i], 12));
          }
        }
      }
    }
  });

  it('after a negative reward an unconnected source reconnects with probability ~0.1', () => {
    // o has sources a (connected) and b (weight 0); each negative reward draws once for b.
    const structure = { layers: [['i'], ['a', 'b'], ['o']], sources: { a: ['i'], b: ['i'], o: ['a', 'b'] } };
    const rng = createRng(2024);
    let reconnects = 0;
    const trials = 4000;
    for (let trial = 0; trial < trials; trial++) {
      const net = new LiveNetwork(structure, options({ depth: 1, pRewire: 0.1, lr: 0.01 }), rng.next);
      net.setWeights('o', [1, 0]);
      net.propagate([1]);
      const events = net.reinforce([-0.5]);
      reconnects += events.filter((e) => e.kind === 'connect' && e.source === 'b').length;
      if (events.length > 0) expect(net.weightsOf('o')[1]).toBeGreaterThan(0);
    }
    // Binomial(4000, 0.1): mean 400, sd 19; allow 4 sd.
    expect(Math.abs(reconnects - 400)).toBeLessThan(76);
  });

  it('counts the calls one reward makes in recursive mode (what "auto" decides by)', () => {
    const shallow = new LiveNetwork(wide, options({ depth: 2 }), () => 0);
    const deep = new LiveNetwork(wide, options({ depth: 12, memory: 12 }), () => 0);
    expect(shallow.recursionSize()).toBe(1 + 3);
    expect(deep.recursionSize()).toBeGreaterThan(1e4);
    // Once the memory is full it is exactly the calls a reward makes (tiny lr: nothing disconnects meanwhile).
    for (const memory of [2, 3, 5]) {
      const net = new LiveNetwork(wide, options({ depth: 7, memory, lr: 1e-6 }), () => 0);
      for (let i = 0; i < 8; i++) net.propagate([0.3, 0.6]);
      net.reinforce([0.5]);
      expect(net.lastReinforceCalls).toBe(net.recursionSize());
    }
  });
});
