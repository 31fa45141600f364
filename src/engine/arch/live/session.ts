/**
 * A Dynamic-Live session: each training step feeds the task's next input, propagates once, and reinforces
 * with the task's reward (for the step it refers to). Rewiring events are kept until the runner takes them.
 */
import {
  betaRecursionProblem,
  liveInputsFor,
  applyLiveEdit,
  gridCoords,
  type ExperimentSpec,
  type LiveEdit,
  type WeightMap,
} from '../../../experiment';
import { createLiveTask, rewardFor, type LiveTask } from './tasks';
import { LiveNetwork, type RewireEvent } from './network';
import { createRng, deriveSeed, sourcesOf } from '../../../experiment';
import type { EngineEvent, LiveFrame, LiveMetrics, Snapshot } from '../../../protocol';
import type { SessionBase, SnapshotRequest } from '../../core/session';
import { makeDataset, type Dataset } from '../../core/tasks';
import { SpecError } from '../../core/specError';
import { recursionProblem } from './budget';

/** "auto" update mode: recursive while one reward makes at most this many train calls. */
export const RECURSION_LIMIT = 20000;

/** Metrics are over this many recent rewarded steps. */
const WINDOW = 100;
export const RECENT_STEPS = 48;

export interface LiveEvent extends RewireEvent {
  step: number;
}

interface Outcome {
  input: number;
  target: number;
  output: number;
  reward: number;
}

export class LiveSession implements SessionBase<'live'> {
  readonly kind = 'live' as const;
  readonly alwaysHasLoss = false;
  /** Training uses no tfjs backend (scalar code): "auto" has nothing to measure (src/worker/autoBackend.ts). */
  readonly tensorFree = true;
  readonly dataset: Dataset;
  private network: LiveNetwork;
  private task: LiveTask;
  private events: LiveEvent[] = [];
  private recent: Outcome[] = [];

  constructor(public spec: ExperimentSpec) {
    this.dataset = spec.live.task === '2d' ? makeDataset(spec.task, spec.seed) : { train: [], test: [] };
    this.task = createLiveTask(spec.live, spec.task, spec.seed);
    this.network = this.build(spec);
  }

  private build(spec: ExperimentSpec): LiveNetwork {
    const live = spec.live;
    const rng = createRng(deriveSeed(spec.seed, 'rewire'));
    if (live.fidelity === 'beta') {
      // The beta code's own options: reference firing, equal sharing, one recursion. Its memory is one row; the
      // ring buffer only keeps the outputs a delayed reward scores.
      const network = new LiveNetwork(
        { layers: live.layers, sources: live.sources },
        { ...live, memory: live.delay + 1, update: 'recursive', activation: 'reference', sharing: 'equal' },
        rng.next,
      );
      const problem = betaRecursionProblem(live);
      if (problem) throw new SpecError(`Refused: ${problem}.`);
      return network;
    }
    const network = new LiveNetwork(
      { layers: live.layers, sources: live.sources },
      { ...live, update: live.update === 'accumulate' ? 'accumulate' : 'recursive' },
      rng.next,
    );
    if (live.update === 'auto' && network.recursionSize() > RECURSION_LIMIT) {
      return new LiveNetwork(
        { layers: live.layers, sources: live.sources },
        { ...live, update: 'accumulate' },
        rng.next,
      );
    }
    const problem = recursionProblem(network);
    if (problem) throw new SpecError(problem);
    return network;
  }

  get step() {
    return this.network.step;
  }

  /** The update mode in use ("auto" resolved). */
  get updateMode() {
    return this.network.options.update;
  }

  get inputNames() {
    return liveInputsFor(this.spec.live.task);
  }

  get layerWidths() {
    return this.spec.live.layers.slice(1).map((l) => l.length);
  }

  get weightLayout() {
    return this.spec.live.layers
      .slice(1)
      .flat()
      .map((id) => ({ name: `neuron/${id}`, shape: [sourcesOf(this.spec.live, id).length] }));
  }

  async train(steps: number): Promise<void> {
    for (let i = 0; i < steps; i++) {
      const { inputs, rewardStep, target } = this.task.next(this.network.step + 1);
      this.network.propagate(inputs);
      const y = this.network.outputsAt(rewardStep)?.[0];
      if (target === undefined || y === undefined) continue;
      const reward = rewardFor(this.spec.live, y, target);
      this.record(this.network.reinforce([reward], rewardStep));
      this.recent.push({ input: inputs[0], target, output: y, reward });
      if (this.recent.length > WINDOW) this.recent.shift();
    }
  }

  async propagate(inputs: number[]): Promise<number[]> {
    if (inputs.length !== this.network.inputIds.length || !inputs.every(Number.isFinite))
      throw new SpecError(`propagate needs ${this.network.inputIds.length} finite input value(s)`);
    return this.network.propagate(inputs);
  }

  async reinforce(rewards: number[]): Promise<LiveEvent[]> {
    if (rewards.length !== this.network.outputIds.length || !rewards.every((r) => r >= -1 && r <= 1))
      throw new SpecError(`reinforce needs ${this.network.outputIds.length} reward(s) from -1 to 1`);
    return this.record(this.network.reinforce(rewards));
  }

