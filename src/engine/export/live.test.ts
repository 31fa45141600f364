/**
 * The Dynamic-Live script against the engine. A session trains some steps and is exported (spec, weights, step:
 * what Export file writes); the app opening that file (a new session, importWeights) and the script then take the
 * same 20 steps (the mean reward after each, the rewiring events, the weights, hence the edge sets) and propagate
 * the same rows (outputs to 1e-5; measured: equal, but for one ulp of tanh). Both fidelities, both update modes
 * ("auto" resolving to accumulate included), both sharings, the firings, every reward task, rewiring in both
 * fidelities; --seeds from scratch; and a changed line of the generated maths fails.
 */
import { describe, expect, it } from 'vitest';
import {
  checkTrained,
  defaultSpec,
  FILE_FORMAT,
  validateSpec,
  type ExperimentSpec,
  type WeightMap,
} from '../../experiment';
import { createSession, sessionOf } from '..';
import { toPyTorch, type ExportedExperiment } from '../../export/pytorch';
import { maxDifference, runScript, runScriptFor, TORCH_MISSING, torchPython } from '../testing/pytorch';

if (!torchPython) console.warn(TORCH_MISSING);

const BITS = [[1], [0], [1], [1], [0]];
const POINTS = [
  [0.2, 0.7],
  [0.9, 0.1],
  [0.5, 0.5],
];

function live(edit: (spec: ExperimentSpec) => void): ExperimentSpec {
  const spec = defaultSpec('live');
  edit(spec);
  return spec;
}

/** A fully recurrent hidden layer: one reward would make far over 20,000 recursive calls, so "auto" accumulates. */
function recurrent(spec: ExperimentSpec): void {
  const hidden = ['a', 'b', 'c', 'd'];
  spec.live.layers = [['in'], hidden, ['out']];
  spec.live.sources = Object.fromEntries([
    ...hidden.map((h) => [h, ['in', ...hidden, 'out']]),
    ['out', hidden],
  ]);
  spec.live.positions = {};
}

interface Side {
  meanRewards: number[];
  events: { kind: string; source: string; neuron: string; reward: number; step: number }[];
  outputs: number[];
  weights: WeightMap;
  step: number;
}

const edges = (weights: WeightMap) =>
  Object.entries(weights).map(([name, w]) => [name, w.values.map((v) => v !== 0)]);

/** Both sides from the exported file: the script (one run) and the engine as the app opens that file. */
async function fromFile(experiment: ExportedExperiment, rows: number[][], script = toPyTorch(experiment)) {
  const { stdout, written } = runScriptFor(
    script,
    ['--train', '20', '--predict', 'in.json', '--save', 'out.json'],
    [['in.json', JSON.stringify(rows)]],
    'out.json',
  );
  const lines = stdout.trim().split('\n');
  const saved = JSON.parse(written!) as {
    format: string;
    spec: unknown;
    weights: WeightMap;
    step: number;
    rewiring: Side['events'];
  };
  // --save writes an experiment file the app's Import file takes: its format, the same spec, checked weights.
  expect(saved.format).toBe(FILE_FORMAT);
  expect(validateSpec(saved.spec)).toEqual({ spec: experiment.spec, problems: [] });
  expect(checkTrained(saved)).toBeDefined();
  const py: Side = {
    outputs: (JSON.parse(lines.pop()!) as number[][]).flat(),
    meanRewards: lines.map(Number),
    events: saved.rewiring,
    weights: saved.weights,
    step: saved.step,
  };
  const s = sessionOf(await createSession(experiment.spec), 'live');
  s.importWeights(experiment.weights, experiment.step);
  const engine: Side = { meanRewards: [], events: [], outputs: [], weights: {}, step: 0 };
  for (let i = 0; i < 20; i++) {
    await s.train(1);
    engine.meanRewards.push((await s.evaluate()).meanReward);
  }
  engine.events = s.takeEvents().map((e) => {
    const r = e as { change: string; source: string; neuron: string; reward: number; step: number };
    return { kind: r.change, source: r.source, neuron: r.neuron, reward: r.reward, step: r.step };
  });
  for (const row of rows) engine.outputs.push(...(await s.propagate(row)));
  engine.weights = await s.exportWeights();
  engine.step = s.step;
  const mode = s.updateMode;
  s.dispose();
  return { py, engine, mode };
}

