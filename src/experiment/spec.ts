/** The experiment spec: plain, serialisable data. It is what a share link will carry. */

export const SCHEMA_VERSION = 1;

import type { LiveSpec } from './arch/live/slice';
import type { WormholeSpec } from './arch/wormhole/slice';

export const ARCHITECTURES = ['mlp', 'dian', 'live', 'wormhole'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;
/** The WebGPU adapter the browser offers: a real GPU, a software one (SwiftShader), or none. */
export type AdapterKind = 'hardware' | 'software' | 'none';

export const PLANE_TASKS = ['circle', 'xor', 'gaussian', 'spiral'] as const;
/** Sequence tasks with long-term dependencies, given as windows of the sequence (docs/DESIGN.md section 2). */
export const SEQUENCE_TASKS = ['parity', 'temporal-xor', 'adding'] as const;
export const TASKS = [...PLANE_TASKS, ...SEQUENCE_TASKS] as const;
export type TaskKind = (typeof TASKS)[number];

export const isSequenceTask = (kind: TaskKind): kind is (typeof SEQUENCE_TASKS)[number] =>
  (SEQUENCE_TASKS as readonly string[]).includes(kind);

/** Input features, as in the TensorFlow Playground. x1 and x2 are the point's coordinates. */
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2', 'sin x1', 'sin x2'] as const;
export type Feature = (typeof FEATURES)[number];

export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export type Regularization = (typeof REGULARIZATIONS)[number];

export interface TaskSpec {
  kind: TaskKind;
  /** Fraction of noise, 0..0.5. */
  noise: number;
  /** Fraction of the points used for training, 0.1..0.9; the rest is the test set. */
  trainRatio: number;
  /** Number of points generated in all (train + test). */
  numSamples: number;
  /** 2-D tasks: the input features computed from each point. */
  features: Feature[];
  /** Sequence tasks: the window length T (parity of T bits; XOR of the first and last of T; adding over T). */
  length: number;
}

export interface TrainingSpec {
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerKind;
  regularization: Regularization;
  regularizationRate: number;
}

export interface MlpSpec {
  /** Widths of the hidden layers, input to output. The output layer (1 logit) is implied. */
  hiddenLayers: number[];
  activation: Activation;
}

export const DIAN_SOURCES = ['x', 'h1'] as const;
export const DIAN_ITERATIONS = ['step', 'epoch'] as const;
export const DIAN_SCHEDULES = ['periodic', 'always', 'never'] as const;
export const FINAL_ACTIVATIONS = ['none', 'relu'] as const;
export const GATE_POLICIES = ['on', 'off', 'parity'] as const;
export type GatePolicy = (typeof GATE_POLICIES)[number];

/** Dynamic Input Activation network (docs/DESIGN.md 1.1): relu layers 1 and 2, a gated extra input into layer 3. */
export interface DianSpec {
  layer1: number;
  layer2: number;
  /** The extra path is active on iterations t with t mod period == 0. */
  period: number;
  /** What counts as an iteration t: the training step (1, 2, ...) or the epoch the step belongs to. */
  iteration: (typeof DIAN_ITERATIONS)[number];
  /** Where the extra path reads from: the input x or layer 1's output. */
  source: (typeof DIAN_SOURCES)[number];
  /** On the output: none (a logit, the default) or relu as in the reference code. */
  finalActivation: (typeof FINAL_ACTIVATIONS)[number];
  /** How the gate is used when not training (heatmap, test metrics): forced on, forced off, or by step parity. */
  evaluation: (typeof GATE_POLICIES)[number];
  /** Ablations: the published periodic schedule, the gate active on every step, or never. */
  schedule: (typeof DIAN_SCHEDULES)[number];
}

/** Playback speed: index into SPEEDS. The last one is full speed. */
export const SPEEDS = [
  { label: 'slow motion', stepsPerSecond: 2 },
  { label: 'slow', stepsPerSecond: 10 },
  { label: 'medium', stepsPerSecond: 60 },
  { label: 'fast', stepsPerSecond: 600 },
  { label: 'full speed', stepsPerSecond: Infinity },
] as const;

export interface ViewSpec {
  showTestData: boolean;
  discretize: boolean;
}

export interface ExperimentSpec {
  version: typeof SCHEMA_VERSION;
  architecture: Architecture;
  seed: number;
  backend: BackendChoice;
  task: TaskSpec;
  training: TrainingSpec;
  mlp: MlpSpec;
  dian: DianSpec;
  live: LiveSpec;
  wormhole: WormholeSpec;
  speed: number;
  view: ViewSpec;
}

/** Trained weights by name (docs/DESIGN.md section 4): kernels are [in, out], values row-major. */
export interface WeightValues {
  shape: number[];
  values: number[];
}
export type WeightMap = Record<string, WeightValues>;
