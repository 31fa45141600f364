/**
 * What a trained network carries beyond its weights so that training goes on exactly as it would have: the
 * optimizer's state and where the mini-batch order stands. A link or file with weights carries it (`state`);
 * the receiver's next steps then equal the sender's on cpu.
 */
import { isRecord } from './fields';
import { OPTIMIZERS, type Architecture, type OptimizerKind } from './kinds';

/** Where the mini-batch order stands (src/engine/core/dataFeed.ts). */
export interface BatchOrder {
  /** The batch RNG's 32-bit state when the current epoch's permutation of the training set was drawn. */
  rng: number;
  /** How many indices of that permutation were used. */
  cursor: number;
  /** Indices drawn but given back (a Wormhole step not taken): the next batches start with them. */
  givenBack: number[];
}

export interface TrainingState {
  /** The optimizer this state is for (the spec's). */
  optimizer: OptimizerKind;
  /**
   * Per slot (sgd: none; momentum: its accumulator; adam: the first moment m, then the second v), per weight
   * name, the slot's values in the weight's row-major order. Values are float32, each written as the shortest
   * decimal that reads back to the same float32.
   */
  slots: Record<string, number[]>[];
  /** Adam: b1^t and b2^t (float32) of its bias correction, t the number of updates so far plus one. */
  beta?: [number, number];
  batches: BatchOrder;
}

/**
 * Which architectures carry a training state. Dynamic-Live does not: its state is more than an optimizer's (every
 * neuron's memory of M steps, the task's and the rewiring's random streams), and none of it travels (README).
 */
export const CARRIES_TRAINING_STATE: Record<Architecture, boolean> = {
  mlp: true,
  dian: true,
  wormhole: true,
  live: false,
};

/** How many slots each optimizer keeps per weight. */
export const OPTIMIZER_SLOTS: Record<OptimizerKind, number> = { sgd: 0, momentum: 1, adam: 2 };

/** The shortest decimal that reads back (as float32) to this float32 value; other numbers as they are. */
export function shortestFloat32(v: number): number {
  if (!Number.isFinite(v) || Math.fround(v) !== v) return v;
  for (let digits = 1; digits < 9; digits++) {
    const s = Number(v.toPrecision(digits));
    if (Math.fround(s) === v) return s;
  }
  return Number(v.toPrecision(9));
}

/** Finite as float32: 1e39 is finite in JSON but not once the engine holds it. */
const isNumbers = (x: unknown): x is number[] =>
  Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(Math.fround(v)));
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * Untrusted state (from a link or a file) with the right types and finite numbers, or undefined. Whether it fits
 * a network (names, sizes, the training set's length) is the engine's check when it is imported.
 */
export function checkTrainingState(data: unknown): TrainingState | undefined {
  const s = data as TrainingState | undefined;
  if (s === null || typeof s !== 'object') return undefined;
  if (!OPTIMIZERS.includes(s.optimizer)) return undefined;
  const slotsOk =
    Array.isArray(s.slots) &&
    s.slots.length === OPTIMIZER_SLOTS[s.optimizer] &&
    s.slots.every((slot) => isRecord(slot) && Object.values(slot).every(isNumbers));
  const betaOk = s.optimizer === 'adam' ? isNumbers(s.beta) && s.beta.length === 2 : s.beta === undefined;
  const b = s.batches;
  const batchesOk =
    b !== null &&
    typeof b === 'object' &&
    isIndex(b.rng) &&
    b.rng < 2 ** 32 &&
    isIndex(b.cursor) &&
    Array.isArray(b.givenBack) &&
    b.givenBack.every(isIndex);
  if (!slotsOk || !betaOk || !batchesOk) return undefined;
  return {
    optimizer: s.optimizer,
    slots: s.slots,
    ...(s.beta ? { beta: [s.beta[0], s.beta[1]] } : {}),
    batches: { rng: b.rng, cursor: b.cursor, givenBack: b.givenBack },
  };
}
