/**
 * "As the beta code does" against live-beta-vectors.json: the Dynamic-Live beta code (commit 0a078d0) run
 * unchanged, float64, on scripted draws. The file's own tolerance: 1e-12 absolute (a plain float64
 * implementation reproduces it bit for bit; an OpenBLAS numpy build differs by up to 1.1e-16).
 */
import { describe, expect, it } from 'vitest';
import { readReference } from '../../testing/reference';
import { LiveNetwork, type LiveOptions } from './network';

type Num = number | 'NaN';

interface BetaCase {
  name: string;
  layers: string[][];
  sources: Record<string, string[]>;
  initial_weights: Record<string, number[]>;
  options: { lr: number; memory: number; depth: number };
  draws: number[][] | null;
  integer_memory: string[];
  steps: (
    | { op: 'propagate'; in: number[]; out: Num[] }
    | {
        op: 'reinforce';
        in: number[];
        events: [string, string, string, number][];
        weights: Record<string, Num[]>;
        draws_used: number[][];
        train_calls: number;
        calls?: [string, number, number][];
      }
  )[];
}

const TOL = 1e-12;
const num = (v: Num) => (v === 'NaN' ? NaN : v);

/** |a - b| for the file's numbers; NaN matches NaN only (Infinity where one is NaN and the other is not). */
const gap = (a: number, b: Num) => {
  const e = num(b);
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e) ? 0 : Infinity;
  return Math.abs(a - e);
};

const CASES = readReference<BetaCase[]>('live-beta-vectors.json');

/** A network of the case, in beta mode, its weights set as the case starts, fed the case's draws in order. */
function betaNetwork(c: BetaCase, memory = c.options.memory) {
  const stream = (c.draws ?? []).flat();
  const drawn: number[] = [];
  const options: LiveOptions = {
    lr: c.options.lr,
    memory,
    depth: c.options.depth,
    sharing: 'equal',
    pRewire: 0.1,
    activation: 'reference',
    update: 'recursive',
    fidelity: 'beta',
  };
  const net = new LiveNetwork({ layers: c.layers, sources: c.sources }, options, () => {
    if (drawn.length >= stream.length) throw new Error('ran out of scripted draws');
    drawn.push(stream[drawn.length]);
    return drawn[drawn.length - 1];
  });
  for (const [id, w] of Object.entries(c.initial_weights)) net.setWeights(id, w);
  return { net, drawn, stream };
}

/** Runs a case and returns the largest gap to its numbers (asserting everything that is exact on the way). */
function replay(c: BetaCase): number {
  const { net, drawn, stream } = betaNetwork(c);
  const calls: [string, number, number][] = [];
  net.beta.onCall = (id, r, d) => calls.push([id, r, d]);
  let worst = 0;
  for (const step of c.steps) {
    if (step.op === 'propagate') {
      const out = net.propagate(step.in);
      expect(out).toHaveLength(step.out.length);
      out.forEach((y, j) => (worst = Math.max(worst, gap(y, step.out[j]))));
      continue;
    }
    const before = drawn.length;
    calls.length = 0;
    const events = net.reinforce(step.in);
    expect(events.map((e) => [e.kind, e.source, e.neuron])).toEqual(step.events.map((e) => e.slice(0, 3)));
    events.forEach((e, i) => (worst = Math.max(worst, gap(e.reward, step.events[i][3]))));
    expect(drawn.slice(before)).toEqual(step.draws_used.flat());
    expect(net.lastReinforceCalls).toBe(step.train_calls);
    if (step.calls) {
      expect(calls.map(([id, , d]) => [id, d])).toEqual(step.calls.map(([id, , d]) => [id, d]));
      calls.forEach(([, r], i) => (worst = Math.max(worst, gap(r, step.calls![i][1]))));
    }
    for (const [id, w] of Object.entries(step.weights)) {
      const got = net.weightsOf(id);
      expect(got).toHaveLength(w.length);
      got.forEach((v, i) => (worst = Math.max(worst, gap(v, w[i]))));
    }
  }
  expect(drawn).toEqual(stream);
  expect(net.integerMemory().sort()).toEqual([...c.integer_memory].sort());
  return worst;
}