  private record(events: RewireEvent[]): LiveEvent[] {
    const stamped = events.map((e) => ({ ...e, step: this.network.step }));
    this.events.push(...stamped);
    return stamped;
  }

  /** Rewiring events since the last call, in order. */
  takeEvents(): EngineEvent[] {
    return this.events.splice(0).map(rewireEvent);
  }

  archLayout() {
    const { layers, sources, positions } = this.spec.live;
    return { kind: 'live' as const, layers, sources, positions, update: this.updateMode };
  }

  /** Applies a graph edit to the running network; throws SpecError with the reason when it is refused. */
  edit(edit: LiveEdit): void {
    const result = applyLiveEdit(this.spec.live, edit);
    if (result.error) throw new SpecError(result.error);
    const live = result.live!;
    let network = this.network.restructured({ layers: live.layers, sources: live.sources });
    // "auto" decides again for the edited graph; a recursion chosen by hand must still fit the budget.
    if (live.update === 'auto' && live.fidelity !== 'beta') {
      const update = network.recursionSize() > RECURSION_LIMIT ? 'accumulate' : 'recursive';
      network = this.network.restructured({ layers: live.layers, sources: live.sources }, update);
    }
    const problem = recursionProblem(network);
    if (problem) throw new SpecError(problem);
    this.spec = { ...this.spec, live };
    this.network = network;
  }

  async evaluate(): Promise<LiveMetrics> {
    return this.metrics();
  }

  private metrics(): LiveMetrics {
    const n = this.recent.length;
    const mean = (f: (o: Outcome) => number) =>
      n === 0 ? NaN : this.recent.reduce((s, o) => s + f(o), 0) / n;
    return {
      trainLoss: mean((o) => (o.output - o.target) ** 2),
      trainAccuracy: mean((o) => Number((o.output > 0.5 ? 1 : 0) === o.target)),
      testLoss: NaN,
      testAccuracy: NaN,
      meanReward: mean((o) => o.reward),
    };
  }

  async snapshot({ heatmapRes = 0, neuronRes = 0 }: SnapshotRequest = {}): Promise<
    Snapshot & { arch: LiveFrame }
  > {
    const weights = Float32Array.from(
      this.spec.live.layers
        .slice(1)
        .flat()
        .flatMap((id) => this.network.weightsOf(id)),
    );
    const heatmap =
      heatmapRes > 0 && this.spec.live.task === '2d' && this.network.size <= 200
        ? Float32Array.from(
            gridCoords(heatmapRes),
            ([a, b]) => this.network.peek([(a + 6) / 12, (b + 6) / 12])[0],
          )
        : new Float32Array(0);
    const recent = this.recent.slice(-RECENT_STEPS);
    const { meanReward, ...metrics } = this.metrics();
    return {
      step: this.network.step,
      metrics,
      weights,
      heatmap,
      heatmapRes,
      // One value per neuron: its output now.
      neuronMaps: Float32Array.from(this.network.values()),
      neuronRes,
      arch: {
        kind: 'live',
        meanReward,
        recent: Float32Array.from(recent.flatMap((o) => [o.input, o.target, o.output, o.reward])),
      },
    };
  }

  async exportWeights(): Promise<WeightMap> {
    const out: WeightMap = {};
    for (const { name, shape } of this.weightLayout) {
      out[name] = { shape, values: this.network.weightsOf(name.slice('neuron/'.length)) };
    }
    return out;
  }

  importWeights(weights: WeightMap, step?: number): void {
    // The beta code's weights can be negative; the README's never are.
    const beta = this.spec.live.fidelity === 'beta';
    for (const { name, shape } of this.weightLayout) {
      const w = weights[name];
      if (
        !w ||
        w.values.length !== shape[0] ||
        !w.values.every((v) => Number.isFinite(v) && (beta || v >= 0))
      )
        throw new SpecError(`weight ${name} must be ${shape[0]} ${beta ? 'finite' : 'non-negative'} numbers`);
    }
    for (const { name } of this.weightLayout)
      this.network.setWeights(name.slice('neuron/'.length), weights[name].values);
    if (step !== undefined) this.network.step = Math.max(0, Math.floor(step));
  }

  /** None is carried: a copy starts with empty memories and fresh task and rewiring streams (README). */
  async exportTrainingState(): Promise<undefined> {
    return undefined;
  }

  async importTrainingState(): Promise<void> {
    throw new SpecError('a Dynamic-Live network carries no training state');
  }

  restore(weights: Float32Array, step: number): void {
    let offset = 0;
    for (const { name, shape } of this.weightLayout) {
      this.network.setWeights(name.slice('neuron/'.length), weights.subarray(offset, offset + shape[0]));
      offset += shape[0];
    }
    this.network.step = step;
  }

  dispose(): void {
    this.events = [];
  }
}

const rewireEvent = (e: LiveEvent): EngineEvent => ({
  kind: 'rewire',
  change: e.kind,
  source: e.source,
  neuron: e.neuron,
  reward: e.reward,
  step: e.step,
});
