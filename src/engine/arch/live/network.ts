/**
 * Dynamic-Live network (docs/DESIGN.md 1.2; order of operations from src/engine/testing/fixtures/README.md).
 * Neurons fire layer by layer: inputs output their input; each later layer is PRIMED (reads its sources'
 * current outputs: earlier layers give this step's values, the same or later layers the previous step's), then
 * FIRED:  y = (sum_i w_i x_i / sum_i x_i)^2  (0 when sum_i x_i = 0; options (w.x)^2, tanh, sigmoid).
 * Each neuron remembers its last M steps of (inputs, output). reinforce(r) trains each output neuron:
 *   train(n, r, D, t): for each connected source i: w_i += lr r x_i(t), then train(i, share, D-1, t_i) at once;
 *   weights that were > 0 and are now <= 0 become 0 (disconnect); if r < 0 each unconnected source reconnects
 *   with probability p at 0.05 v (connect); renormalise to sum 1 (a zero sum resets to uniform).
 * "accumulate" mode sums each (neuron, step)'s reward over all paths first and updates each once: linear cost.
 * Scalar float64 code: these networks are a few hundred neurons wired sparsely, where per-neuron tensor ops
 * would cost more in dispatch than they compute (see bench/RESULTS.md).
 */

import {
  fire,
  inputsAt,
  shares,
  normalised,
  recursionCalls,
  type LiveOptions,
  type LiveStructure,
  type Neuron,
  type RewireEvent,
} from './neuron';

export type { LiveActivation, LiveOptions, LiveStructure, RewireEvent } from './neuron';

export class LiveNetwork {
  private neurons: Neuron[];
  private index = new Map<string, number>();
  private outputs: Float64Array;
  private calls = 0;
  step = 0;

