/**
 * Dynamic-Live network (docs/DESIGN.md 1.2). Neurons fire layer by layer: inputs output their input; each
 * later layer is PRIMED (reads its sources' current outputs: earlier layers give this step's values, the same
 * or later layers the previous step's), then FIRED:  y = (sum_i w_i x_i / sum_i x_i)^2  (0 when sum_i x_i = 0;
 * options (w.x)^2, tanh, sigmoid). reinforce(r) trains each output neuron, D levels deep through its sources,
 * in one of two fidelities:
 *   "readme" (readme.ts): as the Dynamic-Live README describes; each neuron remembers its last M steps.
 *   "beta"   (beta.ts):   as the repository's beta code (commit 0a078d0) does; a memory of one row.
 * Scalar float64 code: these networks are a few hundred neurons wired sparsely, where per-neuron tensor ops
 * would cost more in dispatch than they compute (see bench/RESULTS.md).
 */

import { liveCallBound, sourcesOf } from '../../../experiment';
import { BetaTrainer, fireBeta, primeBeta } from './beta';
import { callWork, recursionWork } from './cost';
import {
  fire,
  normalised,
  type LiveOptions,
  type LiveStructure,
  type Neuron,
  type RewireEvent,
} from './neuron';
import { ReadmeTrainer } from './readme';

export type { LiveActivation, LiveFidelity, LiveOptions, LiveStructure, RewireEvent } from './neuron';

export class LiveNetwork {
  private neurons: Neuron[];
  private index = new Map<string, number>();
  private outputs: Float64Array;
  /** Beta: 1 where a neuron's output is the beta code's integer zero (never fired, or fired on sum x = 0). */
  private integerZero: Uint8Array;
  private readme: ReadmeTrainer;
  private scratch?: Float64Array;
  private zeros?: Uint8Array;
  private peekRows?: Float64Array[];
  /** The beta code's training; its onCall lets tests watch every train call. */
  readonly beta: BetaTrainer;
  step = 0;

  constructor(
    readonly structure: LiveStructure,
    readonly options: LiveOptions,
    /** Uniform [0, 1) draws for rewiring (readme: (u, v) pairs; beta: u, then v on success): injectable. */
    private random: () => number,
  ) {
    structure.layers.forEach((layer) => layer.forEach((id) => this.index.set(id, this.index.size)));
    this.neurons = structure.layers.flatMap((layer, l) =>
      layer.map((id) => {
        const sources = l === 0 ? [] : sourcesOf(structure, id).map((s) => this.index.get(s)!);
        return {
          id,
          layer: l,
          sources,
          weights: new Float64Array(sources.length).fill(1 / Math.max(1, sources.length)),
          memSteps: new Int32Array(options.memory).fill(-1),
          memInputs: Array.from({ length: options.memory }, () => new Float64Array(sources.length)),
          memOutputs: new Float64Array(options.memory),
          row: new Float64Array(sources.length),
        };
      }),
    );
    this.outputs = new Float64Array(this.neurons.length);
    this.integerZero = new Uint8Array(this.neurons.length).fill(1);
    this.readme = new ReadmeTrainer(this.neurons, options, random);
    this.beta = new BetaTrainer(this.neurons, options, random);
  }

  get fidelity() {
    return this.options.fidelity ?? 'readme';
  }

  get size(): number {
    return this.neurons.length;
  }

  /** The outputs one propagate would give for these inputs, without changing any state. */
  peek(inputs: ArrayLike<number>): number[] {
    const values = Float64Array.from(this.outputs);
    this.fireAll(values, inputs);
    return this.outputIds.map((id) => values[this.index.get(id)!]);
  }

  get inputIds(): string[] {
    return this.structure.layers[0];
  }

  get outputIds(): string[] {
    return this.structure.layers[this.structure.layers.length - 1];
  }

  weightsOf(id: string): number[] {
    return Array.from(this.neurons[this.index.get(id)!].weights);
  }

  setWeights(id: string, weights: ArrayLike<number>): void {
    this.neurons[this.index.get(id)!].weights.set(weights);
  }

