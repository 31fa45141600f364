/**
 * Dynamic-Live "as the beta code does": github.com/nochinator/Dynamic-live-architecture, branch `beta`, commit
 * 0a078d0 (neuron.py, network_manager.py), as src/engine/testing/fixtures/live-beta.md describes it step by
 * step, pinned by live-beta-vectors.json. What differs from the README semantics of readme.ts:
 *   memory  one row, the latest priming: m = x of the last propagate, whatever step a reward is about. Its number
 *           type is fixed at the neuron's first priming: when every source then still outputs the integer zero
 *           (never fired, or fired with sum x = 0), every later row is stored truncated toward zero.
 *   fire    y = (sum_i w_i x_i / sum_i x_i)^2, else the integer zero when sum_i x_i = 0 (sums left to right).
 *   train(n, r, D), for i = 0 .. k-1 in order, with the weights as they are by then:
 *           if w_i > 0:  w_i += (lr r) m_i, then if D > 1 train(s_i, r / k, D - 1) at once (may come back to n)
 *           else (w_i = 0, < 0 or NaN), a rewiring pass: if r < 0, for each j with w_j = 0 now, in order,
 *              draw u; if u > 0.9 draw v and w_j = 0.05 v ("connect"; j > i is then trained later in this call)
 *           and after either branch:  w_j /= sum_j w_j  for every j (no clamping: weights can go negative; a
 *           negative sum flips every sign; a zero sum gives NaN / inf weights for good)
 *   reinforce(r) trains each output neuron in order with its reward; no step, no disconnect event, no accumulate
 *   mode, equal sharing only, p fixed at 0.1 per pass.
 */
import type { LiveOptions, Neuron, RewireEvent } from './neuron';

/** The beta code's firing: the output, and whether it is the integer zero (an input sum of exactly 0). */
export function fireBeta(w: Float64Array, x: Float64Array): { y: number; integerZero: boolean } {
  let dot = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    dot += w[i] * x[i];
    sum += x[i];
  }
  if (sum === 0) return { y: 0, integerZero: true };
  const q = dot / sum;
  return { y: q * q, integerZero: false };
}

/**
 * Writes the row n read into its one-row memory. `integerZero(i)` says whether source i outputs the integer
 * zero now; numpy makes an array of only integer zeros an integer array (an empty one is float).
 */
export function primeBeta(n: Neuron, x: Float64Array, integerZero: (source: number) => boolean): void {
  n.integerMemory ??= n.sources.length > 0 && n.sources.every(integerZero);
  // numpy casts NaN and values beyond int64 platform-dependently; Math.trunc keeps them (see README).
  for (let i = 0; i < x.length; i++) n.row[i] = n.integerMemory ? Math.trunc(x[i]) : x[i];
}

/** The beta code's reconnection rule and new weight (fixed in its source). */
export const BETA_REWIRE_ABOVE = 0.9;
export const BETA_NEW_WEIGHT = 0.05;

/** One reinforce of the beta code over a network's neurons (state lives in the neurons; see the maths above). */
export class BetaTrainer {
  calls = 0;
  /** Tests watch each train call (neuron, reward, depth), in the order entered. */
  onCall?: (id: string, reward: number, depth: number) => void;

  constructor(
    private neurons: Neuron[],
    private options: LiveOptions,
    private random: () => number,
  ) {}

  reinforce(outputs: number[], rewards: ArrayLike<number>, events: RewireEvent[]): void {
    this.calls = 0;
    outputs.forEach((n, j) => this.train(n, rewards[j], this.options.depth, events));
  }

  private train(index: number, r: number, depth: number, events: RewireEvent[]): void {
    const n = this.neurons[index];
    if (n.layer === 0) return;
    this.calls++;
    this.onCall?.(n.id, r, depth);
    const w = n.weights;
    const m = n.row;
    const k = w.length;
    for (let i = 0; i < k; i++) {
      if (w[i] > 0) {
        w[i] += this.options.lr * r * m[i];
        if (depth > 1) this.train(n.sources[i], r / k, depth - 1, events);
      } else if (r < 0) {
        this.rewiringPass(n, r, events);
      }
      let total = 0;
      for (let j = 0; j < k; j++) total += w[j];
      for (let j = 0; j < k; j++) w[j] = w[j] / total;
    }
  }

  /** One u per weight that is exactly 0 now (in order); v only after a successful u. */
  private rewiringPass(n: Neuron, r: number, events: RewireEvent[]): void {
    const w = n.weights;
    const zero: number[] = [];
    for (let j = 0; j < w.length; j++) if (w[j] === 0) zero.push(j);
    for (const j of zero) {
      if (!(this.random() > BETA_REWIRE_ABOVE)) continue;
      w[j] = BETA_NEW_WEIGHT * this.random();
      events.push({ kind: 'connect', source: this.neurons[n.sources[j]].id, neuron: n.id, reward: r });
    }
  }
}
