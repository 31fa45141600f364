/**
 * A Dynamic-Live session: each training step feeds the task's next input, propagates once, and reinforces
 * with the task's reward (for the step it refers to). Rewiring events are kept until the runner takes them.
 *
 * K output neurons (issue 13): on a task of K > 2 classes (the 2-D task on iris or digits) each output k gets its
 * own reward, from its own output and target (1 for the step's class, else 0; tasks.ts), in one reinforce: the
 * learning rule trains from output k only what it reaches from k. The answer is the argmax of the outputs.
 * Metrics over the last 100 rewarded steps: accuracy counts answers equal to the class; the squared error and
 * the mean reward are averaged over the outputs too (with one output, as before). The strip of recent steps shows,
 * per step, the output of the step's class (target 1) and its reward. The heatmap gives K values per cell
 * (cell-major): the outputs divided by their sum (1/K each when all are 0), so a cell's K values sum to 1.
 */
import {
  betaRecursionProblem,
  echoDelayProblem,
  liveInputsFor,
  applyLiveEdit,
  type ExperimentSpec,
  type LiveEdit,
  type WeightMap,
} from '../../../experiment';
import { answerOf, createLiveTask, rewardFor, targetsOf, type LiveTask, type LiveTaskState } from './tasks';
import { LiveNetwork, type RewireEvent } from './network';
import { createRng, deriveSeed, sourcesOf, type LiveSpec, type Rng } from '../../../experiment';
import { metricsOf, WINDOW, type Outcome } from './outcomes';
import { liveHeatmap } from './heatmap';
import type { EngineEvent, LiveFrame, LiveMetrics, Snapshot, WeightEdit } from '../../../protocol';
import { handWeights } from './handWeights';
import type { SessionBase, SessionOptions, SnapshotRequest } from '../../core/session';
import { PLANE_EXTENT } from '../../core/plane';
import type { PlaneAxes } from '../../core/dataFeed';
import { makeDataset, type Dataset } from '../../core/tasks';
import { SpecError } from '../../core/specError';
import { recursionProblem } from './budget';

/** "auto" update mode: recursive while one reward makes at most this many train calls. */
export const RECURSION_LIMIT = 20000;

export const RECENT_STEPS = 48;

export interface LiveEvent extends RewireEvent {
  step: number;
}

/**
 * Everything that decides a Live session's future, as deep copies (Rewind puts it back): the graph, the network (its
 * weights, memories, outputs, the beta code's rows), the rewiring stream's and the task stream's states, the
 * rewarded steps' window and counts. Pending events are not in it: they were reported already.
 */
export interface LiveCheckpoint {
  step: number;
  live: LiveSpec;
  network: LiveNetwork;
  rewiring: number;
  task: LiveTaskState;
  recent: Outcome[];
  counts: { rewarded: number; lastReward: number; rewirings: number; lastRewireStep: number };
}

export class LiveSession implements SessionBase<'live'> {
  readonly kind = 'live' as const;
  readonly alwaysHasLoss = false;
  /** Training uses no tfjs backend (scalar code): "auto" has nothing to measure (src/worker/autoBackend.ts). */
  readonly tensorFree = true;
  readonly dataset: Dataset;
  private network: LiveNetwork;
  private task: LiveTask;
  /** Uniform draws for rewiring (network.ts); the network draws through `draw`, so a checkpoint can put it back. */
  private rewiring!: Rng;
  private draw = () => this.rewiring.next();
  private events: LiveEvent[] = [];
  private recent: Outcome[] = [];
  /** Rewarded steps, and rewirings (with the step of the latest), since this session started. */
  private rewarded = 0;
  private lastReward = NaN;
  private rewirings = 0;
  private lastRewireStep = -1;

  constructor(
    public spec: ExperimentSpec,
    options: SessionOptions = {},
  ) {
    const echoProblem = echoDelayProblem(spec.live);
    if (echoProblem) throw new SpecError(echoProblem);
    this.task = createLiveTask(spec.live, spec.task, spec.seed, {
      view: spec.view,
      userData: options.userData,
    });
    this.dataset =
      this.task.table?.data.dataset ??
      (spec.live.task === '2d' ? makeDataset(spec.task, spec.seed) : { train: [], test: [] });
    const outputs = spec.live.layers[spec.live.layers.length - 1].length;
    const wanted = this.task.classes > 2 ? this.task.classes : 1;
    if (outputs !== wanted)
      throw new SpecError(
        `The Live network has ${outputs} output neuron(s); this task needs ${wanted} (one per class, or one for two classes).`,
      );
    this.network = this.build(spec);
  }

  /** The task's classes: head and names (binary '0', '1' for the bit streams and the 2-D tasks). */
  get classes(): string[] {
    return this.task.table?.data.table.classes ?? ['0', '1'];
  }

  /** What the plane shows: x1 and x2, or a table's two chosen inputs or principal components. */
  get planeAxes(): PlaneAxes {
    const p = this.task.table?.data.plane;
    if (!p) return { x: 'x1', y: 'x2', extent: PLANE_EXTENT };
    return { x: p.axes[0], y: p.axes[1], note: p.note, extent: p.extent };
  }

