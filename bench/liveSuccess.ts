/**
 * Dynamic-Live success rate (issue #4): the default network (defaultLiveSpec) on every reward task of
 * LIVE_TASKS, seeds 1..5, with rewiring (pRewire 0.1, the default) and without (0), trained through the engine
 * API (createSession + train). Accuracy and mean reward are read over the final window, in chunks of the
 * session's 100-step metrics window; the best constant output on the same target stream is the baseline.
 */
import { createLiveTask, createSession, sessionOf } from '../src/engine';
import {
  LIVE_TASKS,
  defaultSpec,
  withLiveTask,
  type ExperimentSpec,
  type LiveTaskKind,
} from '../src/experiment';
import { mean } from './stats';

export const LIVE_SEEDS = [1, 2, 3, 4, 5];
/** The default learning rate, which these runs use (1.5 since issue 14; this table had 0.1 before). */
export const LIVE_LR = defaultSpec('live').live.lr;
export const REWIRE = [0.1, 0];
/** Accuracy and reward are read over the FINAL_WINDOW steps before each checkpoint; training stops at the last. */
export const CHECKPOINTS = [5000, 20_000];
const LIVE_STEPS = CHECKPOINTS[CHECKPOINTS.length - 1];
export const FINAL_WINDOW = 500;
const METRICS_WINDOW = 100;
export const SUCCESS = 0.9;

export interface LiveRun {
  seed: number;
  /** Per checkpoint: mean over the FINAL_WINDOW steps before it. */
  accuracy: number[];
  reward: number[];
  /** Per checkpoint: the share of target 1 in its window (always 1 scores p, always 0 or 0.5 scores 1 - p). */
  ones: number[];
  connects: number;
  disconnects: number;
  /** Allowed edges at weight 0 at the end. */
  unconnected: number;
  /** Allowed edges in all (the weights of every non-input neuron). */
  edges: number;
  updateMode: string;
}

export interface LiveCell {
  task: LiveTaskKind;
  pRewire: number;
  runs: LiveRun[];
}

/** The default network with the task's inputs (one bit, or x1 and x2), as the UI's task switch rewires it. */
function liveSpec(task: LiveTaskKind, seed: number, pRewire: number): ExperimentSpec {
  const spec = defaultSpec('live');
  return { ...spec, seed, live: { ...withLiveTask(spec.live, task), pRewire } };
}

/** Per checkpoint, the share of target 1 among the rewarded steps of its window (a second copy of the stream). */
function shareOfOnes(spec: ExperimentSpec): number[] {
  const stream = createLiveTask(spec.live, spec.task, spec.seed);
  const ones = CHECKPOINTS.map(() => 0);
  const n = CHECKPOINTS.map(() => 0);
  for (let step = 1; step <= LIVE_STEPS; step++) {
    const { target, rewardStep } = stream.next(step);
    const c = CHECKPOINTS.findIndex((at) => step <= at && step > at - FINAL_WINDOW);
    if (c < 0 || target === undefined || rewardStep < 1) continue;
    ones[c] += target;
    n[c]++;
  }
  return ones.map((k, c) => k / n[c]);
}

async function runOne(spec: ExperimentSpec): Promise<LiveRun> {
  const session = sessionOf(await createSession(spec), 'live');
  const accuracy = CHECKPOINTS.map(() => [] as number[]);
  const reward = CHECKPOINTS.map(() => [] as number[]);
  let connects = 0;
  let disconnects = 0;
  while (session.step < LIVE_STEPS) {
    await session.train(METRICS_WINDOW);
    for (const e of session.takeEvents()) {
      if (e.kind !== 'rewire') continue;
      if (e.change === 'connect') connects++;
      else disconnects++;
    }
    const c = CHECKPOINTS.findIndex((at) => session.step <= at && session.step > at - FINAL_WINDOW);
    if (c < 0) continue;
    const m = await session.evaluate();
    accuracy[c].push(m.trainAccuracy);
    reward[c].push(m.meanReward);
  }
  const weights = await session.exportWeights();
  const unconnected = Object.values(weights).reduce((n, w) => n + w.values.filter((v) => v === 0).length, 0);
  const updateMode = session.updateMode;
  session.dispose();
  return {
    seed: spec.seed,
    accuracy: accuracy.map(mean),
    reward: reward.map(mean),
    ones: shareOfOnes(spec),
    connects,
    disconnects,
    unconnected,
    edges: Object.values(weights).reduce((n, w) => n + w.values.length, 0),
    updateMode,
  };
}

export async function runLiveSuccess(): Promise<{ cells: LiveCell[]; seconds: number }> {
  const start = performance.now();
  const cells: LiveCell[] = [];
  for (const task of LIVE_TASKS) {
    for (const pRewire of REWIRE) {
      const cell: LiveCell = { task, pRewire, runs: [] };
      for (const seed of LIVE_SEEDS) cell.runs.push(await runOne(liveSpec(task, seed, pRewire)));
      cells.push(cell);
      const acc = cell.runs.map((r) => `${(r.accuracy.at(-1)! * 100).toFixed(0)}%`).join(' ');
      console.error(`bench: live ${task}, pRewire ${pRewire}: accuracy ${acc}`);
    }
  }
  return { cells, seconds: (performance.now() - start) / 1000 };
}
