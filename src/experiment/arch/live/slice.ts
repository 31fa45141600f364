/** The Dynamic-Live network's part of the experiment spec: its graph (every edit lands here) and options. */
import { isSequenceTask, type TaskKind } from '../../kinds';
import { defaultsOf, field, randomFields, readFields, type ValuesOf } from '../../fields';
import { nameRecord } from '../../names';
import type { ArchitectureSlice } from '../../slice';
import {
  defaultLiveGraph,
  LIVE_TASKS,
  liveTakesData,
  randomLiveGraph,
  randomPositions,
  readLiveGraph,
  readPositions,
  type LiveGraph,
  type LivePositions,
  type LiveTaskKind,
} from './graph';

export const LIVE_ACTIVATIONS = ['reference', 'square', 'tanh', 'sigmoid'] as const;
export const LIVE_SHARINGS = ['equal', 'proportional'] as const;
export const LIVE_UPDATES = ['auto', 'recursive', 'accumulate'] as const;
export const LIVE_REWARDS = ['target', 'reference'] as const;
/** "readme": as the Dynamic-Live README describes; "beta": as its beta code (commit 0a078d0) does. */
export const LIVE_FIDELITIES = ['readme', 'beta'] as const;
export type LiveFidelity = (typeof LIVE_FIDELITIES)[number];

export const LIVE_FIELDS = {
  activation: field.oneOf({
    name: 'live.activation',
    label: 'Firing',
    options: LIVE_ACTIVATIONS,
    default: 'reference',
  }),
  /** How many past steps each neuron remembers (M). */
  memory: field.integer({
    name: 'live.memory',
    label: 'Memory M',
    unit: 'steps',
    min: 1,
    max: 32,
    default: 3,
  }),
  lr: field.number({ name: 'live.lr', label: 'Live learning rate', min: 0, max: 10, default: 1.5 }),
  /** Reinforcement depth D: how far rewards travel back through sources. */
  depth: field.integer({ name: 'live.depth', label: 'Depth D', unit: 'steps', min: 1, max: 20, default: 10 }),
  sharing: field.oneOf({
    name: 'live.sharing',
    label: 'Reward sharing',
    options: LIVE_SHARINGS,
    default: 'equal',
  }),
  /** "auto": recursive while the recursion stays small, else accumulate (linear cost). */
  update: field.oneOf({ name: 'live.update', label: 'Update mode', options: LIVE_UPDATES, default: 'auto' }),
  /** Probability that an unconnected allowed source reconnects after a negative reward. */
  pRewire: field.number({
    name: 'live.pRewire',
    label: 'Rewiring probability',
    min: 0,
    max: 1,
    default: 0.1,
  }),
  task: field.oneOf({
    name: 'live.task',
    label: 'Reward task',
    options: LIVE_TASKS,
    default: 'temporal-xor',
  }),
  /** Temporal XOR and recall look this many steps back; the delayed-reward task pays this late. */
  delay: field.integer({ name: 'live.delay', label: 'Delay d', unit: 'steps', min: 1, max: 16, default: 1 }),
  /** Parity of the last n bits. */
  bits: field.integer({
    name: 'live.bits',
    label: 'Parity bits n',
    unit: 'bits',
    min: 2,
    max: 8,
    default: 2,
  }),
  /** "target": 1 - 2|y - target|; "reference": the reference example's target-blind (y - 0.5) * 2. */
  reward: field.oneOf({ name: 'live.reward', label: 'Reward', options: LIVE_REWARDS, default: 'target' }),
  /** Added after schema 1: links write it only when it is not the default (link.ts), so older links keep their text. */
  fidelity: field.oneOf({
    name: 'live.fidelity',
    label: 'Fidelity',
    options: LIVE_FIDELITIES,
    default: 'readme',
  }),
};

export interface LiveSpec extends ValuesOf<typeof LIVE_FIELDS>, LiveGraph {
  positions: LivePositions;
}

export const defaultLiveSpec = (): LiveSpec => ({
  ...defaultLiveGraph(),
  positions: nameRecord([]),
  ...defaultsOf(LIVE_FIELDS),
});

/** The 2-D reward task scores the Data panel's points: a 2-D task, or a bundled table (iris, digits). */
const fitsData = (live: LiveTaskKind, data: TaskKind) =>
  live !== '2d' || (!isSequenceTask(data) && liveTakesData(data));

export const LIVE_SLICE: ArchitectureSlice<LiveSpec> = {
  name: 'Dynamic-Live network',
  fields: LIVE_FIELDS,
  defaults: defaultLiveSpec,
  read: (raw, { task }, problems) => {
    const options = readFields(LIVE_FIELDS, raw, problems, 'live');
    if (!fitsData(options.task, task.kind)) {
      problems.push('the Live 2-D reward task needs a 2-D data task');
      options.task = LIVE_FIELDS.task.default;
    }
    const graph = readLiveGraph(raw, options.task, problems, task.kind);
    return { ...graph, positions: readPositions(raw.positions, graph.layers.flat(), problems), ...options };
  },
  random: (rng, { task }) => {
    const options = randomFields(LIVE_FIELDS, rng);
    if (!fitsData(options.task, task.kind)) options.task = LIVE_FIELDS.task.default;
    const graph = randomLiveGraph(rng, options.task, task.kind);
    return { ...graph, positions: randomPositions(rng, graph.layers.flat()), ...options };
  },
};
