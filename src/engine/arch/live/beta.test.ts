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
