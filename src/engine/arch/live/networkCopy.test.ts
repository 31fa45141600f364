/**
 * LiveNetwork.copy (Rewind keeps copies): a copy goes on exactly as the network it copies, through steps, rewards,
 * rewirings, peeks, a reward between steps and a graph edit that adds a neuron reading recurrent sources (its first priming reads the
 * previous step's outputs and, in the beta code, whether they are integer zeros). Training one changes nothing in
 * the other.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../experiment';
import { LiveNetwork, type LiveFidelity, type LiveOptions, type LiveStructure } from './network';

const wide: LiveStructure = {
  layers: [['i1', 'i2'], ['a', 'b', 'c'], ['o']],
  sources: { a: ['i1', 'i2', 'b', 'o'], b: ['i2', 'a', 'b'], c: ['i1', 'c', 'o'], o: ['a', 'b', 'c'] },
};
/** A neuron n added beside a, b, c: it reads b (same layer) and o (a later one), and o reads it. */
const grown: LiveStructure = {
  layers: [['i1', 'i2'], ['a', 'b', 'c', 'n'], ['o']],
  sources: { ...wide.sources, n: ['b', 'o'], o: ['a', 'b', 'c', 'n'] },
};

type Op = { inputs: number[]; reward: number };

/** Inputs of 0 (integer zeros downstream) or uniform, and rewards in [-1, 1], mostly negative (rewiring). */
function ops(count: number, seed: number): Op[] {
  const rng = createRng(seed);
  const x = () => (rng.next() < 0.3 ? 0 : rng.next());
  return Array.from({ length: count }, () => ({ inputs: [x(), x()], reward: rng.uniform(-1, 0.5) }));
}

/** Runs the ops on `net`, recording everything each one shows. */
function run(net: LiveNetwork, list: Op[]) {
  return list.map(({ inputs, reward }) => {
    const ys = net.propagate(inputs);
    const events = net.reinforce([reward]);
    return { ys, events, ...state(net) };
  });
}

function state(net: LiveNetwork) {
  const ids = net.structure.layers.slice(1).flat();
  return {
    peek: net.peek([0.5, 0.25]),
    values: Array.from(net.values()),
    weights: ids.map((id) => net.weightsOf(id)),
    integers: net.integerMemory(),
    step: net.step,
  };
}

/**
 * What the Reward button and a graph edit do next to a network: a reward for its current step (from its memory;
 * in the beta code, the row of its latest priming), then the new neuron n, whose first priming reads b's and o's
 * outputs (and integer zeros) of the step before.
 */
function rewardAndGrow(net: LiveNetwork) {
  const events = net.reinforce([-0.75]);
  return { events, ...state(net), grown: net.restructured(grown) };
}

describe.each(['readme', 'beta'] as LiveFidelity[])('a copy of a Live network (%s)', (fidelity) => {
  it('goes on as the network it copies, edit included; training either changes nothing in the other', () => {
    const options: LiveOptions = {
      lr: 0.8,
      memory: 3,
      depth: 4,
      sharing: 'equal',
      pRewire: 0.5,
      activation: 'reference',
      update: 'recursive',
      fidelity,
    };
    for (const seed of [1, 2, 3]) {
      const draws = createRng(seed);
      const original = new LiveNetwork(wide, options, draws.next);
      run(original, ops(20, seed + 10));
      // Weights at exactly 0: the beta code rewires only those.
      original.setWeights('a', [0.5, 0.5, 0, 0]);
      original.setWeights('c', [1, 0, 0]);
      const copy = original.copy(createRng(draws.state()).next);
      const next = ops(40, seed + 20);
      const { grown: a, ...rewardedA } = rewardAndGrow(original);
      const expected = run(a, next);
      const { grown: b, ...rewardedB } = rewardAndGrow(copy);
      expect(rewardedB).toEqual(rewardedA);
      expect(run(b, next)).toEqual(expected);
      expect(JSON.stringify(expected)).toMatch(/"connect"/);
    }
  });
});
