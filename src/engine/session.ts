/** A training session: one model, its data and optimizer, driven by steps (never by wall-clock). */
import * as tf from '@tensorflow/tfjs';
import { validateSpec, type ExperimentSpec, type GATE_POLICIES } from '../spec';
import { GateTrace } from './gateTrace';
import { LiveSession, type LiveEvent } from './liveSession';
import { SpecError } from './specError';
import { GradientSession } from './gradientSession';
import { gradientMap } from './models/namedWeights';
import { WormholeSession, type FixedPointReplay } from './wormholeSession';
import { createModel, iterationOf, trainingGate } from './models';
import type { Model, WeightMap } from './models/model';
import { createRng, deriveSeed } from './rng';
import type { Dataset } from './tasks';

export interface Metrics {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** DIAN: test accuracy with the gate forced on / off (NaN for other models). */
  testAccuracyGateOn: number;
  testAccuracyGateOff: number;
  /** Live: mean reward over recent steps (NaN for other models). */
  meanReward: number;
}

export interface SnapshotRequest {
  /** Resolution of the decision-boundary heatmap (res x res points, one batched forward pass); 0 for none. */
  heatmapRes?: number;
  /** Resolution of the per-neuron thumbnails; 0 for none. */
  neuronRes?: number;
}

/** Everything the UI draws for one frame, read from the device in one `await data()`. */
export interface Snapshot {
  step: number;
  metrics: Metrics;
  /** All weights, flattened in `weightLayout` order. */
  weights: Float32Array;
  /** P(label 1) per heatmap cell, row 0 at the top; empty when not requested. */
  heatmap: Float32Array;
  /** Per neuron (layer order), its activation per thumbnail cell; empty when not requested. */
  neuronMaps: Float32Array;
  /** DIAN: mean gate value of the last GATE_TRACE_LENGTH training steps, the last one being `step`; NaN = closed. */
  gateTrace: Float32Array;
  /** DIAN: the gate value g per heatmap cell; empty when not requested or not a DIAN. */
  gateMap: Float32Array;
  /** Live: the last rewarded steps as [input, target, output, reward] rows; empty for other models. */
  recent: Float32Array;
  /** The grid resolutions actually used, when the model chose a coarser one than requested (Wormhole). */
  heatmapRes?: number;
  neuronRes?: number;
  /** Wormhole: sweeps each heatmap cell's solve needed. */
  iterationMap?: Float32Array;
  /** Wormhole: the selected sample's solve, sweep by sweep. */
  fixedPoint?: FixedPointReplay;
}

export { SpecError };

export type GatePolicy = (typeof GATE_POLICIES)[number];

export interface Session {
  readonly spec: ExperimentSpec;
  readonly dataset: Dataset;
  readonly step: number;
  readonly layerWidths: number[];
  readonly weightLayout: { name: string; shape: number[] }[];
  /** How often, at most, maps over the plane are worth recomputing while playing (default 100 ms). */
  readonly mapIntervalMs?: number;
  train(steps: number): Promise<void>;
  /** Outputs (logits) for 2-D points [x1, x2]; DIAN: the gate as given, else as the spec's evaluation policy. */
  predict(points: number[][], options?: { gate?: 'on' | 'off' }): Promise<number[][]>;
  /** DIAN: the gate value g for each point. */
  gateValues(points: number[][]): Promise<number[]>;
  evaluate(): Promise<Metrics>;
  snapshot(request?: SnapshotRequest): Promise<Snapshot>;
  /** Gradient of the training loss per named weight; DIAN: gate as given, else as the next training step's. */
  gradients(points: number[][], labels: number[], options?: { gate?: 'on' | 'off' }): Promise<WeightMap>;
  exportWeights(): Promise<WeightMap>;
  /** Sets every named weight (and the step count, when given); refuses missing names or wrong shapes. */
  importWeights(weights: WeightMap, step?: number): void;
  /** Puts back flat weights (as a Snapshot holds them) and the step, and restarts the optimizer. */
  restore(weights: Float32Array, step: number): void;
  /** Live: one step with these inputs; returns the output neurons' values. */
  propagate(inputs: number[]): Promise<number[]>;
  /** Live: rewards per output neuron for the current step; returns the rewiring events it caused. */
  reinforce(rewards: number[]): Promise<LiveEvent[]>;
  dispose(): void;
}

