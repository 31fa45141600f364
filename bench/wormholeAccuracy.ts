/**
 * Fixed-Point Wormhole network on the long-dependency sequence tasks (issue #5), against the MLP of the same
 * hidden widths and against itself with no wormholes. Trained in-process through the engine API.
 */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { createSession } from '../src/engine';
import { defaultSpec, type ExperimentSpec, type TaskKind } from '../src/experiment';

export const SEQ_TASKS: { kind: TaskKind; length: number }[] = [
  { kind: 'parity', length: 4 },
  { kind: 'parity', length: 6 },
  { kind: 'temporal-xor', length: 6 },
  { kind: 'adding', length: 6 },
];
export const SEQ_SEEDS = [1, 2, 3, 4, 5, 6];
export const SEQ_STEPS = 500;
export const SEQ_BATCH = 25;
export const SEQ_LR = 0.01;
export const SEQ_BACKEND = 'wasm';
export const HIDDEN = [6, 6];
export const OPEN_BIAS = 0;
export const DEFAULT_BIAS = defaultSpec('wormhole').wormhole.gateBias;

export interface SeqModel {
  label: string;
  make(seed: number, task: { kind: TaskKind; length: number }): ExperimentSpec;
}

function base(architecture: 'mlp' | 'wormhole', seed: number, task: { kind: TaskKind; length: number }) {
  const spec = defaultSpec(architecture);
  return {
    ...spec,
    seed,
    task: { ...spec.task, ...task },
    training: { ...spec.training, optimizer: 'adam' as const, learningRate: SEQ_LR, batchSize: SEQ_BATCH },
    mlp: { ...spec.mlp, hiddenLayers: [...HIDDEN], activation: 'tanh' as const },
    wormhole: { ...spec.wormhole, hidden: [...HIDDEN] },
  };
}

/** The three models; `noWormholeGradient` is implicit unless an implicit step throws on that network. */
export function seqModels(noWormholeGradient: 'implicit' | 'unrolled'): SeqModel[] {
  return [
    { label: `MLP ${HIDDEN.join('-')} (tanh)`, make: (seed, task) => base('mlp', seed, task) },
    {
      label: `Wormhole with no wormholes (${noWormholeGradient} gradient)`,
      make: (seed, task) => {
        const spec = base('wormhole', seed, task);
        return { ...spec, wormhole: { ...spec.wormhole, wormholes: [], gradient: noWormholeGradient } };
      },
    },
    {
      label: `Wormhole 3->1, gate bias ${DEFAULT_BIAS} (default)`,
      make: (seed, task) => base('wormhole', seed, task),
    },
    {
      label: `Wormhole 3->1, gate bias ${OPEN_BIAS}`,
      make: (seed, task) => {
        const spec = base('wormhole', seed, task);
        return { ...spec, wormhole: { ...spec.wormhole, gateBias: OPEN_BIAS } };
      },
    },
  ];
}

export interface SeqRun {
  seed: number;
  trainAccuracy: number;
  testAccuracy: number;
  msPerStep: number;
  /** Wormhole: training solves that stopped at maxIter or diverged (forward, adjoint), and the last step's solves. */
  unconverged?: number;
  adjointUnconverged?: number;
  lastSweeps?: number;
  lastAdjoint?: number;
  lastGate?: number;
}

export interface SeqCell {
  task: { kind: TaskKind; length: number };
  model: string;
  runs: SeqRun[];
}

/** One implicit training step on a network with no wormholes: the error message if it throws. */
async function probeNoWormholes(): Promise<string | undefined> {
  const s = await createSession(seqModels('implicit')[1].make(1, SEQ_TASKS[0]));
  try {
    await s.train(1);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    s.dispose();
  }
}

async function runOne(spec: ExperimentSpec): Promise<SeqRun> {
  const s = await createSession(spec);
  const t0 = performance.now();
  await s.train(SEQ_STEPS);
  const msPerStep = (performance.now() - t0) / SEQ_STEPS;
  const m = await s.evaluate();
  const run: SeqRun = {
    seed: spec.seed,
    trainAccuracy: m.trainAccuracy,
    testAccuracy: m.testAccuracy,
    msPerStep,
  };
  if (s.kind === 'wormhole') {
    const w = s;
    run.unconverged = w.failures.forward;
    run.adjointUnconverged = spec.wormhole.gradient === 'implicit' ? w.failures.adjoint : undefined;
    run.lastSweeps = w.lastSolve?.iterations;
    run.lastAdjoint = spec.wormhole.gradient === 'implicit' ? w.lastAdjoint?.iterations : undefined;
    run.lastGate = w.lastSolve?.gates.at(-1)?.[0];
  }
  s.dispose();
  return run;
}

export interface SeqResult {
  cells: SeqCell[];
  seconds: number;
  backend: string;
  /** Why the network with no wormholes trains with unrolled gradients (the implicit step threw), if it does. */
  noWormholeProblem?: string;
}

export async function runWormholeAccuracy(): Promise<SeqResult> {
  const start = performance.now();
  const backend = (await tf.setBackend(SEQ_BACKEND)) ? SEQ_BACKEND : 'cpu';
  await tf.setBackend(backend);
  await tf.ready();
  const noWormholeProblem = await probeNoWormholes();
  const models = seqModels(noWormholeProblem ? 'unrolled' : 'implicit');
  const cells: SeqCell[] = [];
  for (const task of SEQ_TASKS) {
    for (const model of models) {
      const cell: SeqCell = { task, model: model.label, runs: [] };
      for (const seed of SEQ_SEEDS) cell.runs.push(await runOne(model.make(seed, task)));
      cells.push(cell);
      const acc = cell.runs.map((r) => `${(r.testAccuracy * 100).toFixed(0)}%`).join(' ');
      console.error(`bench: wormhole accuracy ${task.kind}-${task.length}, ${model.label}: ${acc}`);
    }
  }
  await tf.setBackend('cpu');
  return { cells, seconds: (performance.now() - start) / 1000, backend, noWormholeProblem };
}
