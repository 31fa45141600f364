/** Hidden layer widths, a list shared by the layered networks (the MLP's layers, the Wormhole's, the DIAN's two). */
import type { RandomSource } from './fields';

export const LAYER_WIDTH = { min: 1, max: 64 } as const;
export const MAX_HIDDEN_LAYERS = 8;

/** Widths from untrusted data; anything else gives a copy of the fallback, with a problem. */
/** `path`: where the widths are in the spec, which problems name. */
export function readWidths(
  v: unknown,
  fallback: readonly number[],
  problems: string[],
  path: string,
): number[] {
  const { min, max } = LAYER_WIDTH;
  const ok =
    Array.isArray(v) &&
    v.length <= MAX_HIDDEN_LAYERS &&
    v.every((w) => Number.isInteger(w) && w >= min && w <= max);
  if (ok) return [...(v as number[])];
  if (v !== undefined)
    problems.push(
      `${path}: hidden layers must be at most ${MAX_HIDDEN_LAYERS} layers of ${min} to ${max} neurons`,
    );
  return [...fallback];
}

export const randomWidths = (rng: RandomSource): number[] =>
  Array.from(
    { length: rng.int(MAX_HIDDEN_LAYERS + 1) },
    () => LAYER_WIDTH.min + rng.int(LAYER_WIDTH.max - LAYER_WIDTH.min + 1),
  );
