/**
 * Colours of K classes and of a numeric target over the input plane. Two classes keep the TensorFlow
 * Playground's orange (class 0) and blue (class 1); more classes add Tableau-10 hues that stay apart from those
 * two. A cell is painted in the colour of its most probable class, mixed with the plane's light grey by how sure
 * the network is there: for two classes this is exactly the orange..grey..blue scale of the binary heatmap.
 */
import * as d3 from 'd3';
import { NEGATIVE, POSITIVE } from './colors';

/** The background the class colours fade into where the network cannot tell the classes apart. */
const UNSURE = d3.rgb('#e8eaeb');

export const CLASS_COLORS = [
  NEGATIVE,
  POSITIVE,
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#9c755f',
  '#ff9da7',
  '#76b7b2',
  '#edc948',
  '#4e4e4e',
] as const;

/** The colour of class c (classes past the palette's ten reuse it, darker). */
export function classColor(c: number): string {
  const base = CLASS_COLORS[c % CLASS_COLORS.length];
  const round = Math.floor(c / CLASS_COLORS.length);
  return round === 0 ? base : d3.rgb(base).darker(round).formatHex();
}

const RGB = Array.from({ length: 64 }, (_, c) => d3.rgb(classColor(c)));

/** The most probable class of cell i of a cell-major map of K probabilities, and its probability. */
export function argmaxClass(probabilities: ArrayLike<number>, k: number, cell: number): [number, number] {
  let best = 0;
  let p = probabilities[cell * k];
  for (let c = 1; c < k; c++) {
    const q = probabilities[cell * k + c];
    if (q > p) [best, p] = [c, q];
  }
  return [best, p];
}

/** How sure a cell is, 0 (every class equally likely, 1/K) to 1 (one class certain). */
export const sureness = (p: number, k: number) => Math.max(0, Math.min(1, (p - 1 / k) / (1 - 1 / k)));

/**
 * RGBA bytes of a res x res map of K class probabilities (cell-major: cell i's K values together). Discretised,
 * every cell takes its class's full colour.
 */
export function paintClasses(
  probabilities: ArrayLike<number>,
  k: number,
  res: number,
  discretize = false,
): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(res * res * 4);
  for (let i = 0; i < res * res; i++) {
    const [c, p] = argmaxClass(probabilities, k, i);
    const t = discretize ? 1 : Number.isFinite(p) ? sureness(p, k) : 0;
    const colour = RGB[c % RGB.length];
    pixels[i * 4] = UNSURE.r + (colour.r - UNSURE.r) * t;
    pixels[i * 4 + 1] = UNSURE.g + (colour.g - UNSURE.g) * t;
    pixels[i * 4 + 2] = UNSURE.b + (colour.b - UNSURE.b) * t;
    pixels[i * 4 + 3] = 255;
  }
  return pixels;
}

/** A numeric target's range, from the labels of [x1, x2, target] points (a flat range is widened by 1). */
export function targetRange(...points: Float32Array[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const data of points)
    for (let i = 2; i < data.length; i += 3) {
      if (!Number.isFinite(data[i])) continue;
      lo = Math.min(lo, data[i]);
      hi = Math.max(hi, data[i]);
    }
  if (lo > hi) return [0, 1];
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** A value of the target's range as -1..1, the diverging scale's domain (orange = low, blue = high). */
export const centreIn = ([lo, hi]: [number, number], v: number) => (2 * (v - lo)) / (hi - lo) - 1;