  constructor(
    readonly structure: LiveStructure,
    readonly options: LiveOptions,
    /** Uniform [0, 1) draws for rewiring, taken in (u, v) pairs: injectable so tests can script them. */
    private random: () => number,
  ) {
    structure.layers.forEach((layer) => layer.forEach((id) => this.index.set(id, this.index.size)));
    this.neurons = structure.layers.flatMap((layer, l) =>
      layer.map((id) => {
        const sources = l === 0 ? [] : (structure.sources[id] ?? []).map((s) => this.index.get(s)!);
        return {
          id,
          layer: l,
          sources,
          weights: new Float64Array(sources.length).fill(1 / Math.max(1, sources.length)),
          memSteps: new Int32Array(options.memory).fill(-1),
          memInputs: Array.from({ length: options.memory }, () => new Float64Array(sources.length)),
          memOutputs: new Float64Array(options.memory),
        };
      }),
    );
    this.outputs = new Float64Array(this.neurons.length);
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

  /** Fires the network layer by layer over `values`; with a memory slot, remembers this step there. */
  private fireAll(values: Float64Array, inputs: ArrayLike<number>, slot?: number): void {
    let k = 0;
    const scratch = new Float64Array(this.neurons.length);
    for (const [l, layer] of this.structure.layers.entries()) {
      if (l === 0) {
        for (let j = 0; j < layer.length; j++) values[k++] = inputs[j];
        continue;
      }
      const first = k;
      // Prime the whole layer before any of it fires: same-layer sources give last step's values.
      for (let j = 0; j < layer.length; j++, k++) {
        const n = this.neurons[k];
        const x = slot === undefined ? new Float64Array(n.sources.length) : n.memInputs[slot];
        for (let i = 0; i < n.sources.length; i++) x[i] = values[n.sources[i]];
        scratch[k] = fire(this.options.activation, n.weights, x);
        if (slot !== undefined) {
          n.memSteps[slot] = this.step;
          n.memOutputs[slot] = scratch[k];
        }
      }
      for (let m = first; m < k; m++) values[m] = scratch[m];
    }
  }

  /**
   * Rewards per output neuron for the outputs of step `atStep` (default: the current step; an earlier step for
   * delayed rewards, trained from memory). Returns the connect/disconnect events, in order.
   */
  reinforce(rewards: ArrayLike<number>, atStep = this.step): RewireEvent[] {
    const events: RewireEvent[] = [];
    const outputs = this.outputIds.map((id) => this.index.get(id)!);
    this.calls = 0;
    if (this.options.update === 'recursive') {
      outputs.forEach((n, j) => {
        this.train(n, rewards[j], this.options.depth, atStep, events);
        this.clampStray(rewards[j], events);
      });
    } else {
      this.accumulate(outputs, rewards, atStep, events);
    }
    return events;
  }

  /**
   * The same network with another structure (a graph edit), keeping what carries over: the step, every
   * output, and per neuron its memory and the weights of sources it keeps. A new source starts at 1/k of the
   * neuron's k sources, then the neuron renormalises; a new neuron starts uniform, with an empty memory.
   */
  restructured(structure: LiveStructure): LiveNetwork {
    const next = new LiveNetwork(structure, this.options, this.random);
    next.step = this.step;
    next.neurons.forEach((n, i) => {
      const old = this.index.get(n.id);
      if (old === undefined) return;
      const o = this.neurons[old];
      next.outputs[i] = this.outputs[old];
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
    });
    return next;
  }

  /**
   * The reference storage can leave a negative weight behind (an inner call on a shared array does not clamp
   * a weight an outer call pushed below 0, and its new array can outlive the outer one). Weights must stay
   * >= 0 and sum to 1, so anything left below 0 disconnects here. The reference vectors never reach this.
   */
  private clampStray(r: number, events: RewireEvent[]): void {
    for (const n of this.neurons) {
      if (!n.weights.some((v) => v < 0)) continue;
      n.weights.forEach((v, i) => {
        if (v >= 0) return;
        n.weights[i] = 0;
        events.push({ kind: 'disconnect', source: this.neurons[n.sources[i]].id, neuron: n.id, reward: r });
      });
      n.weights = normalised(n.weights);
    }
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

  /** Recursive mode: the train calls (past the memory check) the last reinforce made. */
  get lastReinforceCalls(): number {
    return this.calls;
  }

  /**
   * How many train calls one reward at the outputs makes in recursive mode, once the memory is full: paths of
   * length <= depth that stay within the M remembered steps (input neurons return at once and are not counted).
   */
  recursionSize(): number {
    const outputs = this.outputIds.map((id) => this.index.get(id)!);
    return recursionCalls(this.neurons, outputs, this.options.depth, this.options.memory);
  }

  private sourceStep(n: Neuron, source: number, t: number): number {
    return this.neurons[source].layer < n.layer ? t : t - 1;
  }

  /**
   * The reference implementation's storage, reproduced exactly (its test vectors depend on it): a call edits
   * the neuron's current weight array in place, so enclosing calls on the same neuron see and keep those
   * edits, and ends by pointing the neuron at a NEW normalised array, which enclosing calls no longer touch.
   * The proportional share reads w_i as it is just before its own update (tot is from the start of the call).
   */
  private train(index: number, r: number, depth: number, t: number, events: RewireEvent[]): void {
    const n = this.neurons[index];
    const x = n.layer === 0 ? undefined : inputsAt(n, t, this.options.memory);
    if (!x) return;
    this.calls++;
    const w = n.weights;
    const start = Float64Array.from(w);
    let tot = 0;
    for (let i = 0; i < w.length; i++) tot += w[i] * x[i];
    for (let i = 0; i < w.length; i++) {
      if (!(w[i] > 0)) continue;
      const share = this.options.sharing === 'equal' ? r / w.length : tot === 0 ? 0 : (r * w[i] * x[i]) / tot;
      w[i] += this.options.lr * r * x[i];
      if (depth > 1) this.train(n.sources[i], share, depth - 1, this.sourceStep(n, n.sources[i], t), events);
    }
    this.settle(n, w, start, r, events);
    n.weights = normalised(w);
  }

  private accumulate(
    outputs: number[],
    rewards: ArrayLike<number>,
    atStep: number,
    events: RewireEvent[],
  ): void {
    const key = (n: number, t: number) => `${n}@${t}`;
    const total = new Map<string, { n: number; t: number; r: number }>();
    let frontier = new Map(outputs.map((n, j) => [key(n, atStep), { n, t: atStep, r: rewards[j] }]));
    for (let d = this.options.depth; d >= 1 && frontier.size > 0; d--) {
      const next = new Map<string, { n: number; t: number; r: number }>();
      for (const [k, { n, t, r }] of frontier) {
        const neuron = this.neurons[n];
        const x = neuron.layer === 0 ? undefined : inputsAt(neuron, t, this.options.memory);
        if (!x) continue;
        const entry = total.get(k) ?? total.set(k, { n, t, r: 0 }).get(k)!;
        entry.r += r;
        if (d === 1) continue;
        const share = shares(neuron, x, r, this.options.sharing);
        neuron.sources.forEach((s, i) => {
          if (!(neuron.weights[i] > 0)) return;
          const ts = this.sourceStep(neuron, s, t);
          const e = next.get(key(s, ts)) ?? next.set(key(s, ts), { n: s, t: ts, r: 0 }).get(key(s, ts))!;
          e.r += share[i];
        });
      }
      frontier = next;
    }
    for (const { n, t, r } of total.values()) {
      const neuron = this.neurons[n];
      const x = inputsAt(neuron, t, this.options.memory)!;
      const w = neuron.weights;
      const start = Float64Array.from(w);
      for (let i = 0; i < w.length; i++) if (w[i] > 0) w[i] += this.options.lr * r * x[i];
      this.settle(neuron, w, start, r, events);
      neuron.weights = normalised(w);
    }
  }

  /** Steps 3-4 of train on w: disconnect what fell to 0, then rewire after a negative reward. */
  private settle(n: Neuron, w: Float64Array, start: Float64Array, r: number, events: RewireEvent[]): void {
    for (let i = 0; i < w.length; i++) {
      if (start[i] > 0 && w[i] <= 0) {
        w[i] = 0;
        events.push({ kind: 'disconnect', source: this.neurons[n.sources[i]].id, neuron: n.id, reward: r });
      }
    }
    if (r < 0 && this.options.pRewire > 0) {
      for (let i = 0; i < w.length; i++) {
        if (w[i] !== 0) continue;
        const u = this.random();
        const v = this.random();
        if (u < this.options.pRewire) {
          w[i] = 0.05 * v;
          events.push({ kind: 'connect', source: this.neurons[n.sources[i]].id, neuron: n.id, reward: r });
        }
      }
    }
  }
}