export async function createSession(specInput: ExperimentSpec): Promise<Session> {
  const { spec, problems } = validateSpec(specInput);
  if (problems.length > 0) throw new SpecError(`Invalid experiment: ${problems.join('; ')}.`);
  if (spec.architecture === 'live') return new LiveSession(spec);
  await tf.ready();
  if (spec.architecture === 'wormhole') return new WormholeSession(spec);
  return new TrainingSession(spec);
}

class TrainingSession extends GradientSession implements Session {
  private model: Model;
  private gateTrace = new GateTrace();

  constructor(spec: ExperimentSpec) {
    super(spec);
    this.model = createModel(spec, this.feed.inputWidth, createRng(deriveSeed(spec.seed, 'init')));
  }

  protected get named() {
    return this.model.weights;
  }

  get layerWidths() {
    return this.model.layerWidths;
  }

  /** The gate used when not training: the spec's evaluation policy, or as given. */
  private evalGate(gate?: 'on' | 'off'): boolean {
    if (this.spec.architecture !== 'dian') return false;
    const policy = gate ?? this.spec.dian.evaluation;
    if (policy === 'parity') return trainingGate(this.spec, iterationOf(this.spec, this.step, this.dataset));
    return policy === 'on';
  }

  async train(steps: number): Promise<void> {
    const vars = this.model.weights.map((w) => w.variable);
    const isDian = this.spec.architecture === 'dian';
    for (let i = 0; i < steps; i++) {
      // Training steps are numbered from 1: the counter shows the number of the step just taken.
      const stepNumber = this.step + 1;
      const gate = trainingGate(this.spec, iterationOf(this.spec, stepNumber, this.dataset));
      const batch = this.feed.nextBatch();
      const gateMean = tf.tidy(() => {
        const { x, y } = this.feed.gather(batch);
        this.optimizer.minimize(() => this.model.loss(x, y, gate), false, vars);
        return gate && this.model.gateValues ? tf.mean(this.model.gateValues(x)) : undefined;
      });
      if (isDian) this.gateTrace.record(stepNumber, gateMean as tf.Scalar | undefined);
      this.step = stepNumber;
    }
  }

  async predict(points: number[][], options: { gate?: 'on' | 'off' } = {}): Promise<number[][]> {
    const out = tf.tidy(() => this.model.predict(this.feed.features(points), this.evalGate(options.gate)));
    const values = await out.data();
    const width = out.shape[1];
    out.dispose();
    return points.map((_, i) => Array.from(values.subarray(i * width, (i + 1) * width)));
  }

  async gateValues(points: number[][]): Promise<number[]> {
    if (!this.model.gateValues) throw new SpecError('only the Dynamic Input Activation network has a gate');
    const out = tf.tidy(() => this.model.gateValues!(this.feed.features(points)));
    const values = Array.from(await out.data());
    out.dispose();
    return values;
  }

  /** [trainLoss, testLoss, trainAcc, testAcc] (+ [testAccOn, testAccOff] for DIAN). */
  private metricsTensor(): tf.Tensor1D {
    const gate = this.evalGate();
    const of = (set: { x: tf.Tensor2D; y: tf.Tensor2D }, g: boolean) => {
      const logits = this.model.predict(set.x, g);
      const loss = tf.losses.sigmoidCrossEntropy(set.y, logits);
      const correct = tf.equal(tf.cast(tf.greater(logits, 0), 'float32'), set.y);
      return [loss, tf.mean(tf.cast(correct, 'float32'))];
    };
    const [trainLoss, trainAcc] = of(this.feed.train, gate);
    const [testLoss, testAcc] = of(this.feed.test, gate);
    const parts = [trainLoss, testLoss, trainAcc, testAcc];
    if (this.spec.architecture === 'dian')
      parts.push(of(this.feed.test, true)[1], of(this.feed.test, false)[1]);
    return tf.stack(parts) as tf.Tensor1D;
  }

