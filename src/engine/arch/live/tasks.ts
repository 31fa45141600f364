/**
 * Reward tasks for the Dynamic-Live network (docs/DESIGN.md section 2), as seeded streams. Each step gives the
 * inputs, and the target of the step a reward refers to (undefined while the task has no answer yet).
 * Rewards: "target" 1 - 2|y - target| (y clipped to [0, 1]); "reference" (y - 0.5) * 2, blind to the target.
 *
 * K classes (issue 13): the 2-D task ('2d') on a bundled table (iris, digits) draws its training rows, each
 * feature scaled to [0, 1] by its min and max over the training rows (a constant feature gives 0), as the 2-D
 * points are scaled from [-6, 6]. The step's target is the class index c; with K > 2 classes the network has K
 * outputs and output k's target is 1 for k = c, else 0 (one-vs-rest: `targetsOf`), each rewarded by the rule
 * above from its own output. With two classes there is one output and its target is c (0 or 1), as before.
 */
import {
  defaultsOf,
  INPUT_DOMAIN,
  isDataTask,
  VIEW_FIELDS,
  type LiveSpec,
  type TaskSpec,
  type ViewSpec,
} from '../../../experiment';
import { createRng, deriveSeed } from '../../../experiment';
import type { DataTable } from '../../../experiment/data';
import { tableData, type TableData } from '../../core/dataTables';
import type { Point } from '../../core/points';
import { SpecError } from '../../core/specError';
import { makeDataset } from '../../core/tasks';

export interface LiveTaskStep {
  inputs: number[];
  /** The step (numbered from 1) the reward is for: the current one, or an earlier one for delayed rewards. */
  rewardStep: number;
  target?: number;
}

export interface LiveTask {
  /** The classes a target falls into: 2 (one output, target 0/1), or K > 2 (K outputs, one per class). */
  readonly classes: number;
  /** A bundled table's rows (the 2-D task on iris or digits): the split, the plane, and the inputs' scaling. */
  readonly table?: LiveTable;
  next(step: number): LiveTaskStep;
  /** Where the stream stands (a copy): `restore` of it makes `next` give the same steps from there (Rewind). */
  save(): LiveTaskState;
  restore(state: LiveTaskState): void;
}

/** The input stream's random state; for the bit tasks, how many bits were seen and the last few (all a target reads). */
export interface LiveTaskState {
  rng: number;
  seen: number;
  bits: number[];
}

export interface LiveTable {
  data: TableData;
  /** A row of the table's features scaled to the network's [0, 1] (clipped outside the training rows' range). */
  scale(row: ArrayLike<number>): number[];
}

export function rewardFor(spec: LiveSpec, y: number, target: number): number {
  if (spec.reward === 'reference') return (y - 0.5) * 2;
  return 1 - 2 * Math.abs(Math.min(1, Math.max(0, y)) - target);
}

/** Each output's target for the class index c: c itself with one output; 1 for output c, else 0 with K. */
export const targetsOf = (c: number, outputs: number): number[] =>
  outputs === 1 ? [c] : Array.from({ length: outputs }, (_, k) => (k === c ? 1 : 0));

/** The network's answer: the class of the largest output (the first on ties); y > 0.5 with one output. */
export function answerOf(outputs: ArrayLike<number>): number {
  if (outputs.length === 1) return outputs[0] > 0.5 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < outputs.length; k++) if (outputs[k] > outputs[best]) best = k;
  return best;
}

/** Scaling of each feature to [0, 1] by its min and max over these rows. */
export function minMaxScaler(rows: Point[], width: number): (row: ArrayLike<number>) => number[] {
  const lo = new Float64Array(width).fill(Infinity);
  const hi = new Float64Array(width).fill(-Infinity);
  for (const p of rows)
    p.inputs!.forEach((v, i) => {
      lo[i] = Math.min(lo[i], v);
      hi[i] = Math.max(hi[i], v);
    });
  const span = Float64Array.from(lo, (l, i) => hi[i] - l);
  return (row) => {
    const out = new Array<number>(width);
    for (let i = 0; i < width; i++)
      out[i] = span[i] > 0 ? Math.min(1, Math.max(0, (row[i] - lo[i]) / span[i])) : 0;
    return out;
  };
}

export interface LiveTaskOptions {
  /** The plane's view (data tables: which inputs, or PCA, the heatmap shows). */
  view?: ViewSpec;
  userData?: DataTable;
}

export function createLiveTask(
  live: LiveSpec,
  task: TaskSpec,
  seed: number,
  options: LiveTaskOptions = {},
): LiveTask {
  let rng = createRng(deriveSeed(seed, `live:${live.task}`));
  // Bit tasks: how many bits were seen, and the last ones (as many as a target reads back).
  let seen = 0;
  let bits: number[] = [];
  const stream = {
    save: (): LiveTaskState => ({ rng: rng.state(), seen, bits: [...bits] }),
    restore: (state: LiveTaskState) => {
      rng = createRng(state.rng);
      seen = state.seen;
      bits = [...state.bits];
    },
  };
  if (live.task === '2d' && isDataTask(task.kind)) {
    const data = tableData(task, options.view ?? defaultsOf(VIEW_FIELDS), seed, options.userData);
    const classes = data.table.classes?.length;
    if (!classes) throw new SpecError('the Live reward task needs classes, not a numeric target');
    const train = data.dataset.train;
    const scale = minMaxScaler(train, data.table.features.length);
    return {
      ...stream,
      classes,
      table: { data, scale },
      next: (step) => {
        const p = train[rng.int(train.length)];
        return { inputs: scale(p.inputs!), rewardStep: step, target: p.label };
      },
    };
  }
  if (live.task === '2d') {
    // Points of the 2-D task, scaled from [-6, 6] to [0, 1]: the Live neurons work on non-negative signals.
    const { train } = makeDataset(task, seed);
    const scale = (v: number) => (v + INPUT_DOMAIN) / (2 * INPUT_DOMAIN);
    return {
      ...stream,
      classes: 2,
      next: (step) => {
        const p = train[rng.int(train.length)];
        return { inputs: [scale(p.x1), scale(p.x2)], rewardStep: step, target: p.label };
      },
    };
  }
  const d = live.delay;
  const keepBits = Math.max(d + 1, live.bits);
  const back = (k: number) => bits[bits.length - 1 - k];
  const ready = (needed: number) => seen >= needed;
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
    ...stream,
    classes: 2,
    next: (step) => {
      bits.push(rng.next() < 0.5 ? 0 : 1);
      seen++;
      if (bits.length > keepBits) bits.shift();
      return { inputs: [back(0)], rewardStep: step - lag, target: target() };
    },
  };
}
