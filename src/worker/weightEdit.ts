/**
 * A weight set by hand in the running session (an edge of the graph clicked and typed into). The optimizer's
 * state and the batch order are carried over the edit unchanged (momentum or Adam's moments of that weight stay
 * what they were), so the next step is the one a session built with the edited weights and that state takes.
 * A Dynamic-Live session sets it its own way: the neuron's weights keep summing to 1 (its handWeights.ts).
 */
import type { Session } from '../engine';
import { MAX_WEIGHT_MAGNITUDE } from '../experiment';
import type { WeightEdit } from '../protocol';
import type { Post } from './outbox';

/** Why the edit cannot be made, in words for the page; undefined when it can. */
function problem(
  weights: Awaited<ReturnType<Session['exportWeights']>>,
  edit: WeightEdit,
): string | undefined {
  const { name, index, value } = edit;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_WEIGHT_MAGNITUDE)
    return `a weight must be a number within ±${MAX_WEIGHT_MAGNITUDE}`;
  const w = weights[name];
  if (!w) return `this network has no weight "${String(name).slice(0, 60)}"`;
  if (!Number.isInteger(index) || index < 0 || index >= w.values.length)
    return `weight ${name} has no value ${String(index).slice(0, 20)} (it has ${w.values.length})`;
  return undefined;
}

/** Sets the weight; a refused edit changes nothing and says why (the page shows it). True when set. */
export async function setWeight(session: Session, edit: WeightEdit, post: Post): Promise<boolean> {
  const weights = await session.exportWeights();
  let refused = problem(weights, edit);
  if (!refused && session.kind === 'live') {
    try {
      session.setWeight(edit);
      return true;
    } catch (e) {
      refused = e instanceof Error ? e.message : String(e);
    }
  }
  if (!refused && edit.restore !== undefined) refused = 'only a Dynamic-Live neuron takes a list of weights';
  if (refused) {
    post({ type: 'weightRefused', message: `The weight was not changed: ${refused}.` });
    return false;
  }
  const state = await session.exportTrainingState();
  weights[edit.name].values[edit.index] = edit.value;
  session.importWeights(weights, session.step);
  if (state) await session.importTrainingState(state);
  return true;
}
