/** The parts of the spec every architecture shares: one table each, plus the input features (a list). */
import {
  defaultsOf,
  field,
  randomFields,
  readFields,
  readRecord,
  type RandomSource,
  type ValuesOf,
} from './fields';
import {
  ARCHITECTURES,
  BACKENDS,
  FEATURES,
  OPTIMIZERS,
  REGULARIZATIONS,
  SCHEMA_VERSION,
  SPEEDS,
  TASKS,
  type Feature,
} from './kinds';

export const COMMON_FIELDS = {
  architecture: field.oneOf({
    name: 'architecture',
    label: 'Architecture',
    options: ARCHITECTURES,
    default: 'mlp',
  }),
  seed: field.integer({ name: 'seed', label: 'Seed', min: 0, max: 2 ** 31 - 1, default: 1 }),
  backend: field.oneOf({ name: 'backend', label: 'Backend', options: BACKENDS, default: 'auto' }),
  /** Playback speed: an index into SPEEDS. */
  speed: field.integer({ name: 'speed', label: 'Speed', min: 0, max: SPEEDS.length - 1, default: 3 }),
};

export const TASK_FIELDS = {
  kind: field.oneOf({ name: 'task.kind', label: 'Task', options: TASKS, default: 'circle' }),
  /** Fraction of noise. */
  noise: field.number({ name: 'task.noise', label: 'Noise', min: 0, max: 0.5, default: 0 }),
  /** Fraction of the points used for training; the rest is the test set. */
  trainRatio: field.number({
    name: 'task.trainRatio',
    label: 'Ratio of training to test data',
    min: 0.1,
    max: 0.9,
    default: 0.5,
  }),
  /** Number of points generated in all (train + test). */
  numSamples: field.integer({
    name: 'task.numSamples',
    label: 'Number of points',
    unit: 'points',
    min: 20,
    max: 5000,
    default: 500,
  }),
  /** Sequence tasks: the window length T (parity of T bits; XOR of the first and last of T; adding over T). */
  length: field.integer({
    name: 'task.length',
    label: 'Sequence length T',
    unit: 'steps',
    min: 2,
    max: 16,
    default: 6,
  }),
};

export interface TaskSpec extends ValuesOf<typeof TASK_FIELDS> {
  /** 2-D tasks: the input features computed from each point. */
  features: Feature[];
}

export const TRAINING_FIELDS = {
  learningRate: field.number({
    name: 'learning rate',
    label: 'Learning rate',
    min: 1e-6,
    max: 1000,
    default: 0.03,
  }),
  batchSize: field.integer({
    name: 'batch size',
    label: 'Batch size',
    unit: 'points',
    min: 1,
    max: 1000,
    default: 10,
  }),
  optimizer: field.oneOf({ name: 'optimizer', label: 'Optimizer', options: OPTIMIZERS, default: 'sgd' }),
  regularization: field.oneOf({
    name: 'regularization',
    label: 'Regularization',
    options: REGULARIZATIONS,
    default: 'none',
  }),
  regularizationRate: field.number({
    name: 'regularization rate',
    label: 'Regularization rate',
    min: 0,
    max: 10,
    default: 0,
  }),
};
export type TrainingSpec = ValuesOf<typeof TRAINING_FIELDS>;

export const VIEW_FIELDS = {
  showTestData: field.boolean({ name: 'view.showTestData', label: 'Show test data', default: false }),
  discretize: field.boolean({ name: 'view.discretize', label: 'Discretize output', default: false }),
};
export type ViewSpec = ValuesOf<typeof VIEW_FIELDS>;

const DEFAULT_FEATURES: Feature[] = ['x1', 'x2'];

/** Features: a non-empty list without repeats, kept in FEATURES order (so equal sets give equal specs). */
function readFeatures(v: unknown, problems: string[]): Feature[] {
  if (v === undefined) return [...DEFAULT_FEATURES];
  const known = FEATURES as readonly unknown[];
  if (Array.isArray(v) && v.length > 0 && v.every((f) => known.includes(f)) && new Set(v).size === v.length) {
    return FEATURES.filter((f) => v.includes(f));
  }
  problems.push(`task.features: features must be a non-empty list of ${FEATURES.join(', ')}`);
  return [...DEFAULT_FEATURES];
}

function randomFeatures(rng: RandomSource): Feature[] {
  const some = FEATURES.filter(() => rng.next() < 0.4);
  return some.length > 0 ? some : [FEATURES[rng.int(FEATURES.length)]];
}

export const defaultCommon = (): CommonSpec => ({
  version: SCHEMA_VERSION,
  ...defaultsOf(COMMON_FIELDS),
  task: { ...defaultsOf(TASK_FIELDS), features: [...DEFAULT_FEATURES] },
  training: defaultsOf(TRAINING_FIELDS),
  view: defaultsOf(VIEW_FIELDS),
});

export function readCommon(raw: Record<string, unknown>, problems: string[]): CommonSpec {
  const task = readRecord(raw.task, 'task', problems);
  return {
    version: SCHEMA_VERSION,
    ...readFields(COMMON_FIELDS, raw, problems),
    task: {
      ...readFields(TASK_FIELDS, task, problems, 'task'),
      features: readFeatures(task.features, problems),
    },
    training: readFields(
      TRAINING_FIELDS,
      readRecord(raw.training, 'training', problems),
      problems,
      'training',
    ),
    view: readFields(VIEW_FIELDS, readRecord(raw.view, 'view', problems), problems, 'view'),
  };
}

export const randomCommon = (rng: RandomSource): CommonSpec => ({
  version: SCHEMA_VERSION,
  ...randomFields(COMMON_FIELDS, rng),
  task: { ...randomFields(TASK_FIELDS, rng), features: randomFeatures(rng) },
  training: randomFields(TRAINING_FIELDS, rng),
  view: randomFields(VIEW_FIELDS, rng),
});

/** What every experiment has, whatever its architecture. */
export interface CommonSpec extends ValuesOf<typeof COMMON_FIELDS> {
  version: typeof SCHEMA_VERSION;
  task: TaskSpec;
  training: TrainingSpec;
  view: ViewSpec;
}