  /** The current output of every neuron, in firing order. */
  values(): Float64Array {
    return this.outputs;
  }

  /** One step: inputs output their values, then each later layer primes, then fires. Returns the outputs. */
  propagate(inputs: ArrayLike<number>): number[] {
    this.step++;
    this.fireAll(this.outputs, inputs, this.step % this.options.memory);
    return this.outputIds.map((id) => this.outputs[this.index.get(id)!]);
  }

  /**
   * Fires the network layer by layer over `values`; with a memory slot (a real step, not a peek), remembers
   * this step there, and in beta mode primes each neuron's one-row memory.
   */
  private fireAll(values: Float64Array, inputs: ArrayLike<number>, slot?: number): void {
    const beta = this.fidelity === 'beta';
    const live = slot !== undefined;
    let k = 0;
    // Reused buffers (fireAll never runs inside itself): a heatmap peeks 10,000 times a frame.
    const scratch = (this.scratch ??= new Float64Array(this.neurons.length));
    const zeros = (this.zeros ??= new Uint8Array(this.neurons.length));
    const peekRows = (this.peekRows ??= this.neurons.map((n) => new Float64Array(n.sources.length)));
    for (const [l, layer] of this.structure.layers.entries()) {
      if (l === 0) {
        for (let j = 0; j < layer.length; j++, k++) {
          values[k] = inputs[j];
          if (live) this.integerZero[k] = 0;
        }
        continue;
      }
      const first = k;
      // Prime the whole layer before any of it fires: same-layer sources give last step's values.
      for (let j = 0; j < layer.length; j++, k++) {
        const n = this.neurons[k];
        const x = live ? n.memInputs[slot] : peekRows[k];
        for (let i = 0; i < n.sources.length; i++) x[i] = values[n.sources[i]];
        if (beta) {
          if (live) primeBeta(n, x, (s) => this.integerZero[s] === 1);
          const fired = fireBeta(n.weights, x);
          scratch[k] = fired.y;
          zeros[k] = fired.integerZero ? 1 : 0;
        } else {
          scratch[k] = fire(this.options.activation, n.weights, x);
        }
        if (live) {
          n.memSteps[slot] = this.step;
          n.memOutputs[slot] = scratch[k];
        }
      }
      for (let m = first; m < k; m++) {
        values[m] = scratch[m];
        if (live && beta) this.integerZero[m] = zeros[m];
      }
    }
  }

  /**
   * Rewards per output neuron for the outputs of step `atStep` (default: the current step; an earlier step for
   * delayed rewards, trained from memory; the beta code always trains on the latest inputs). Returns the
   * connect/disconnect events, in order.
   */
  reinforce(rewards: ArrayLike<number>, atStep = this.step): RewireEvent[] {
    const events: RewireEvent[] = [];
    const outputs = this.outputIds.map((id) => this.index.get(id)!);
    // An output without its reward would train with undefined and turn every weight it reaches into NaN.
    if (rewards.length !== outputs.length)
      throw new RangeError(
        `reinforce needs one reward per output neuron (${outputs.length}), not ${rewards.length}`,
      );
    if (this.fidelity === 'beta') this.beta.reinforce(outputs, rewards, events);
    else this.readme.reinforce(outputs, rewards, atStep, events);
    return events;
  }

  /** Beta: the neurons whose memory holds integers (fixed at their first priming). */
  integerMemory(): string[] {
    return this.neurons.filter((n) => n.integerMemory).map((n) => n.id);
  }