describe('Live "as the beta code does" against live-beta-vectors.json (1e-12 absolute)', () => {
  it('holds ten cases', () => expect(CASES).toHaveLength(10));

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(replay(c)).toBeLessThanOrEqual(TOL);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('memory M has no effect (M = 1 and 9): %s', (_, c) => {
    const run = (memory: number) => {
      const { net } = betaNetwork(c, memory);
      const seen: unknown[] = [];
      for (const step of c.steps) {
        seen.push(step.op === 'propagate' ? net.propagate(step.in) : net.reinforce(step.in));
        seen.push(Object.keys(c.sources).map((id) => net.weightsOf(id)));
      }
      return seen;
    };
    expect(run(9)).toEqual(run(1));
  });
});

describe('Live "as the beta code does", hand-computed', () => {
  it('a whole layer primes before it fires: a same-layer source still gives the integer zero on step 1', () => {
    // a reads i and itself; b reads a (same layer) and itself; o reads b.
    const structure = {
      layers: [['i'], ['a', 'b'], ['o']],
      sources: { a: ['i', 'a'], b: ['a', 'b'], o: ['b'] },
    };
    const net = new LiveNetwork(
      structure,
      {
        lr: 0.1,
        memory: 3,
        depth: 2,
        sharing: 'equal',
        pRewire: 0.1,
        activation: 'reference',
        update: 'recursive',
        fidelity: 'beta',
      },
      () => {
        throw new Error('no draws expected');
      },
    );
    // Step 1: a reads [0.5, 0] (i is a float): ((0.25 + 0) / 0.5)^2 = 0.25. b reads a and b from before they
    // fired, both the integer zero: integer memory, and b = the integer zero (sum 0), so o's memory is integer too.
    net.propagate([0.5]);
    expect(Array.from(net.values())).toEqual([0.5, 0.25, 0, 0]);
    // Step 2: a = ((0.25 + 0.125) / 0.75)^2 = 0.25; b reads [0.25, 0] but stores floor: [0, 0].
    net.propagate([0.5]);
    expect(net.values()[1]).toBe(0.25);
    expect(net.integerMemory().sort()).toEqual(['b', 'o']);
    // A reward trains o and b on their stored zeros: nothing moves (a float memory would give b
    // [0.525, 0.5] / 1.025).
    net.reinforce([1]);
    expect(net.weightsOf('b')).toEqual([0.5, 0.5]);
    expect(net.weightsOf('o')).toEqual([1]);
    // A graph edit keeps each neuron's memory, integer or not (a new source reads 0 in it).
    const edited = net.restructured({ ...structure, sources: { ...structure.sources, o: ['b', 'i'] } });
    expect(edited.integerMemory().sort()).toEqual(['b', 'o']);
    edited.reinforce([1]);
    expect(edited.weightsOf('b')).toEqual([0.5, 0.5]);
    expect(edited.weightsOf('o')).toEqual([1 / 1.5, 0.5 / 1.5]);
  });

  it('a graph edit keeps every memory row: an unread new neuron changes nothing of the training', () => {
    const structure = {
      layers: [['i'], ['a', 'b'], ['o']],
      sources: { a: ['i', 'a'], b: ['a', 'i'], o: ['b', 'a'] },
    };
    const make = () =>
      new LiveNetwork(
        structure,
        {
          lr: 0.3,
          memory: 3,
          depth: 3,
          sharing: 'equal',
          pRewire: 0.1,
          activation: 'reference',
          update: 'recursive',
          fidelity: 'beta',
        },
        () => 0.5,
      );
    const [plain, other] = [make(), make()];
    for (const x of [0.9, 0.4, 0.7]) [plain, other].forEach((n) => n.propagate([x]));
    const edited = other.restructured({
      layers: [['i'], ['a', 'b', 'h'], ['o']],
      sources: { ...structure.sources, h: ['i'] },
    });
    // A new neuron reading a (same layer: its previous output, a float) gets a float memory.
    const probe = other.restructured({
      layers: [['i'], ['a', 'b', 'h'], ['o']],
      sources: { ...structure.sources, h: ['a'] },
    });
    probe.propagate([0.3]);
    expect(probe.integerMemory()).toEqual([]);
    for (const r of [1, -0.5, 0.25]) {
      plain.reinforce([r]);
      edited.reinforce([r]);
    }
    for (const id of ['a', 'b', 'o']) expect(edited.weightsOf(id)).toEqual(plain.weightsOf(id));
    expect(plain.weightsOf('a')).not.toEqual([0.5, 0.5]);
  });
});
