/** The only door between the UI and the engine (docs/DESIGN.md section 5). Typed on both sides. */
import type {
  ComparisonArm,
  PLANE_TASKS,
  ComparisonSet,
  AdapterKind,
  BackendChoice,
  BackendName,
  ExperimentSpec,
  LiveEdit,
  TrainingState,
  WeightMap,
} from '../experiment';
import type { DataTable } from '../experiment/data';
import type { EngineEvent } from './events';
import type { Frame } from './frame';
import type { Layout } from './layout';
import type { Ping, Pong } from './heartbeat';

/**
 * One weight set by hand (clicking an edge of the graph): the `index`-th value (row-major) of the weight `name`
 * (a layout's weights[].name). The optimizer's state and the batch order stay as they are.
 */
export interface WeightEdit {
  name: string;
  index: number;
  value: number;
  /**
   * Dynamic-Live only: the neuron's whole weight list to put back (the undo of a weight set there: setting one
   * scales the neuron's others, src/engine/arch/live/handWeights.ts); `index` and `value` then name the edge.
   */
  restore?: number[];
}

/** A 2-D task's picture: its generator's points, [x1, x2, label] triples in [-6, 6]^2. */
export interface TaskPreview {
  task: (typeof PLANE_TASKS)[number];
  points: Float32Array;
}

/** UI -> engine. */
export type ToEngine =
  /**
   * carryWeights: keep every weight whose name and shape still fit, and the step (structural edits). With
   * weights, `state` (the optimizer's and the batch order's) makes training go on exactly as where they came from.
   */
  | {
      type: 'load';
      spec: ExperimentSpec;
      weights?: WeightMap;
      step?: number;
      state?: TrainingState;
      carryWeights?: boolean;
      /** Play once loaded (a setting changed while playing); a refused load leaves the engine paused. */
      play?: boolean;
      /**
       * A CSV task's table, parsed by the page (the engine never parses CSV), un-standardised (the engine does it
       * when the spec says so). Sent with every load of a CSV task; the engine refuses a CSV task without it.
       */
      userData?: DataTable;
    }
  /** Asks for the trained weights, step and training state (for a link or a file); answered by "weights". */
  | { type: 'exportWeights' }
  /** Wormhole: the sample (a point of the plane) whose solve the convergence view replays. */
  | { type: 'selectSample'; point: [number, number] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; steps: number }
  | { type: 'setSpeed'; speed: number }
  /** Puts back the weights and training state (Live: its whole state) kept at `step` (one of 'checkpoints'), paused: answered by a frame. */
  | { type: 'rewind'; step: number }
  /**
   * Trains `arms` (an A/B: the running experiment and its variant) side by side for `steps` steps, from `seeds`
   * seeds each (default 1: each arm's seed, then the next ones); without arms, the DIAN of the current spec and the
   * preset `set` (default 'baselines'). Pauses training; Play, a load or cancelCompare cancels it.
   */
  | {
      type: 'compare';
      steps: number;
      set?: ComparisonSet;
      seeds?: number;
      arms?: ComparisonArm[];
      /** The page's number for it, echoed in its progress (a late report of one before is told apart). */
      id?: number;
    }
  | { type: 'cancelCompare' }
  /** Live: a graph edit, applied to the running network at once. */
  | { type: 'edit'; edit: LiveEdit }
  /** Asks for the 2-D tasks' pictures for the task picker: answered at once by "taskPreviews". */
  | { type: 'taskPreviews' }
  /** Sets one weight of the running network (answered by a frame with maps, or an error that changes nothing). */
  | { type: 'setWeight'; edit: WeightEdit }
  /** Live: a reward from the user for the current output. */
  | { type: 'reward'; reward: number }
  /** The UI has drawn the last frame: the engine may send the next (latest wins, nothing queues up). */
  | { type: 'frameAck' }
  /** Answered by a pong at once, between work items (never queued behind them): heartbeat.ts. */
  | Ping;

/** One model's curve in a comparison, sampled every few steps. */
export interface ComparisonRun {
  label: string;
  steps: number[];
  trainLoss: number[];
  testLoss: number[];
  testAccuracy: number[];
  /** Each seed's test accuracy at the last recorded step (the curves above are their means). */
  seedAccuracies: number[];
  /** Each seed's test loss at the last recorded step. */
  seedTestLosses: number[];
  /**
   * A Dynamic-Live arm's own metrics (it has no test set: its test values are NaN, its training loss the squared
   * error), over its last 100 rewarded steps as its Output panel shows them.
   */
  live?: LiveComparisonCurves;
}

/** Accuracy (hits) and mean reward over the last 100 rewarded steps, means over the seeds; each seed's last. */
export interface LiveComparisonCurves {
  accuracy: number[];
  meanReward: number[];
  seedAccuracies: number[];
  seedMeanRewards: number[];
}

export interface ComparisonProgress {
  /** The compare message's id, if it had one. */
  id?: number;
  totalSteps: number;
  done: boolean;
  cancelled: boolean;
  /** Why the engine could not start it (Live beside non-Live arms, an invalid one): then it is cancelled, with no runs. */
  refused?: string;
  runs: ComparisonRun[];
}

/** How fast a backend trained the experiment's network when "auto" measured it. */
export interface BackendRate {
  backend: BackendName;
  stepsPerSecond: number;
}

/** Engine -> UI. */
export type FromEngine =
  | {
      type: 'ready';
      backend: BackendName;
      choice: BackendChoice;
      adapter: AdapterKind;
      adapterDescription: string;
      /** "auto": the rate of every backend it measured, fastest first (it runs on the fastest). */
      rates?: BackendRate[];
    }
  | { type: 'loaded'; layout: Layout; step: number }
  /** The same experiment with an edited graph: the history continues. */
  | { type: 'relayout'; layout: Layout }
  | { type: 'frame'; frame: Frame }
  /**
   * Pause's first answer: the step training stopped at, sent before the paused frame (which has that step, its
   * metrics and weights), so that the page shows where training stopped without waiting for the frame.
   */
  | { type: 'stopped'; step: number }
  /** The steps whose weights and training state are kept (log-spaced), for Rewind; sent when they change. */
  | { type: 'checkpoints'; steps: number[]; unavailable?: string }
  | { type: 'events'; events: EngineEvent[] }
  | { type: 'comparison'; progress: ComparisonProgress }
  /** state: absent where the architecture carries none (Live). */
  | { type: 'weights'; weights: WeightMap; step: number; state?: TrainingState }
  | { type: 'error'; message: string }
  /** A Live graph edit the engine could not make (the network is as before it): the page takes it back. */
  | { type: 'editRefused'; message: string }
  /** Each 2-D task's points from its own generator (no noise), as [x1, x2, label] triples. */
  | { type: 'taskPreviews'; previews: TaskPreview[] }
  /** A weight edit the engine refused (the network and play are as before it). */
  | { type: 'weightRefused'; message: string }
  /** A load the engine could not make while an experiment runs (that one stays, paused): the page goes back to it. */
  | { type: 'loadRefused'; message: string; running: boolean }
  | Pong;
