/** The names the experiment spec is built from: schema version, architectures, backends, tasks, features. */

export const SCHEMA_VERSION = 2;

export const ARCHITECTURES = ['mlp', 'dian', 'live', 'wormhole'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;
/** The WebGPU adapter the browser offers: a real GPU, a software one (SwiftShader), or none. */
export type AdapterKind = 'hardware' | 'software' | 'none';

export const PLANE_TASKS = ['circle', 'xor', 'gaussian', 'spiral', 'moons'] as const;
/** Sequence tasks with long-term dependencies, given as windows of the sequence (docs/DESIGN.md section 2). */
export const SEQUENCE_TASKS = ['parity', 'temporal-xor', 'adding'] as const;
/**
 * Tables of data with N numeric inputs: the bundled digits and iris, and the user's own CSV (which a link names by
 * its content hash only: the page must have the data). Their inputs are the table's columns, not FEATURES.
 */
export const DATA_TASKS = ['digits', 'iris', 'csv'] as const;
export const TASKS = [...PLANE_TASKS, ...SEQUENCE_TASKS, ...DATA_TASKS] as const;
export type TaskKind = (typeof TASKS)[number];
export type DataTaskKind = (typeof DATA_TASKS)[number];

export const isSequenceTask = (kind: TaskKind): kind is (typeof SEQUENCE_TASKS)[number] =>
  (SEQUENCE_TASKS as readonly string[]).includes(kind);
export const isDataTask = (kind: TaskKind): kind is DataTaskKind =>
  (DATA_TASKS as readonly string[]).includes(kind);
/** The 2-D tasks: points of the plane, inputs computed from (x1, x2) by FEATURES. */
export const isPlaneTask = (kind: TaskKind): kind is (typeof PLANE_TASKS)[number] =>
  (PLANE_TASKS as readonly string[]).includes(kind);

/** What a CSV's label column holds: classes (text or numbers, each value one class) or a numeric target. */
export const TARGET_KINDS = ['classes', 'number'] as const;
/** What the plane shows for data of more than two inputs: two chosen inputs, or the top two principal components. */
export const PLANE_VIEWS = ['inputs', 'pca'] as const;

/** Input features, as in the TensorFlow Playground. x1 and x2 are the point's coordinates. */
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin x1', 'sin x2'] as const;
export type Feature = (typeof FEATURES)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export type Regularization = (typeof REGULARIZATIONS)[number];

/** Playback speed: index into SPEEDS. The last one is full speed. */
export const SPEEDS = [
  { label: 'slow motion', stepsPerSecond: 2 },
  { label: 'slow', stepsPerSecond: 10 },
  { label: 'medium', stepsPerSecond: 60 },
  { label: 'fast', stepsPerSecond: 600 },
  { label: 'full speed', stepsPerSecond: Infinity },
] as const;

/**
 * What the network's output is trained as: one logit with sigmoid cross-entropy (two classes, as the 2-D tasks),
 * K logits with softmax cross-entropy (K > 2 classes), or one linear output with squared error (a numeric target).
 */
export type OutputHead = { kind: 'binary' } | { kind: 'classes'; k: number } | { kind: 'regression' };

/** The head for a data set's classes: two -> binary (one logit), more -> softmax over K, none (a number) -> regression. */
export function headOf(classes: readonly string[] | null): OutputHead {
  if (classes === null) return { kind: 'regression' };
  return classes.length <= 2 ? { kind: 'binary' } : { kind: 'classes', k: classes.length };
}

/** Output units of a head: K for softmax, else 1. */
export const headUnits = (head: OutputHead): number => (head.kind === 'classes' ? head.k : 1);
