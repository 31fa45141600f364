/**
 * Dynamic-Live weights set by hand (issue 14). A Live neuron's weights sum to 1: the README's rule renormalises
 * them after every update (readme.ts), and so does the beta code (beta.ts). A weight set by hand keeps that:
 *   w_i = v, and every other weight of the neuron is scaled by (1 - v) / (sum of the others),
 * so the others keep their proportions and share what v leaves. As the README describes, weights are never
 * negative: v must lie in [0, 1] (0 leaves the connection unconnected, which a negative reward may rewire; 1 sets
 * the others to 0). As the beta code does, weights may be negative: any finite v (the worker bounds it).
 * Refused, with the reason: another value for a neuron with one source (its weight is always 1), and one whose
 * other weights sum to 0 (nothing to scale: they cannot share what v leaves) unless v = 1 (then they stay), and
 * (beta) others that nearly cancel, whose scaling would pass MAX_WEIGHT_MAGNITUDE.
 * Putting a neuron's weights back (the undo of a set weight) takes the whole list, checked the same way (README:
 * none negative) and divided by its sum, which must not be 0.
 * Nothing else changes: the step, the memories, the rewiring stream.
 */
import { MAX_WEIGHT_MAGNITUDE } from '../../../experiment';
import type { WeightEdit } from '../../../protocol';

/** The neuron's weights after the edit, or why it cannot be made. `beta`: as the beta code does. */
export function handWeights(
  id: string,
  weights: readonly number[],
  edit: WeightEdit,
  beta: boolean,
): number[] | string {
  if (edit.restore !== undefined) return putBack(id, weights.length, edit.restore, beta);
  const { index, value } = edit;
  if (!beta && !(value >= 0 && value <= 1))
    return `a Dynamic-Live weight is from 0 to 1 (the weights of ${id} sum to 1, none negative)`;
  if (weights.length === 1 && value !== 1) return `${id} has one source: its weight is always 1`;
  let others = 0;
  weights.forEach((w, j) => j !== index && (others += w));
  // Others summing to 0 stay as they are when v = 1 (the sum is 1 already); any other v is refused.
  if (others === 0 && value === 1) return weights.map((w, j) => (j === index ? 1 : w));
  if (others === 0)
    return `the other weights of ${id} sum to 0: they cannot share the rest, so this one stays ${weights[index]}`;
  const scale = (1 - value) / others;
  const next = weights.map((w, j) => (j === index ? value : w * scale));
  // Beta: others that nearly cancel (a sum of float rounding) would be scaled past any weight a link may carry.
  if (next.some((w) => !(Math.abs(w) <= MAX_WEIGHT_MAGNITUDE)))
    return `the other weights of ${id} nearly cancel: sharing the rest would make them larger than ±${MAX_WEIGHT_MAGNITUDE}`;
  return next;
}

function putBack(id: string, length: number, values: unknown, beta: boolean): number[] | string {
  if (!Array.isArray(values) || values.length !== length || !values.every((v) => Number.isFinite(v)))
    return `${id} takes ${length} finite weights`;
  const list = values as number[];
  if (!beta && list.some((v) => v < 0)) return `the weights of ${id} cannot be negative`;
  const sum = list.reduce((a, b) => a + b, 0);
  if (sum === 0) return `the weights of ${id} must not sum to 0`;
  return list.map((v) => v / sum);
}