/** Equal NaN positions (no reward yet) and the largest difference elsewhere. */
function rewardDifference(a: number[], b: number[]): number {
  expect(a.map(Number.isNaN)).toEqual(b.map(Number.isNaN));
  return maxDifference(
    a.filter((v) => !Number.isNaN(v)),
    b.filter((v) => !Number.isNaN(v)),
  );
}

async function exported(spec: ExperimentSpec, steps: number): Promise<ExportedExperiment> {
  const s = sessionOf(await createSession(spec), 'live');
  await s.train(steps);
  const experiment = { spec: s.spec, weights: await s.exportWeights(), step: s.step };
  s.dispose();
  return experiment;
}

describe.skipIf(!torchPython)('the Dynamic-Live network as a Python script', () => {
  it.each([
    ['README, recursive, temporal XOR', live((s) => (s.live.update = 'recursive')), 'recursive'],
    [
      'README, accumulate, proportional sharing, parity of 3, M 5, D 6',
      live((s) =>
        Object.assign(s.live, {
          update: 'accumulate',
          sharing: 'proportional',
          task: 'parity',
          bits: 3,
          memory: 5,
          depth: 6,
        }),
      ),
      'accumulate',
    ],
    [
      'README, auto on a recurrent layer (accumulates), tanh, delayed reward d 2',
      live((s) => {
        recurrent(s);
        Object.assign(s.live, {
          task: 'delayed-reward',
          delay: 2,
          activation: 'tanh',
          depth: 10,
          memory: 10,
        });
      }),
      'accumulate',
    ],
    [
      'README, auto (recursive), sigmoid, delayed recall d 2',
      live((s) => Object.assign(s.live, { task: 'delayed-recall', delay: 2, activation: 'sigmoid' })),
      'recursive',
    ],
    ['beta, temporal XOR', live((s) => Object.assign(s.live, { fidelity: 'beta', lr: 0.5 })), 'recursive'],
  ] as const)('goes on from its file as the engine does: %s', async (_, spec, mode) => {
    const experiment = await exported(spec, 37);
    const c = await fromFile(experiment, BITS);
    expect(c.mode).toBe(mode);
    expect(c.py.meanRewards).toHaveLength(20);
    expect(new Set(c.engine.meanRewards.filter((v) => !Number.isNaN(v))).size).toBeGreaterThan(5);
    expect(rewardDifference(c.py.meanRewards, c.engine.meanRewards)).toBeLessThan(1e-9);
    expect(maxDifference(c.py.outputs, c.engine.outputs)).toBeLessThan(1e-5);
    expect(c.py.weights).toEqual(c.engine.weights);
    expect(c.py.events).toEqual(c.engine.events);
    expect(c.py.step).toBe(c.engine.step);
  });

  it('plays the 2-D reward task on the Data panel points (sigmoid, circle with noise)', async () => {
    const spec = live((s) => {
      s.task = { ...s.task, kind: 'circle', noise: 0.2 };
      s.live.task = '2d';
      s.live.layers = [['x1', 'x2'], ['h0', 'h1', 'h2'], ['out']];
      s.live.sources = {
        h0: ['x1', 'x2'],
        h1: ['x1', 'x2', 'h0'],
        h2: ['x1', 'x2', 'h0'],
        out: ['h1', 'h2'],
      };
      s.live.activation = 'sigmoid';
    });
    const c = await fromFile(await exported(spec, 25), POINTS);
    expect(rewardDifference(c.py.meanRewards, c.engine.meanRewards)).toBeLessThan(1e-9);
    expect(maxDifference(c.py.outputs, c.engine.outputs)).toBeLessThan(1e-5);
    expect(c.py.weights).toEqual(c.engine.weights);
  });

  it('rewires as the engine does after negative rewards (README: connect and disconnect events)', async () => {
    const spec = live((s) => Object.assign(s.live, { reward: 'reference', lr: 3, pRewire: 0.6, depth: 4 }));
    const c = await fromFile(await exported(spec, 30), BITS);
    const kinds = new Set(c.engine.events.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['connect', 'disconnect']));
    expect(c.py.events).toEqual(c.engine.events);
    expect(edges(c.py.weights)).toEqual(edges(c.engine.weights));
    expect(c.py.weights).toEqual(c.engine.weights);
    expect(rewardDifference(c.py.meanRewards, c.engine.meanRewards)).toBeLessThan(1e-9);
    expect(maxDifference(c.py.outputs, c.engine.outputs)).toBeLessThan(1e-5);
  });

  it('rewires as the engine does in beta mode (unconnected sources, rewiring passes)', async () => {
    const spec = live((s) => Object.assign(s.live, { fidelity: 'beta', reward: 'reference', lr: 0.5 }));
    const experiment = await exported(spec, 12);
    // Two sources at 0: the passes reconnect them after negative rewards.
    experiment.weights['neuron/h1'].values = [0, 1];
    experiment.weights['neuron/out'].values = [1, 0];
    const c = await fromFile(experiment, BITS);
    expect(c.engine.events.filter((e) => e.kind === 'connect').length).toBeGreaterThan(0);
    expect(c.py.events).toEqual(c.engine.events);
    expect(c.py.weights).toEqual(c.engine.weights);
    expect(maxDifference(c.py.outputs, c.engine.outputs)).toBeLessThan(1e-5);
  });

  it.each([
    [
      'README: the reconnection weight 0.05 v',
      live((s) => Object.assign(s.live, { reward: 'reference', lr: 3, pRewire: 0.6, depth: 4 })),
      'w[i] = 0.05 * v',
      'w[i] = 0.06 * v',
    ],
    [
      "beta: a source's share r / k",
      live((s) => Object.assign(s.live, { fidelity: 'beta', lr: 0.5 })),
      'self.train(n.sources[i], r / k, depth - 1, events)',
      'self.train(n.sources[i], r / (k + 1), depth - 1, events)',
    ],
  ] as const)('fails when a line of the maths is changed (%s)', async (_, spec, line, changed) => {
    const experiment = await exported(spec, 30);
    const script = toPyTorch(experiment);
    const mutant = script.replace(line, changed);
    expect(mutant).not.toBe(script);
    const c = await fromFile(experiment, BITS, mutant);
    // Far beyond rounding: the weights (which the other tests compare exactly) move apart.
    const flat = (w: WeightMap) => Object.values(w).flatMap((v) => v.values);
    expect(maxDifference(flat(c.py.weights), flat(c.engine.weights))).toBeGreaterThan(1e-4);
  });

  it('starts a seed from scratch as the engine does (--seeds: weights 1/k, task and rewiring streams)', async () => {
    const spec = live((s) => Object.assign(s.live, { pRewire: 0.5 }));
    const fresh = sessionOf(await createSession({ ...spec, seed: 2 }), 'live');
    await fresh.train(150);
    const { meanReward } = await fresh.evaluate();
    fresh.dispose();
    const out = runScript(toPyTorch({ spec, weights: {}, step: 0 }), ['--seeds', '2', '--train', '150']);
    expect(out).toContain(`seed 2: mean reward ${meanReward.toFixed(4)}`);
    expect(out).toMatch(/mean reward over 2 seeds after 150 steps: mean [-\d.]+, sd [\d.]+/);
  });
});
