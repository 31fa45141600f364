/**
 * The optimizer's state out of a session and back into one, for an exact continuation (TrainingState,
 * src/experiment/trainingState.ts). Both training paths keep the same numbers, so either takes up what the other
 * left:
 *   momentum  per weight its accumulator v            (fused: slots[0]; tfjs: the optimizer's `<var>/momentum`)
 *   adam      per weight m and v; b1^t and b2^t       (fused: slots[0], slots[1], beta; tfjs: `<var>/m`, `<var>/v`,
 *                                                      and its accBeta1 and accBeta2)
 * all float32. tfjs's `setWeights` rebuilds Adam's b^t as pow(b, iterations + 1), which is not the product it
 * accumulated step by step (they differ in the last bits): the exact values are put back into accBeta1/accBeta2.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  OPTIMIZER_SLOTS,
  shortestFloat32,
  type OptimizerKind,
  type TrainingSpec,
  type TrainingState,
} from '../../experiment';
import { freshState, type OptimizerState } from './fused';
import type { NamedWeight } from './model';
import { createOptimizer } from './optimizer';
import { SpecError } from './specError';

/** tfjs's names of each slot's variables, in slot order. */
const SLOT_SUFFIXES: Record<OptimizerKind, string[]> = { sgd: [], momentum: ['momentum'], adam: ['m', 'v'] };

/** Adam's running powers of beta: private fields of tfjs 4.22's AdamOptimizer. */
function adamPowers(optimizer: tf.Optimizer): [tf.Variable, tf.Variable] {
  const { accBeta1, accBeta2 } = optimizer as unknown as { accBeta1?: tf.Variable; accBeta2?: tf.Variable };
  if (!(accBeta1 instanceof tf.Variable) || !(accBeta2 instanceof tf.Variable))
    throw new Error("tfjs's Adam optimizer no longer keeps accBeta1/accBeta2: its state cannot be read");
  return [accBeta1, accBeta2];
}

/** The state of a tfjs optimizer training `weights` (zeros for slots it has not made yet: no step taken). */
export async function readTfjsOptimizer(
  optimizer: tf.Optimizer,
  kind: OptimizerKind,
  weights: NamedWeight[],
): Promise<OptimizerState> {
  const state = freshState(
    kind,
    weights.map((w) => w.variable.size),
  );
  if (kind === 'sgd') return state;
  const saved = await optimizer.getWeights();
  // The first entry is the iteration count, a new scalar.
  saved[0].tensor.dispose();
  const byName = new Map(saved.slice(1).map((s) => [s.name, s.tensor]));
  for (const [s, suffix] of SLOT_SUFFIXES[kind].entries())
    for (const [k, { variable }] of weights.entries()) {
      const t = byName.get(`${variable.name}/${suffix}`);
      if (t) state.slots[s][k] = Float32Array.from((await t.data()) as Float32Array);
    }
  if (kind === 'adam') {
    const powers = adamPowers(optimizer);
    for (const i of [0, 1]) state.beta[i] = (await powers[i].data())[0];
  }
  return state;
}

/** A new tfjs optimizer for `training` that goes on from `state` (the caller disposes the one it replaces). */
export async function tfjsOptimizerFrom(
  training: TrainingSpec,
  weights: NamedWeight[],
  state: OptimizerState,
): Promise<tf.Optimizer> {
  const optimizer = createOptimizer(training);
  const kind = training.optimizer;
  if (kind === 'sgd') return optimizer;
  const saved = [
    { name: 'iter', tensor: tf.scalar(0, 'int32') },
    ...SLOT_SUFFIXES[kind].flatMap((suffix, s) =>
      weights.map(({ variable }, k) => ({
        name: `${variable.name}/${suffix}`,
        tensor: tf.tensor(state.slots[s][k], variable.shape),
      })),
    ),
  ];
  // The optimizer's slot variables share these tensors' data (counted references): ours can go.
  await optimizer.setWeights(saved);
  tf.dispose(saved.map((s) => s.tensor));
  if (kind === 'adam')
    adamPowers(optimizer).forEach((power, i) => tf.tidy(() => power.assign(tf.scalar(state.beta[i]))));
  return optimizer;
}

/** The optimizer's part of a TrainingState: slots by weight name, each value as its shortest float32 decimal. */
export function optimizerPart(
  kind: OptimizerKind,
  weights: NamedWeight[],
  state: OptimizerState,
): Pick<TrainingState, 'optimizer' | 'slots' | 'beta'> {
  const slots = state.slots.map((slot) =>
    Object.fromEntries(weights.map((w, k) => [w.name, Array.from(slot[k], shortestFloat32)])),
  );
  const beta: [number, number] = [shortestFloat32(state.beta[0]), shortestFloat32(state.beta[1])];
  return { optimizer: kind, slots, ...(kind === 'adam' ? { beta } : {}) };
}

/** The optimizer's state from a TrainingState; refuses one for another optimizer or other weights. */
export function optimizerFrom(
  kind: OptimizerKind,
  weights: NamedWeight[],
  saved: TrainingState,
): OptimizerState {
  if (saved.optimizer !== kind)
    throw new SpecError(`the optimizer state is for ${saved.optimizer}, not ${kind}`);
  if (saved.slots.length !== OPTIMIZER_SLOTS[kind])
    throw new SpecError(`${kind} keeps ${OPTIMIZER_SLOTS[kind]} slot(s) per weight`);
  const state = freshState(
    kind,
    weights.map((w) => w.variable.size),
  );
  saved.slots.forEach((slot, s) =>
    weights.forEach(({ name, variable }, k) => {
      const values = slot[name];
      if (!values || values.length !== variable.size || !values.every(Number.isFinite))
        throw new SpecError(`the optimizer state of ${name} must be ${variable.size} finite numbers`);
      state.slots[s][k] = Float32Array.from(values);
    }),
  );
  if (kind === 'adam') {
    const beta = saved.beta ?? [];
    if (!(beta.length === 2 && beta.every((b) => Number.isFinite(b) && b > 0 && b < 1)))
      throw new SpecError("Adam's state needs b1^t and b2^t between 0 and 1");
    state.beta = Float32Array.from(beta);
  }
  return state;
}
