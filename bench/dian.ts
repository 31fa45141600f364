/**
 * DIAN against its baselines (docs/DESIGN.md 1.1, issue #3): the four models of the UI's comparison panel
 * (DIAN_VARIANTS in src/experiment/arch/dian/variants.ts, so the bench compares exactly what the UI compares), trained in-process on
 * tfjs's cpu backend on each 2-D task over several seeds. Records test accuracy after a fixed number of steps,
 * the training loss at checkpoints (convergence speed), and the first evaluation at >= 90% test accuracy.
 * Formatting and the verdict: bench/dianReport.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import './nodeBackends';
import { createSession, type DianMetrics, type Metrics } from '../src/engine';
import {
  DIAN_VARIANTS as VARIANTS,
  defaultSpec,
  type ExperimentSpec,
  type Feature,
  type TaskKind,
} from '../src/experiment';
import { mean } from './stats';

/** Indices into VARIANTS (and into each task's cells); checked against the labels in runDianAccuracy. */
export const V = { periodic: 0, mlp: 1, always: 2, never: 3 } as const;
const EXPECTED = { periodic: /periodic/, mlp: /MLP/, always: /always/, never: /never/ };

export interface TaskSetting {
  label: string;
  kind: TaskKind;
  features: Feature[];
  learningRate: number;
  steps: number;
  /** Said under the table when the setting is not the shared one. */
  note?: string;
}

/** Settings shared by every run; everything else is defaultSpec('dian') (SGD, batch 10, 500 points, 50/50). */
export const NOISE = 0.1;
export const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
/** Test accuracy is measured every EVAL_EVERY steps (for "steps to reach TARGET"). */
export const EVAL_EVERY = 50;
export const TARGET = 0.9;
/** Training-loss checkpoints; the last step of the run is added. */
export const LOSS_AT = [100, 300];

const XY: Feature[] = ['x1', 'x2'];
export const TASKS: TaskSetting[] = [
  { label: 'circle', kind: 'circle', features: XY, learningRate: 0.03, steps: 1000 },
  { label: 'xor', kind: 'xor', features: XY, learningRate: 0.03, steps: 1000 },
  { label: 'gaussian', kind: 'gaussian', features: XY, learningRate: 0.03, steps: 1000 },
  {
    label: 'spiral',
    kind: 'spiral',
    features: XY,
    learningRate: 0.03,
    steps: 1000,
    note: 'the shared settings: hard for 8-8 relu nets on x1, x2 in 1000 steps (chance is 50%)',
  },
  {
    label: 'spiral-sin',
    kind: 'spiral',
    features: ['x1', 'x2', 'sin x1', 'sin x2'],
    learningRate: 0.1,
    steps: 2000,
    note: 'the spiral with features x1, x2, sin x1, sin x2, learning rate 0.1 and 2000 steps, so that the nets learn it',
  },
];

export interface Run {
  seed: number;
  /** Under the variant's own evaluation policy (DIAN periodic: the spec's default, gate on). */
  testAccuracy: number;
  /** DIAN models: test accuracy with the gate forced off (NaN for the MLP). */
  gateOffAccuracy: number;
  /** Training loss (whole training set, the variant's evaluation policy) at LOSS_AT and at the last step. */
  loss: number[];
  /** First evaluated step with test accuracy >= TARGET; undefined if never reached. */
  stepsToTarget?: number;
  /** Test accuracy at every evaluation (for the identity check MLP vs gate never on). */
  curve: number[];
  /** Time spent in `train` alone (evaluations excluded), for steps/s of this very model. */
  trainSeconds: number;
  trainSteps: number;
}

export interface Cell {
  task: TaskSetting;
  variant: string;
  params: number;
  runs: Run[];
}

export interface DianAccuracy {
  cells: Cell[];
  seconds: number;
  variants: string[];
}

export const lossSteps = (task: TaskSetting) => [...LOSS_AT, task.steps];