  /**
   * The same network with another structure (a graph edit), keeping what carries over: the step, every
   * output, and per neuron its memory and the weights of sources it keeps. A new source starts at 1/k of the
   * neuron's k sources, then the neuron renormalises; a new neuron starts uniform, with an empty memory (and a
   * new source reads 0 in the remembered rows). `update` may change the update mode ("auto" deciding again).
   */
  restructured(structure: LiveStructure, update = this.options.update): LiveNetwork {
    const next = new LiveNetwork(structure, { ...this.options, update }, this.random);
    next.step = this.step;
    next.neurons.forEach((n, i) => {
      const old = this.index.get(n.id);
      if (old === undefined) return;
      const o = this.neurons[old];
      next.outputs[i] = this.outputs[old];
      next.integerZero[i] = this.integerZero[old];
      if (n.layer === 0) return;
      const oldSources = o.sources.map((s) => this.neurons[s].id);
      const kept = n.sources.map((s) => oldSources.indexOf(next.neurons[s].id));
      kept.forEach((j, k) => (n.weights[k] = j >= 0 ? o.weights[j] : 1 / n.sources.length));
      n.weights = normalised(n.weights);
      n.memSteps.set(o.memSteps);
      n.memOutputs.set(o.memOutputs);
      n.memInputs.forEach((row, slot) =>
        kept.forEach((j, k) => (row[k] = j >= 0 ? o.memInputs[slot][j] : 0)),
      );
      kept.forEach((j, k) => (n.row[k] = j >= 0 ? o.row[j] : 0));
      n.integerMemory = o.integerMemory;
    });
    return next;
  }

  /**
   * A deep copy, the same structure and options and random draws: the step, every output (and the beta code's
   * integer zeros) and per neuron its weights, its M remembered steps (steps, inputs, output), the beta code's row
   * and whether it holds integers. Training the copy changes nothing here, and the reverse (Rewind keeps copies).
   * The copy draws its rewiring numbers from `random` (its session's stream).
   */
  copy(random = this.random): LiveNetwork {
    const next = new LiveNetwork(this.structure, this.options, random);
    next.step = this.step;
    next.outputs.set(this.outputs);
    next.integerZero.set(this.integerZero);
    next.neurons.forEach((n, i) => {
      const o = this.neurons[i];
      n.weights = Float64Array.from(o.weights);
      n.memSteps.set(o.memSteps);
      n.memInputs.forEach((row, slot) => row.set(o.memInputs[slot]));
      n.memOutputs.set(o.memOutputs);
      n.row.set(o.row);
      n.integerMemory = o.integerMemory;
    });
    next.readme.calls = this.readme.calls;
    next.beta.calls = this.beta.calls;
    return next;
  }

  /** The output neurons' values at a remembered step, or undefined when it is out of memory. */
  outputsAt(step: number): number[] | undefined {
    const slot = step % this.options.memory;
    const values = this.outputIds.map((id) => {
      const n = this.neurons[this.index.get(id)!];
      return n.memSteps[slot] === step ? n.memOutputs[slot] : undefined;
    });
    return values.every((v) => v !== undefined) ? (values as number[]) : undefined;
  }

  /**
   * Recursive mode: the train calls on non-input neurons (past the memory check) the last reinforce made.
   * Accumulate mode: the sources it visited (its work: at most D x min(D, M) x the connections).
   */
  get lastReinforceCalls(): number {
    return this.fidelity === 'beta' ? this.beta.calls : this.readme.calls;
  }

  /**
   * How many train calls one reward at the outputs makes in recursive mode, once the memory is full: paths of
   * length <= depth that stay within the M remembered steps (input neurons return at once and are not counted).
   * Beta: no memory cuts a path, so every path of length <= depth through allowed sources (an upper bound).
   */
  recursionSize(): number {
    if (this.fidelity === 'beta') return liveCallBound(this.structure, this.options.depth);
    return this.recursionTotals(() => 1)[this.options.depth - 1];
  }

  /**
   * README mode: the work units (src/engine/core/workBudget.ts) of one reward in recursive mode at every depth
   * 1..D (entry d - 1 for depth d), once the memory is full.
   */
  recursionWorkByDepth(): Float64Array {
    return this.recursionTotals((n) => callWork(n.sources.length));
  }

  private recursionTotals(perCall: (n: Neuron) => number): Float64Array {
    const outputs = this.outputIds.map((id) => this.index.get(id)!);
    return recursionWork(this.neurons, outputs, this.options.depth, this.options.memory, perCall);
  }
}
