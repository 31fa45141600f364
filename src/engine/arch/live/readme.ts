/**
 * Dynamic-Live training "as its README describes" (docs/DESIGN.md 1.2; order of operations in
 * src/engine/testing/fixtures/README.md, pinned by live-vectors.json):
 *   train(n, r, D, t): return unless step t is in n's memory; for each source i with w_i > 0:
 *     w_i += lr r x_i(t), then train(s_i, share, D-1, t_i) at once (share r/k, or proportional r w_i x_i / w.x;
 *     t_i = t for an earlier-layer source, t - 1 otherwise);
 *   weights that were > 0 and are now <= 0 become 0 (disconnect); if r < 0 each weight = 0 takes one pair
 *   (u, v) and reconnects at 0.05 v when u < p (connect); renormalise once to sum 1 (a zero sum: uniform).
 * "accumulate" sums each (neuron, step)'s reward over all paths first and updates each once: linear cost.
 */
import { inputsAt, normalised, shares, type LiveOptions, type Neuron, type RewireEvent } from './neuron';

export class ReadmeTrainer {
  /** The train calls (past the memory check) the last reinforce made; accumulate: the sources it visited. */
  calls = 0;

  constructor(
    private neurons: Neuron[],
    private options: LiveOptions,
    private random: () => number,
  ) {}

  reinforce(outputs: number[], rewards: ArrayLike<number>, atStep: number, events: RewireEvent[]): void {
    this.calls = 0;
    if (this.options.update === 'recursive') {
      outputs.forEach((n, j) => {
        this.train(n, rewards[j], this.options.depth, atStep, events);
        this.clampStray(rewards[j], events);
      });
    } else {
      this.accumulate(outputs, rewards, atStep, events);
    }
  }

  private sourceStep(n: Neuron, source: number, t: number): number {
    return this.neurons[source].layer < n.layer ? t : t - 1;
  }

  /**
   * The storage of the implementation that computed live-vectors.json, reproduced exactly (the vectors depend
   * on it): a call edits the neuron's current weight array in place, so enclosing calls on the same neuron see
   * and keep those edits, and ends by pointing the neuron at a NEW normalised array, which enclosing calls no
   * longer touch. The proportional share reads w_i as it is just before its own update (tot is from the start).
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

  /**
   * That storage can leave a negative weight behind (an inner call on a shared array does not clamp a weight
   * an outer call pushed below 0, and its new array can outlive the outer one). Weights must stay >= 0 and sum
   * to 1, so anything left below 0 disconnects here. The vectors never reach this.
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

  /**
   * Sums each (neuron, step)'s reward over all paths, level by level, then updates each once in the order the
   * pairs were first reached (the order of the rewiring draws). A pair is (neuron i, b steps back): b < D.
   */
  private accumulate(
    outputs: number[],
    rewards: ArrayLike<number>,
    atStep: number,
    events: RewireEvent[],
  ): void {
    const N = this.neurons.length;
    const pairs = N * this.options.depth;
    const total = new Float64Array(pairs);
    const reached: number[] = [];
    const inTotal = new Uint8Array(pairs);
    let frontier = new Levels(pairs);
    outputs.forEach((n, j) => frontier.add(n, rewards[j]));
    for (let d = this.options.depth; d >= 1 && frontier.order.length > 0; d--) {
      const next = new Levels(pairs);
      for (const pair of frontier.order) {
        const n = pair % N;
        const t = atStep - Math.floor(pair / N);
        const neuron = this.neurons[n];
        const x = neuron.layer === 0 ? undefined : inputsAt(neuron, t, this.options.memory);
        if (!x) continue;
        const r = frontier.reward[pair];
        if (!inTotal[pair]) {
          inTotal[pair] = 1;
          reached.push(pair);
        }
        total[pair] += r;
        if (d === 1) continue;
        const share = shares(neuron, x, r, this.options.sharing);
        this.calls += neuron.sources.length;
        neuron.sources.forEach((s, i) => {
          if (!(neuron.weights[i] > 0)) return;
          next.add((atStep - this.sourceStep(neuron, s, t)) * N + s, share[i]);
        });
      }
      frontier = next;
    }
    for (const pair of reached) {
      const neuron = this.neurons[pair % N];
      const r = total[pair];
      const x = inputsAt(neuron, atStep - Math.floor(pair / N), this.options.memory)!;
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

/** One level of the accumulation: the reward reaching each pair, and the pairs in the order first reached. */
class Levels {
  readonly reward: Float64Array;
  readonly order: number[] = [];
  private listed: Uint8Array;

  constructor(pairs: number) {
    this.reward = new Float64Array(pairs);
    this.listed = new Uint8Array(pairs);
  }

  add(pair: number, r: number): void {
    if (!this.listed[pair]) {
      this.listed[pair] = 1;
      this.order.push(pair);
    }
    this.reward[pair] += r;
  }
}