  async evaluate(): Promise<Metrics> {
    return (await this.snapshot()).metrics;
  }

  async snapshot(request: SnapshotRequest = {}): Promise<Snapshot> {
    // Maps over the input plane only exist for 2-D tasks.
    const { heatmapRes = 0, neuronRes = 0 } = this.feed.isPlane ? request : {};
    const gate = this.evalGate();
    const trace = this.gateTrace.pending(this.step);
    const withGateMap = heatmapRes > 0 && this.model.gateValues !== undefined;
    const sizes: number[] = [];
    const all = tf.tidy(() => {
      const pieces: tf.Tensor1D[] = [this.metricsTensor()];
      pieces.push(...this.model.weights.map((w) => tf.reshape(w.variable, [-1]) as tf.Tensor1D));
      pieces.push(...trace.tensors.map((t) => tf.reshape(t, [1]) as tf.Tensor1D));
      if (heatmapRes > 0) {
        const grid = this.feed.grid(heatmapRes);
        pieces.push(tf.reshape(tf.sigmoid(tf.slice(this.model.predict(grid, gate), [0, 0], [-1, 1])), [-1]));
        if (withGateMap) pieces.push(tf.reshape(this.model.gateValues!(grid), [-1]));
      }
      if (neuronRes > 0) {
        const acts = this.model.activations(this.feed.grid(neuronRes), gate);
        pieces.push(...acts.map((a) => tf.reshape(tf.transpose(a), [-1]) as tf.Tensor1D));
      }
      sizes.push(...pieces.map((p) => p.size));
      return tf.concat(pieces);
    });
    const values = (await all.data()) as Float32Array;
    all.dispose();
    // Cut the one read back into its parts, in the order they were packed.
    let offset = 0;
    const take = (count: number) => values.slice(offset, (offset += count));
    const m = take(sizes[0]);
    const numWeights = this.model.weights.reduce((n, w) => n + w.variable.size, 0);
    const weights = take(numWeights);
    const gateTrace =
      this.spec.architecture === 'dian' ? trace.toTrace(take(trace.tensors.length)) : new Float32Array(0);
    const heatmap = take(heatmapRes * heatmapRes);
    const gateMap = take(withGateMap ? heatmapRes * heatmapRes : 0);
    return {
      step: this.step,
      metrics: {
        trainLoss: m[0],
        testLoss: m[1],
        trainAccuracy: m[2],
        testAccuracy: m[3],
        testAccuracyGateOn: m[4] ?? NaN,
        testAccuracyGateOff: m[5] ?? NaN,
        meanReward: NaN,
      },
      weights,
      gateTrace,
      heatmap,
      gateMap,
      neuronMaps: values.slice(offset),
      recent: new Float32Array(0),
      heatmapRes,
      neuronRes,
    };
  }

  async gradients(
    points: number[][],
    labels: number[],
    options: { gate?: 'on' | 'off' } = {},
  ): Promise<WeightMap> {
    const gate =
      options.gate !== undefined
        ? this.evalGate(options.gate)
        : trainingGate(this.spec, iterationOf(this.spec, this.step + 1, this.dataset));
    const vars = this.model.weights.map((w) => w.variable);
    const { grads } = tf.tidy(() => {
      const x = this.feed.features(points);
      const y = tf.tensor2d(labels, [labels.length, 1]);
      return tf.variableGrads(() => this.model.loss(x, y, gate), vars);
    });
    // A weight outside the graph (DIAN's extra path on an inactive iteration) has gradient zero.
    const out = await gradientMap(this.model.weights, grads);
    tf.dispose(grads);
    return out;
  }

  restore(weights: Float32Array, step: number): void {
    super.restore(weights, step);
    this.gateTrace.clear();
  }

  dispose(): void {
    super.dispose();
    this.gateTrace.clear();
  }
}
