/**
 * Fixed-Point Wormhole solves (docs/DESIGN.md 1.3, issue #5): sweeps per solve with gates closed, nearly closed and
 * open, plain against Anderson; the time of a solve and of a gradient (implicit against unrolled) on the cpu
 * and wasm backends; and the memory a gradient needs as the sweep count is forced up.
 * Solves are of freshly initialised sessions (solvePoints: the session's own solve, training nothing); times
 * and memory go through the session's public predict / gradients / train.
 */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { createSession, sessionOf, type Dataset } from '../src/engine';
import { defaultSpec, type ExperimentSpec, type WormholeSpec } from '../src/experiment';
import type { StopReason } from '../src/protocol';
import { mean, median } from './stats';

export const SOLVE_SEEDS = [1, 2, 3];
export const SOLVE_BATCH = 250;
export const GATES: { label: string; gate: WormholeSpec['gate']; gateBias: number }[] = [
  // The hard gate clip(½ + z/4, 0, 1) is shut for z <= -2: at bias -4 every sample's is at initialisation.
  { label: 'closed (hard, bias −4)', gate: 'hard', gateBias: -4 },
  { label: 'nearly closed (soft, bias −4: the default)', gate: 'soft', gateBias: -4 },
  { label: 'half open (soft, bias 0)', gate: 'soft', gateBias: 0 },
  { label: 'open (soft, bias +2)', gate: 'soft', gateBias: 2 },
  { label: 'open (soft, bias +4)', gate: 'soft', gateBias: 4 },
];
export const SOLVERS = ['plain', 'anderson', 'safeguarded'] as const;
export const TIMING_BATCH = 32;
export const TIMING_REPS = 20;
export const TIMING_GATES = [GATES[1], GATES[3]];
export const MEMORY_SWEEPS = [5, 10, 20, 40, 80];
export const MEMORY_GATE = GATES[3];
export const MEMORY_TOL = 1e-12;

export interface SolveRow {
  gate: string;
  solver: string;
  /** Per seed: mean and max sweeps per sample, the batch's sweeps and stop reason, last residual, gate mean. */
  meanSweeps: number[];
  maxSweeps: number[];
  stops: StopReason[];
  residual: number[];
  gateMean: number[];
  ms: number[];
}

const wormholeSession = async (spec: ExperimentSpec) => sessionOf(await createSession(spec), 'wormhole');

/** The first n training points of a session's task (seeded by its spec), and their labels. */
const trainingPoints = (dataset: Dataset, n: number) => {
  const points = dataset.train.slice(0, n);
  return { xy: points.map((p) => [p.x1, p.x2]), labels: points.map((p) => p.label) };
};

function wormholeSpec(seed: number, change: Partial<WormholeSpec>, training = {}): ExperimentSpec {
  const spec = defaultSpec('wormhole');
  return {
    ...spec,
    seed,
    wormhole: { ...spec.wormhole, ...change },
    training: { ...spec.training, ...training },
  };
}

/** One batch solve of a freshly initialised network, timed. */
async function solveOnce(spec: ExperimentSpec, n: number) {
  const session = await wormholeSession(spec);
  const { xy } = trainingPoints(session.dataset, n);
  const t0 = performance.now();
  const result = await session.solvePoints(xy);
  const ms = performance.now() - t0;
  session.dispose();
  return { ...result, ms };
}

export async function runSolveSweeps(): Promise<SolveRow[]> {
  const rows: SolveRow[] = [];
  for (const g of GATES) {
    for (const solver of SOLVERS) {
      const row: SolveRow = {
        gate: g.label,
        solver,
        meanSweeps: [],
        maxSweeps: [],
        stops: [],
        residual: [],
        gateMean: [],
        ms: [],
      };
      for (const seed of SOLVE_SEEDS) {
        const spec = wormholeSpec(seed, { gate: g.gate, gateBias: g.gateBias, solver });
        const { trace, sampleIterations, ms } = await solveOnce(spec, SOLVE_BATCH);
        row.meanSweeps.push(mean(Array.from(sampleIterations)));
        row.maxSweeps.push(Math.max(...sampleIterations));
        row.stops.push(trace.stop);
        row.residual.push(trace.relResidual.at(-1)!);
        row.gateMean.push(trace.gates.at(-1)?.[0] ?? NaN);
        row.ms.push(ms);
      }
      rows.push(row);
    }
  }
  return rows;
}

