/**
 * Weights into a freshly built session: saved ones (a link or file, with the optimizer's state and batch order
 * when they came along), or those carried over a structural edit (a wormhole added or removed: every weight that
 * still fits, and the step) or a data task's new plane (all of them, with the optimizer's state and batch order). What does not fit is said, and the session keeps what it has.
 */
import type { Session } from '../engine';
import { checkTrained, MAX_WEIGHT_MAGNITUDE } from '../experiment';
import type { ToEngine } from '../protocol';
import type { Post } from './outbox';

type Load = Extract<ToEngine, { type: 'load' }>;

export type Carried = {
  weights: Awaited<ReturnType<Session['exportWeights']>>;
  step: number;
  state?: Awaited<ReturnType<Session['exportTrainingState']>>;
};

/**
 * What a structural edit (a wormhole added or removed) or a data task's new plane carries into the next session:
 * every weight, the step, and the optimizer's state and batch order (they fit after a plane change, so training
 * goes on as if nothing happened; after a wormhole edit they do not, and the optimizer starts afresh).
 */
export async function carryFrom(session: Session): Promise<Carried> {
  return {
    weights: await session.exportWeights(),
    step: session.step,
    state: await session.exportTrainingState(),
  };
}

/** A freshly built session put back where a saved run was (its weights, step and training state). */
export async function sessionFrom(saved: Carried, session: Session): Promise<Session> {
  session.importWeights(saved.weights, saved.step);
  if (saved.state) await session.importTrainingState(saved.state);
  return session;
}

export async function putWeights(
  session: Session,
  message: Load,
  carried: Carried | undefined,
  post: Post,
): Promise<void> {
  if (message.weights) {
    try {
      // Finite in JSON is not finite in float32 (1e39): such weights are refused, never the last good ones.
      if (!checkTrained({ step: message.step ?? 0, weights: message.weights }))
        throw new Error(
          `a weight is not a number within ±${MAX_WEIGHT_MAGNITUDE} or the step is out of range`,
        );
      session.importWeights(message.weights, message.step);
    } catch (e) {
      // Weights that do not fit this network: say so, and keep the fresh network.
      return post({
        type: 'error',
        message: `The saved weights do not fit this network: ${(e as Error).message}.`,
      });
    }
    if (!message.state) return;
    try {
      await session.importTrainingState(message.state);
    } catch (e) {
      post({
        type: 'error',
        message:
          `The saved optimizer state and batch order do not fit this network (${(e as Error).message}): ` +
          'training goes on from the weights with a fresh optimizer.',
      });
    }
  } else if (carried) {
    const fresh = await session.exportWeights();
    for (const [name, w] of Object.entries(carried.weights)) {
      if (fresh[name]?.shape.join() === w.shape.join()) fresh[name] = w;
    }
    session.importWeights(fresh, carried.step);
    // Every weight carried over (a plane changed): the optimizer and the batch order go on too. A state that no
    // longer fits (a wormhole edit changed the weights) is refused, changing nothing: a fresh optimizer.
    if (carried.state) await session.importTrainingState(carried.state).catch(() => undefined);
  }
}
