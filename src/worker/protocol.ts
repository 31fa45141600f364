/** The only door between the UI and the engine (DESIGN.md section 5). Typed on both sides. */
import type {
  AdapterKind,
  Architecture,
  BackendChoice,
  BackendName,
  DianSpec,
  ExperimentSpec,
  LiveEdit,
  LiveSpec,
  WeightMap,
  Wormhole,
} from '../spec';
import type { FixedPointReplay } from '../engine/wormholeSession';

export type { FixedPointReplay };

/** UI -> engine. */
export type ToEngine =
  /** carryWeights: keep every weight whose name and shape still fit, and the step (structural edits). */
  | { type: 'load'; spec: ExperimentSpec; weights?: WeightMap; step?: number; carryWeights?: boolean }
  /** Asks for the trained weights and step (for a link or a file); answered by a "weights" message. */
  | { type: 'exportWeights' }
  /** Wormhole: the sample (a point of the plane) whose solve the convergence view replays. */
  | { type: 'selectSample'; point: [number, number] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; steps: number }
  | { type: 'setSpeed'; speed: number }
  /** Runs the DIAN of the current spec next to its baselines for `steps` steps (pauses training). */
  | { type: 'compare'; steps: number }
  | { type: 'cancelCompare' }
  /** Live: a graph edit, applied to the running network at once. */
  | { type: 'edit'; edit: LiveEdit }
  /** Live: a reward from the user for the current output. */
  | { type: 'reward'; reward: number }
  /** The UI has drawn the last frame: the engine may send the next (latest wins, nothing queues up). */
  | { type: 'frameAck' };

export interface Metrics {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** DIAN: test accuracy with the gate forced on / off; NaN for other models. */
  testAccuracyGateOn: number;
  testAccuracyGateOff: number;
  /** Live: mean reward over recent steps; NaN for other models. */
  meanReward: number;
}

/** The latest-wins snapshot. Float32Arrays are transferred, not copied. */
export interface Frame {
  step: number;
  playing: boolean;
  metrics: Metrics;
  /** Steps per second measured over the last second of play (0 when paused). */
  stepsPerSecond: number;
  /** All weights, flattened in the layout's order. */
  weights: Float32Array;
  /** P(label 1) on a heatmapRes^2 grid, row 0 at the top; empty when this frame carries no new heatmap. */
  heatmap: Float32Array;
  heatmapRes: number;
  /** Per neuron (layer order) its activation on a neuronRes^2 grid; empty when not new. */
  neuronMaps: Float32Array;
  neuronRes: number;
  /** DIAN: mean gate value of each of the last training steps, the last being `step`; NaN = closed. */
  gateTrace: Float32Array;
  /** DIAN: the gate value g per heatmap cell; empty when not new. */
  gateMap: Float32Array;
  /** Live: the last rewarded steps as [input, target, output, reward] rows. */
  recent: Float32Array;
  /** Wormhole: sweeps each heatmap cell's solve needed (empty when not new). */
  iterationMap: Float32Array;
  /** Wormhole: the selected sample's solve, sweep by sweep. */
  fixedPoint?: FixedPointReplay;
}

/** What the UI needs to draw a loaded experiment. */
export interface Layout {
  architecture: Architecture;
  /** DIAN: where the extra path reads from. */
  dianSource?: DianSpec['source'];
  /** Wormhole: its backward connections. */
  wormholes?: Wormhole[];
  /** Live: the graph as it runs, and the update mode in use ("auto" resolved). */
  live?: Pick<LiveSpec, 'layers' | 'sources' | 'positions'> & { update: 'recursive' | 'accumulate' };
  /** Names of the network's inputs: 2-D features, sequence positions, or Live input neurons. */
  inputs: string[];
  /** Widths of the layers after the input: hidden layers, then the output. */
  layerWidths: number[];
  weights: { name: string; shape: number[] }[];
  /** Points as [x1, x2, label] triples. */
  train: Float32Array;
  test: Float32Array;
}

export type EngineEvent =
  | { kind: 'diverged'; step: number; restoredStep: number }
  /** Live: a connection made or removed by reinforcement, with the reward that caused it. */
  | {
      kind: 'rewire';
      change: 'connect' | 'disconnect';
      source: string;
      neuron: string;
      reward: number;
      step: number;
    }
  /** Wormhole: a training solve that stopped at maxIter or diverged (paused: training was paused). */
  | { kind: 'solve'; step: number; stop: 'tol' | 'maxIter' | 'diverged'; iterations: number; paused: boolean }
  /** Live: a reward given by the user, and the events it caused follow. */
  | { kind: 'reward'; reward: number; step: number }
  | { kind: 'backend-fallback'; wanted: BackendName; reason: string };

/** One model's curve in a comparison, sampled every few steps. */
export interface ComparisonRun {
  label: string;
  steps: number[];
  trainLoss: number[];
  testLoss: number[];
  testAccuracy: number[];
}

export interface ComparisonProgress {
  totalSteps: number;
  done: boolean;
  cancelled: boolean;
  runs: ComparisonRun[];
}

/** Engine -> UI. */
export type FromEngine =
  | {
      type: 'ready';
      backend: BackendName;
      choice: BackendChoice;
      adapter: AdapterKind;
      adapterDescription: string;
    }
  | { type: 'loaded'; layout: Layout; step: number }
  /** The same experiment with an edited graph: the history continues. */
  | { type: 'relayout'; layout: Layout }
  | { type: 'frame'; frame: Frame }
  | { type: 'events'; events: EngineEvent[] }
  | { type: 'comparison'; progress: ComparisonProgress }
  | { type: 'weights'; weights: WeightMap; step: number }
  | { type: 'error'; message: string };