export interface TimingRow {
  backend: string;
  gate: string;
  /** Median ms of TIMING_REPS calls, after two warm-up calls. */
  solveMs: number;
  implicitMs: number;
  unrolledMs: number;
  /** The forward solve's sweeps (the batch's), and the adjoint's iterations, for this batch. */
  sweeps: number;
  adjointIterations: number;
}

async function medianMs(call: () => Promise<unknown>): Promise<number> {
  await call();
  await call();
  const times: number[] = [];
  for (let i = 0; i < TIMING_REPS; i++) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function runSolveTiming(): Promise<{ rows: TimingRow[]; problems: string[] }> {
  const rows: TimingRow[] = [];
  const problems: string[] = [];
  for (const backend of ['cpu', 'wasm']) {
    if (!(await tf.setBackend(backend))) {
      problems.push(`the ${backend} backend did not start`);
      continue;
    }
    await tf.ready();
    for (const g of TIMING_GATES) {
      const change = { gate: g.gate, gateBias: g.gateBias };
      const implicit = await wormholeSession(wormholeSpec(1, change));
      const unrolled = await wormholeSession(wormholeSpec(1, { ...change, gradient: 'unrolled' }));
      const { xy, labels } = trainingPoints(implicit.dataset, TIMING_BATCH);
      const { trace } = await implicit.solvePoints(xy);
      rows.push({
        backend,
        gate: g.label,
        solveMs: await medianMs(() => implicit.predict(xy)),
        implicitMs: await medianMs(() => implicit.gradients(xy, labels)),
        unrolledMs: await medianMs(() => unrolled.gradients(xy, labels)),
        sweeps: trace.iterations,
        adjointIterations: implicit.lastAdjoint?.iterations ?? NaN,
      });
      implicit.dispose();
      unrolled.dispose();
    }
  }
  await tf.setBackend('cpu');
  return { rows, problems };
}

export interface MemoryRow {
  maxIter: number;
  gradient: 'implicit' | 'unrolled';
  sweeps: number;
  stop: StopReason;
  adjointIterations: number;
  /** tf.profile over one training step: peak bytes above the bytes held before it, and tensors left after. */
  peakBytes: number;
  newTensors: number;
  ms: number;
}

/** One training step (batch TIMING_BATCH, SGD) under tf.profile, after one warm-up step. */
export async function runGradientMemory(): Promise<MemoryRow[]> {
  const rows: MemoryRow[] = [];
  for (const maxIter of MEMORY_SWEEPS) {
    for (const gradient of ['implicit', 'unrolled'] as const) {
      const spec = wormholeSpec(
        1,
        {
          gate: MEMORY_GATE.gate,
          gateBias: MEMORY_GATE.gateBias,
          solver: 'plain',
          tol: MEMORY_TOL,
          maxIter,
          gradient,
        },
        { batchSize: TIMING_BATCH },
      );
      const s = await wormholeSession(spec);
      await s.train(1);
      const before = tf.memory().numBytes;
      const t0 = performance.now();
      const profile = await tf.profile(() => s.train(1));
      const ms = performance.now() - t0;
      rows.push({
        maxIter,
        gradient,
        sweeps: s.lastSolve?.iterations ?? NaN,
        stop: s.lastSolve?.stop ?? 'maxIter',
        adjointIterations: gradient === 'implicit' ? (s.lastAdjoint?.iterations ?? NaN) : NaN,
        peakBytes: profile.peakBytes - before,
        newTensors: profile.newTensors,
        ms,
      });
      s.dispose();
    }
  }
  return rows;
}
