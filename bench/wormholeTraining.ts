/**
 * The Wormhole's solvers in training (issue 11, finding 1): short training runs on the 2-D tasks with plain
 * iteration, schema 1's default (Anderson without the safeguard, plain adjoint) and the default (safeguarded
 * Anderson for the forward and the adjoint solve), same seeds and data. Per run: test accuracy, the forward and
 * adjoint solves that did not converge, and the mean sweeps and adjoint iterations per step. Through the engine
 * API on cpu (the fused kernel trains).
 */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { createSession, sessionOf } from '../src/engine';
import { defaultSpec, type TaskKind, type WormholeSpec } from '../src/experiment';

export const TRAIN_TASKS: TaskKind[] = ['circle', 'xor', 'gaussian', 'spiral'];
export const TRAIN_BIASES = [-4, 0];
export const TRAIN_SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
export const TRAIN_STEPS = 300;
export const TRAIN_LR = 0.01;

export interface SolverChoice {
  label: string;
  solver: WormholeSpec['solver'];
  adjointSolver: WormholeSpec['adjointSolver'];
}

export const SOLVER_CHOICES: SolverChoice[] = [
  { label: 'plain (forward and adjoint)', solver: 'plain', adjointSolver: 'plain' },
  { label: 'Anderson, plain adjoint (schema 1 default)', solver: 'anderson', adjointSolver: 'plain' },
  {
    label: 'safeguarded Anderson, forward and adjoint (default)',
    solver: defaultSpec('wormhole').wormhole.solver,
    adjointSolver: defaultSpec('wormhole').wormhole.adjointSolver,
  },
];

export interface TrainingRun {
  seed: number;
  testAccuracy: number;
  forwardFailures: number;
  adjointFailures: number;
  sweeps: number;
  adjointIterations: number;
}

export interface TrainingCell {
  task: TaskKind;
  gateBias: number;
  choice: SolverChoice;
  runs: TrainingRun[];
}

async function runOne(task: TaskKind, gateBias: number, choice: SolverChoice, seed: number) {
  const spec = defaultSpec('wormhole');
  spec.seed = seed;
  spec.task = { ...spec.task, kind: task };
  spec.training = { ...spec.training, optimizer: 'adam', learningRate: TRAIN_LR };
  spec.wormhole = { ...spec.wormhole, gateBias, solver: choice.solver, adjointSolver: choice.adjointSolver };
  const s = sessionOf(await createSession(spec), 'wormhole');
  let [sweeps, adjoint] = [0, 0];
  for (let step = 0; step < TRAIN_STEPS; step++) {
    await s.train(1);
    sweeps += s.lastSolve!.iterations / TRAIN_STEPS;
    adjoint += s.lastAdjoint!.iterations / TRAIN_STEPS;
  }
  const run: TrainingRun = {
    seed,
    testAccuracy: (await s.evaluate()).testAccuracy,
    forwardFailures: s.failures.forward,
    adjointFailures: s.failures.adjoint,
    sweeps,
    adjointIterations: adjoint,
  };
  s.dispose();
  return run;
}

export async function runWormholeTraining(): Promise<{ cells: TrainingCell[]; seconds: number }> {
  const start = performance.now();
  await tf.setBackend('cpu');
  await tf.ready();
  const cells: TrainingCell[] = [];
  for (const task of TRAIN_TASKS)
    for (const gateBias of TRAIN_BIASES)
      for (const choice of SOLVER_CHOICES) {
        const cell: TrainingCell = { task, gateBias, choice, runs: [] };
        for (const seed of TRAIN_SEEDS) cell.runs.push(await runOne(task, gateBias, choice, seed));
        cells.push(cell);
        const acc = cell.runs.reduce((a, r) => a + r.testAccuracy, 0) / cell.runs.length;
        console.error(
          `bench: wormhole training ${task}, bias ${gateBias}, ${choice.label}: ${(acc * 100).toFixed(1)}%`,
        );
      }
  return { cells, seconds: (performance.now() - start) / 1000 };
}
