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
  PLANE_VIEWS,
  SPEEDS,
  TARGET_KINDS,
  TASKS,
  isDataTask,
  type Architecture,
  type Feature,
  type TaskKind,
} from './kinds';
import { liveTakesData } from './arch/live/graph';

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
  /** Data tasks (csv): the label column's name in the file's header. */
  label: field.text({ name: 'task.label', label: 'Label column', maxLength: 200, default: '' }),
  /** Data tasks (csv): the label column read as classes, or as a numeric target (regression). */
  target: field.oneOf({
    name: 'task.target',
    label: 'The label is',
    options: TARGET_KINDS,
    default: 'classes',
  }),
  /**
   * Data tasks: each input standardised to mean 0 and standard deviation 1 over the training rows (applied to all
   * rows), and a numeric target likewise for training (reported back in its units: engine/core/dataTables.ts).
   */
  standardise: field.boolean({ name: 'task.standardise', label: 'Standardise inputs', default: true }),
  /** csv: the file's name, as the user gave it (links say it when they need the data again). */
  dataName: field.text({ name: 'task.dataName', label: 'Data file', maxLength: 200, default: '' }),
  /** csv: the rows of data used (after any skipped with the user's consent). */
  dataRows: field.integer({ name: 'task.dataRows', label: 'Rows of data', min: 0, max: 50_000, default: 0 }),
  /** csv: SHA-256 of the file's text, in hex: what a link carries instead of the data. */
  dataHash: field.text({
    name: 'task.dataHash',
    label: 'Data hash (SHA-256)',
    maxLength: 64,
    pattern: /^([0-9a-f]{64})?$/,
    patternWords: 'a SHA-256 hash (64 hex digits) or empty',
    default: '',
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
  /** Data of more than two inputs: the plane shows two chosen inputs (the others at their mean) or PCA. */
  plane: field.oneOf({
    name: 'view.plane',
    label: 'The plane shows',
    options: PLANE_VIEWS,
    default: 'inputs',
  }),
  /** The inputs (by index) on the plane's horizontal and vertical axes, when it shows inputs. */
  planeX: field.integer({ name: 'view.planeX', label: 'Horizontal axis', min: 0, max: 63, default: 0 }),
  planeY: field.integer({ name: 'view.planeY', label: 'Vertical axis', min: 0, max: 63, default: 1 }),
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

/**
 * Dynamic-Live's 2-D reward task draws the plane's points or the rows of a bundled table (iris, digits); it does
 * not take the user's CSV yet (its inputs and classes are known only with the data).
 */
export const takesDataTasks = (architecture: Architecture, kind: TaskKind = 'csv'): boolean =>
  architecture !== 'live' || liveTakesData(kind);

/** A data task under an architecture that takes none: refused (the task goes back to its default), said. */
function fitTask(common: CommonSpec, problems?: string[]): CommonSpec {
  if (!isDataTask(common.task.kind) || takesDataTasks(common.architecture, common.task.kind)) return common;
  problems?.push(
    `the Dynamic-Live network does not take your own data tables yet (task ${common.task.kind}): the task is ${TASK_FIELDS.kind.default}`,
  );
  return { ...common, task: { ...common.task, kind: TASK_FIELDS.kind.default } };
}

export function readCommon(raw: Record<string, unknown>, problems: string[]): CommonSpec {
  const task = readRecord(raw.task, 'task', problems);
  return fitTask(readCommonFields(raw, task, problems), problems);
}

function readCommonFields(
  raw: Record<string, unknown>,
  task: Record<string, unknown>,
  problems: string[],
): CommonSpec {
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

export const randomCommon = (rng: RandomSource): CommonSpec =>
  fitTask({
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
