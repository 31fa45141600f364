/**
 * Which wormholes can be made (pure, tested in node): a wormhole goes from a later layer back to an earlier one
 * (1 <= to < from <= L, the rule of experiment/arch/wormhole/slice.ts's wormholeProblem), at most MAX_WORMHOLES,
 * each once. The edit controls offer only these, and a refused gesture says why.
 */
import { MAX_WORMHOLES, type Wormhole } from '../../../experiment';

/** The layers a wormhole can start from: every layer after the first (L = the output layer). */
export const fromLayers = (layerCount: number): number[] =>
  Array.from({ length: Math.max(0, layerCount - 1) }, (_, i) => i + 2);

/** The layers a wormhole from `from` can go back to: the earlier ones. */
export const toLayers = (from: number): number[] =>
  Array.from({ length: Math.max(0, from - 1) }, (_, i) => i + 1);

/** Why adding the wormhole from -> to is refused, or undefined when it can be added. */
export function addRefusal(
  wormholes: Wormhole[],
  from: number,
  to: number,
  layerCount: number,
): string | undefined {
  if (to === 0) return 'A wormhole cannot go back to the inputs: drop it on a neuron of a hidden layer.';
  if (from === to)
    return `A wormhole joins two layers: drop it on a neuron of an earlier layer than ${from}.`;
  if (to > from)
    return `A wormhole goes back, from a later layer to an earlier one: layer ${to} comes after layer ${from}.`;
  if (from < 2 || from > layerCount)
    return `There is no layer ${from} to start a wormhole from (2..${layerCount}).`;
  if (to < 1) return `There is no layer ${to} to go back to.`;
  if (wormholes.some((w) => w.from === from && w.to === to))
    return `The wormhole from layer ${from} back to layer ${to} is already there.`;
  if (wormholes.length >= MAX_WORMHOLES) return `At most ${MAX_WORMHOLES} wormholes: remove one first.`;
  return undefined;
}
