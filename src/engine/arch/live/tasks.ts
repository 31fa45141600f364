/**
 * Reward tasks for the Dynamic-Live network (docs/DESIGN.md section 2), as seeded streams. Each step gives the
 * inputs, and the target of the step a reward refers to (undefined while the task has no answer yet).
 * Rewards: "target" 1 - 2|y - target| (y clipped to [0, 1]); "reference" (y - 0.5) * 2, blind to the target.
 */
import { INPUT_DOMAIN, type LiveSpec, type TaskSpec } from '../../../experiment';
import { createRng, deriveSeed } from '../../../experiment';
import { makeDataset } from '../../core/tasks';

export interface LiveTaskStep {
  inputs: number[];
  /** The step (numbered from 1) the reward is for: the current one, or an earlier one for delayed rewards. */
  rewardStep: number;
  target?: number;
}

export interface LiveTask {
  next(step: number): LiveTaskStep;
}

export function rewardFor(spec: LiveSpec, y: number, target: number): number {
  if (spec.reward === 'reference') return (y - 0.5) * 2;
  return 1 - 2 * Math.abs(Math.min(1, Math.max(0, y)) - target);
}

export function createLiveTask(live: LiveSpec, task: TaskSpec, seed: number): LiveTask {
  const rng = createRng(deriveSeed(seed, `live:${live.task}`));
  if (live.task === '2d') {
    // Points of the 2-D task, scaled from [-6, 6] to [0, 1]: the Live neurons work on non-negative signals.
    const { train } = makeDataset(task, seed);
    const scale = (v: number) => (v + INPUT_DOMAIN) / (2 * INPUT_DOMAIN);
    return {
      next: (step) => {
        const p = train[rng.int(train.length)];
        return { inputs: [scale(p.x1), scale(p.x2)], rewardStep: step, target: p.label };
      },
    };
  }
  const bits: number[] = [];
  const d = live.delay;
  const back = (k: number) => bits[bits.length - 1 - k];
  const ready = (needed: number) => bits.length >= needed;
  // The target of the current step, once enough bits have been seen.
  const targets: Record<Exclude<LiveSpec['task'], '2d'>, () => number | undefined> = {
    'temporal-xor': () => (ready(d + 1) ? back(0) ^ back(d) : undefined),
    'delayed-recall': () => (ready(d + 1) ? back(d) : undefined),
    parity: () => (ready(live.bits) ? bits.slice(-live.bits).reduce((a, b) => a ^ b, 0) : undefined),
    // Echo the input, but the reward for step t arrives at step t + d and trains step t from memory.
    'delayed-reward': () => (ready(d + 1) ? back(d) : undefined),
  };
  const target = targets[live.task];
  const lag = live.task === 'delayed-reward' ? d : 0;
  return {
    next: (step) => {
      bits.push(rng.next() < 0.5 ? 0 : 1);
      return { inputs: [back(0)], rewardStep: step - lag, target: target() };
    },
  };
}