  private build(spec: ExperimentSpec): LiveNetwork {
    const live = spec.live;
    this.rewiring = createRng(deriveSeed(spec.seed, 'rewire'));
    if (live.fidelity === 'beta') {
      // The beta code's own options: reference firing, equal sharing, one recursion. Its memory is one row; the
      // ring buffer only keeps the outputs a delayed reward scores.
      const network = new LiveNetwork(
        { layers: live.layers, sources: live.sources },
        { ...live, memory: live.delay + 1, update: 'recursive', activation: 'reference', sharing: 'equal' },
        this.draw,
      );
      const problem = betaRecursionProblem(live);
      if (problem) throw new SpecError(`Refused: ${problem}.`);
      return network;
    }
    const network = new LiveNetwork(
      { layers: live.layers, sources: live.sources },
      { ...live, update: live.update === 'accumulate' ? 'accumulate' : 'recursive' },
      this.draw,
    );
    if (live.update === 'auto' && network.recursionSize() > RECURSION_LIMIT) {
      return new LiveNetwork(
        { layers: live.layers, sources: live.sources },
        { ...live, update: 'accumulate' },
        this.draw,
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
    return liveInputsFor(this.spec.live.task, this.spec.task.kind);
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
      const ys = this.network.outputsAt(rewardStep);
      if (target === undefined || ys === undefined) continue;
      // One reward per output, each from its own output and target.
      const targets = targetsOf(target, ys.length);
      const rewards = ys.map((y, k) => rewardFor(this.spec.live, y, targets[k]));
      this.record(this.network.reinforce(rewards, rewardStep));
      this.rewarded++;
      this.lastReward = rewards.reduce((a, b) => a + b, 0) / rewards.length;
      const own = ys.length === 1 ? 0 : target;
      this.recent.push({
        input: inputs[0],
        target: targets[own],
        output: ys[own],
        reward: rewards[own],
        error: ys.reduce((s, y, k) => s + (y - targets[k]) ** 2, 0) / ys.length,
        meanReward: rewards.reduce((a, b) => a + b, 0) / rewards.length,
        hit: answerOf(ys) === target,
      });
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
    this.rewarded++;
    this.lastReward = rewards.reduce((a, b) => a + b, 0) / rewards.length;
    return this.record(this.network.reinforce(rewards));
  }

  /**
   * A reward given by hand (the Reward +1 / -1 buttons) as rewards per output: all of it to the output that
   * answered (the largest of the current step's outputs), 0 to the others; the one output gets it all.
   */
  handRewards(reward: number): number[] {
    const ys = this.network.outputsAt(this.network.step) ?? this.network.outputIds.map(() => 0);
    const answer = ys.length === 1 ? 0 : answerOf(ys);
    return ys.map((_, k) => (k === answer ? reward : 0));
  }

  private record(events: RewireEvent[]): LiveEvent[] {
    const stamped = events.map((e) => ({ ...e, step: this.network.step }));
    if (stamped.length > 0) {
      this.rewirings += stamped.length;
      this.lastRewireStep = this.network.step;
    }
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

  /** A weight set by hand, or a neuron's weights put back (handWeights.ts); a SpecError says why not. */
  setWeight(edit: WeightEdit): void {
    const id = edit.name.slice('neuron/'.length);
    const weights = handWeights(id, this.network.weightsOf(id), edit, this.spec.live.fidelity === 'beta');
    if (typeof weights === 'string') throw new SpecError(weights);
    this.network.setWeights(id, weights);
  }

  async evaluate(): Promise<LiveMetrics> {
    return this.metrics();
  }

  private metrics(): LiveMetrics {
    return metricsOf(this.recent);
  }

  /** A checkpoint of this step (copies: training on changes nothing in it). */
  checkpoint(): LiveCheckpoint {
    const { rewarded, lastReward, rewirings, lastRewireStep } = this;
    return {
      step: this.step,
      live: this.spec.live,
      network: this.network.copy(),
      rewiring: this.rewiring.state(),
      task: this.task.save(),
      recent: this.recent.map((o) => ({ ...o })),
      counts: { rewarded, lastReward, rewirings, lastRewireStep },
    };
  }

  /** Puts this session back where `checkpoint` was taken (copying it again: it can be put back once more). */
  restoreCheckpoint(saved: LiveCheckpoint): void {
    // Where the neurons are drawn is not part of the run: moves made since stay.
    this.spec = { ...this.spec, live: { ...saved.live, positions: this.spec.live.positions } };
    this.network = saved.network.copy(this.draw);
    this.rewiring = createRng(saved.rewiring);
    this.task.restore(saved.task);
    this.recent = saved.recent.map((o) => ({ ...o }));
    Object.assign(this, saved.counts);
    this.events = [];
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
        ? liveHeatmap(this.network, this.task.table, heatmapRes)
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
        rewarded: this.rewarded,
        lastReward: this.lastReward,
        rewirings: this.rewirings,
        lastRewireStep: this.lastRewireStep,
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
