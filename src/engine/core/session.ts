/**
 * What every session offers, whatever its architecture: train by steps (never by wall-clock), evaluate, report a
 * frame, move weights in and out. Each architecture's session adds its own capabilities (src/engine/arch/<name>)
 * and the union of them all is `Session` (src/engine/registry.ts), told apart by `kind`.
 */
import type { Architecture, ExperimentSpec, TrainingState, WeightMap } from '../../experiment';
import type { ArchLayoutOf, EngineEvent, Metrics, Snapshot, WeightShape } from '../../protocol';
import type { DataTable } from '../../experiment/data';
import type { DataFeed } from './dataFeed';
import type { Dataset } from './tasks';

/**
 * A time budget for a call of train (full speed's ticks): the call stops after the step during which `budgetMs`
 * had passed (at least one step is taken). The Wormhole honours it (a step's solves can cost far more than the
 * last ones'); the other architectures ignore it (their steps cost what the tick's plan measured).
 */
export interface TrainLimits {
  budgetMs?: number;
}

/** How a session is built (the MLP and the DIAN; the other architectures have no fused kernel). */
export interface SessionOptions {
  /**
   * true (default): a fused kernel where it runs and pays: cpu and wasm, and WebGPU on a hardware adapter.
   * 'always': also WebGPU on a software adapter (tests and the bench). false: tfjs autodiff everywhere.
   */
  fused?: boolean | 'always';
  /** The WGSL kernel uses at most this much workgroup memory (tests force its storage placement with it). */
  workgroupBytes?: number;
  /** A CSV task's table (the user's data, from the load message): the engine never parses CSV. */
  userData?: DataTable;
  /** The data to train on, instead of the spec's task (tests: tables with other heads). */
  feed?: DataFeed;
}

export interface SnapshotRequest {
  /** Resolution of the decision-boundary heatmap (res x res points, one batched forward pass); 0 for none. */
  heatmapRes?: number;
  /** Resolution of the per-neuron thumbnails; 0 for none. */
  neuronRes?: number;
}

export interface SessionBase<K extends Architecture> {
  readonly kind: K;
  readonly spec: ExperimentSpec;
  readonly dataset: Dataset;
  readonly step: number;
  /** Names of the network's inputs: 2-D features, sequence positions, or Live's input neurons. */
  readonly inputNames: string[];
  /**
   * Whether every frame has a loss: then a loss that is not finite means training diverged. (Live has none
   * before its first reward.)
   */
  readonly alwaysHasLoss: boolean;
  /** Widths of the layers after the input: hidden layers, then the output. */
  readonly layerWidths: number[];
  readonly weightLayout: WeightShape[];
  /** Trains `steps` steps; within `limits`, fewer (then `step` says how many were taken). */
  train(steps: number, limits?: TrainLimits): Promise<void>;
  evaluate(): Promise<Metrics>;
  snapshot(request?: SnapshotRequest): Promise<Snapshot>;
  /** This architecture's part of the layout the UI draws. */
  archLayout(): ArchLayoutOf<K>;
  /** What happened since the last call (rewirings, unconverged solves), in order. */
  takeEvents(): EngineEvent[];
  exportWeights(): Promise<WeightMap>;
  /** Sets every named weight (and the step count, when given); refuses missing names or wrong shapes. */
  importWeights(weights: WeightMap, step?: number): void;
  /**
   * What training goes on from beyond the weights — the optimizer's state and the batch order — so that a copy
   * (importWeights, then importTrainingState) takes the same next steps; undefined where none is carried (Live).
   */
  exportTrainingState(): Promise<TrainingState | undefined>;
  /** Puts it back after importWeights; refuses, changing nothing, a state that does not fit this session. */
  importTrainingState(state: TrainingState): Promise<void>;
  /** Puts back flat weights (as a Snapshot holds them) and the step, and restarts the optimizer. */
  restore(weights: Float32Array, step: number): void;
  dispose(): void;
}
