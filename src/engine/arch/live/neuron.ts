/** The Dynamic-Live network's neurons: their state and how one fires (network.ts has the maths). */
import type { LiveFidelity } from '../../../experiment';

export type { LiveFidelity };
export type LiveActivation = 'reference' | 'square' | 'tanh' | 'sigmoid';

export interface LiveStructure {
  /** Neuron ids in firing order; the first layer is the inputs, the last the outputs. */
  layers: string[][];
  /** Allowed sources per non-input neuron, in order. */
  sources: Record<string, string[]>;
}

export interface LiveOptions {
  lr: number;
  memory: number;
  depth: number;
  sharing: 'equal' | 'proportional';
  pRewire: number;
  activation: LiveActivation;
  update: 'recursive' | 'accumulate';
  /** Default "readme". "beta" uses only lr and depth of these (firing, memory, sharing, p are the beta code's). */
  fidelity?: LiveFidelity;
}

export interface RewireEvent {
  kind: 'connect' | 'disconnect';
  source: string;
  neuron: string;
  /** The reward the neuron received in the call that caused it. */
  reward: number;
}

export interface Neuron {
  id: string;
  layer: number;
  sources: number[];
  weights: Float64Array;
  /** Ring buffer of the last M steps: the step stored in each slot, the inputs read, the output. */
  memSteps: Int32Array;
  memInputs: Float64Array[];
  memOutputs: Float64Array;
  /** Beta: the row of the latest priming, the beta code's whole memory (truncated when the memory is integer). */
  row: Float64Array;
  /** Beta: whether the memory holds integers, fixed at the first priming (undefined before it). */
  integerMemory?: boolean;
}

export const fire = (activation: LiveActivation, w: Float64Array, x: Float64Array): number => {
  let dot = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    dot += w[i] * x[i];
    sum += x[i];
  }
  switch (activation) {
    case 'reference':
      return sum === 0 ? 0 : (dot / sum) ** 2;
    case 'square':
      return dot * dot;
    case 'tanh':
      return Math.tanh(dot);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-dot));
  }
};

/** A copy that sums to 1; a zero sum gives uniform weights. */
export function normalised(w: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i];
  return w.map((v) => (sum === 0 ? 1 / w.length : v / sum));
}

/** The inputs n read at step t, while its memory still holds that step. */
export function inputsAt(n: Neuron, t: number, memory: number): Float64Array | undefined {
  const slot = t % memory;
  return t >= 1 && n.memSteps[slot] === t ? n.memInputs[slot] : undefined;
}

/** The reward share of each source of n, from the weights and inputs before n is updated. */
export function shares(n: Neuron, x: Float64Array, r: number, sharing: LiveOptions['sharing']): number[] {
  const k = n.sources.length;
  if (sharing === 'equal') return n.sources.map(() => r / k);
  let total = 0;
  for (let i = 0; i < k; i++) total += n.weights[i] * x[i];
  return n.sources.map((_, i) => (total === 0 ? 0 : (r * n.weights[i] * x[i]) / total));
}
