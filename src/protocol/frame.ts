/** One frame of a running experiment: what every architecture reports, plus its own payload (ArchFrame). */
import type { Metrics } from './metrics';
import type { FixedPointReplay, SolveFailures, SweepsRelations } from './wormhole';

export interface MlpFrame {
  kind: 'mlp';
}

export interface DianFrame {
  kind: 'dian';
  /** Mean gate value of each of the last GATE_TRACE_LENGTH training steps, the last being `step`; NaN = closed. */
  gateTrace: Float32Array;
  /** The gate value g per heatmap cell; empty when this frame carries no maps. */
  gateMap: Float32Array;
  /**
   * The extra path's neurons e_j = relu(s E + be) over the neuron maps' grid, neuron by neuron (as neuronMaps:
   * layer 2's width x neuronRes²); empty when this frame carries no neuron maps. Absent from frames made before.
   */
  extraMaps?: Float32Array;
  /** Test accuracy with the gate forced on / off. */
  testAccuracyGateOn: number;
  testAccuracyGateOff: number;
}

export interface LiveFrame {
  kind: 'live';
  /** The last rewarded steps as [input, target, output, reward] rows. */
  recent: Float32Array;
  /** Mean reward over recent steps (NaN before the first reward). */
  meanReward: number;
  /** How many steps were rewarded so far (the graph pulses the outputs when it grows). */
  rewarded?: number;
  /** The latest reward (a hand reward included), as the outputs got it: their mean. */
  lastReward?: number;
  /** How many rewirings (connects and disconnects) so far, and the step of the latest (-1: none yet). */
  rewirings?: number;
  lastRewireStep?: number;
}

export interface WormholeFrame {
  kind: 'wormhole';
  /** Sweeps each heatmap cell's solve needed; empty when this frame carries no maps. */
  iterationMap: Float32Array;
  /** How those sweeps relate to the decision boundary and to the gates; absent without maps. */
  sweepsRelations?: SweepsRelations;
  /** The selected sample's solve, sweep by sweep. */
  fixedPoint: FixedPointReplay;
  /** Training solves that did not converge so far, forward and adjoint apart. */
  failures: SolveFailures;
}

export type ArchFrame = MlpFrame | DianFrame | LiveFrame | WormholeFrame;

/** DIAN: its test accuracy with the gate forced on / off, too (as its frames carry them). */
export type DianMetrics = Metrics & Pick<DianFrame, 'testAccuracyGateOn' | 'testAccuracyGateOff'>;

/** Live: its mean reward over recent steps, too (NaN before the first reward). */
export type LiveMetrics = Metrics & Pick<LiveFrame, 'meanReward'>;

/** Everything the UI draws for one frame, as a session reports it (read from the device in one go). */
export interface Snapshot {
  step: number;
  metrics: Metrics;
  /** All weights, flattened in the layout's order. */
  weights: Float32Array;
  /**
   * The output head's map on a heatmapRes^2 grid, row 0 at the top; res 0 when this frame carries no maps. Binary:
   * P(label 1) per cell; K classes: the K softmax probabilities of each cell, cell-major (length res^2 K);
   * regression: the predicted value per cell. (Live draws a heatmap only for 2-D reward tasks of at most 200
   * neurons: the array can be empty with res > 0.)
   */
  heatmap: Float32Array;
  heatmapRes: number;
  /** The predicted class of each test row (binary and K classes; frames with maps only; not Live's). */
  testPredicted?: Float32Array;
  /**
   * Per neuron (layer order) its activation on a neuronRes^2 grid; res 0 when not new. Live: one value per
   * neuron, its output now, whatever the res.
   */
  neuronMaps: Float32Array;
  neuronRes: number;
  arch: ArchFrame;
}

/** The latest-wins snapshot the worker sends. Float32Arrays are transferred, not copied. */
export interface Frame extends Snapshot {
  playing: boolean;
  /** The answer to a rewind: a look back at a kept step (the history after it stays until training goes on). */
  rewound?: boolean;
  /** Steps per second measured over the last second of play (0 when paused). */
  stepsPerSecond: number;
}

/** The buffers of a frame, to transfer rather than copy. */
export function frameBuffers(frame: Snapshot): ArrayBuffer[] {
  const arrays = [...Object.values(frame), ...Object.values(frame.arch)];
  // Once each: postMessage refuses a transfer list that names a buffer twice (two views of one buffer).
  return [
    ...new Set(
      arrays.filter((v): v is Float32Array => v instanceof Float32Array).map((a) => a.buffer as ArrayBuffer),
    ),
  ];
}