export function baseSpec(task: TaskSetting, seed: number): ExperimentSpec {
  const spec = defaultSpec('dian');
  return {
    ...spec,
    seed,
    task: { ...spec.task, kind: task.kind, noise: NOISE, features: [...task.features] },
    training: { ...spec.training, learningRate: task.learningRate },
  };
}

async function trainOne(spec: ExperimentSpec, task: TaskSetting): Promise<{ run: Run; params: number }> {
  const session = await createSession(spec);
  const params = session.weightLayout.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  const checkpoints = lossSteps(task);
  const run: Run = {
    seed: spec.seed,
    testAccuracy: NaN,
    gateOffAccuracy: NaN,
    loss: [],
    curve: [],
    trainSeconds: 0,
    trainSteps: task.steps,
  };
  try {
    while (session.step < task.steps) {
      const t0 = performance.now();
      await session.train(Math.min(EVAL_EVERY, task.steps - session.step));
      run.trainSeconds += (performance.now() - t0) / 1000;
      const m: Partial<DianMetrics> & Metrics = await session.evaluate();
      run.gateOffAccuracy = m.testAccuracyGateOff ?? NaN;
      run.curve.push(m.testAccuracy);
      if (checkpoints.includes(session.step)) run.loss.push(m.trainLoss);
      if (run.stepsToTarget === undefined && m.testAccuracy >= TARGET) run.stepsToTarget = session.step;
      run.testAccuracy = m.testAccuracy;
    }
  } finally {
    session.dispose();
  }
  if (run.loss.length !== checkpoints.length)
    throw new Error(`bench: loss checkpoints ${checkpoints.join(', ')} must be multiples of ${EVAL_EVERY}`);
  return { run, params };
}

export async function runDianAccuracy(): Promise<DianAccuracy> {
  for (const [key, pattern] of Object.entries(EXPECTED))
    if (!pattern.test(VARIANTS[V[key as keyof typeof V]]?.label ?? ''))
      throw new Error(`bench: VARIANTS changed order: expected ${pattern} at ${V[key as keyof typeof V]}`);
  if (!(await tf.setBackend('cpu'))) throw new Error('bench: the cpu backend did not start');
  await tf.ready();
  const start = performance.now();
  const cells: Cell[] = TASKS.flatMap((task) =>
    VARIANTS.map((v) => ({ task, variant: v.label, params: 0, runs: [] as Run[] })),
  );
  for (const [t, task] of TASKS.entries()) {
    for (const seed of SEEDS) {
      const base = baseSpec(task, seed);
      for (const [i, v] of VARIANTS.entries()) {
        const { run, params } = await trainOne(v.make(base), task);
        const cell = cells[t * VARIANTS.length + i];
        cell.params = params;
        cell.runs.push(run);
      }
    }
    const line = cells.slice(t * VARIANTS.length, (t + 1) * VARIANTS.length).map((c) => {
      return `${c.variant} ${(mean(acc(c)) * 100).toFixed(1)}%`;
    });
    console.error(`bench: DIAN accuracy, ${task.label}: ${line.join(', ')}`);
  }
  return { cells, seconds: (performance.now() - start) / 1000, variants: VARIANTS.map((v) => v.label) };
}

export const tasksOf = (result: DianAccuracy) => [...new Set(result.cells.map((c) => c.task))];
export const cellsOf = (result: DianAccuracy, task: TaskSetting) =>
  result.cells.filter((c) => c.task === task);
export const acc = (c: Cell) => c.runs.map((r) => r.testAccuracy);
export const lossAt = (c: Cell, k: number) => c.runs.map((r) => r.loss[k]);
export const stepsPerSecondOf = (c: Cell) =>
  c.runs.reduce((n, r) => n + r.trainSteps, 0) / c.runs.reduce((t, r) => t + r.trainSeconds, 0);

/** Mean first step at >= TARGET over the seeds that reached it, and how many did; '-' if none. */
export function stepsToTarget(c: Cell): string {
  const reached = c.runs.flatMap((r) => (r.stepsToTarget === undefined ? [] : [r.stepsToTarget]));
  if (reached.length === 0) return '-';
  return `${Math.round(mean(reached))} (${reached.length}/${c.runs.length} seeds)`;
}
