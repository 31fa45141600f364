/** The experiment spec: plain, serialisable data. It is what a share link will carry. */

export const SCHEMA_VERSION = 1;

export const ARCHITECTURES = ['mlp'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;
/** The WebGPU adapter the browser offers: a real GPU, a software one (SwiftShader), or none. */
export type AdapterKind = 'hardware' | 'software' | 'none';

export const TASKS = ['circle', 'xor', 'gaussian', 'spiral'] as const;
export type TaskKind = (typeof TASKS)[number];

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
  features: Feature[];
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
  speed: number;
  view: ViewSpec;
}

/** Trained weights by name (DESIGN.md section 4): kernels are [in, out], values row-major. */
export interface WeightValues {
  shape: number[];
  values: number[];
}
export type WeightMap = Record<string, WeightValues>;
