/**
 * Where the wormhole arcs go (pure, tested in node): each arc gets its own end points on its layers, spread across
 * the neuron so that no two arcs share one, and a grab picks the arc nearest the pointer.
 */
import type { Wormhole } from '../../../experiment';

export interface Point {
  x: number;
  y: number;
}

/** A layer's place in the picture: the centre of its column and the top of its highest neuron. */
export interface LayerPlace {
  x: number;
  top: number;
}

/** An arc as a cubic curve from `a` (on layer `from`) up to height `cy` and down to `b` (on layer `to`). */
export interface ArcShape {
  a: Point;
  b: Point;
  cy: number;
}

/** How far apart two arc ends on one layer sit, at most (they stay within `width` of the column's centre). */
const END_GAP = 7;

/**
 * Each arc's horizontal offset at each of its two layers. At a layer, the arcs leaving for earlier layers sit left
 * of those arriving from later ones, and longer arcs outside shorter ones, so arcs nest instead of crossing.
 */
export function endOffsets(wormholes: Wormhole[], width: number): { from: number; to: number }[] {
  const offsets = wormholes.map(() => ({ from: 0, to: 0 }));
  const layers = new Set(wormholes.flatMap((w) => [w.from, w.to]));
  for (const l of layers) {
    // [arc index, which end, the other end's layer]
    const left = wormholes
      .map((w, i) => ({ i, other: w.to, end: 'from' as const, here: w.from }))
      .filter((e) => e.here === l)
      .sort((p, q) => q.other - p.other);
    const right = wormholes
      .map((w, i) => ({ i, other: w.from, end: 'to' as const, here: w.to }))
      .filter((e) => e.here === l)
      .sort((p, q) => q.other - p.other);
    const ends = [...left, ...right];
    const gap = ends.length > 1 ? Math.min(END_GAP, width / (ends.length - 1)) : 0;
    ends.forEach((e, k) => (offsets[e.i][e.end] = (k - (ends.length - 1) / 2) * gap));
  }
  return offsets;
}

/** The arcs' shapes: longer wormholes arch higher, but never above the top of the picture. */
export function arcShapes(
  wormholes: Wormhole[],
  place: (layer: number) => LayerPlace,
  width: number,
): ArcShape[] {
  const offsets = endOffsets(wormholes, width);
  return wormholes.map((w, i) => {
    const a = place(w.from);
    const b = place(w.to);
    const cy = Math.max(4, Math.min(a.top, b.top) - 30 - 14 * (w.from - w.to));
    return {
      a: { x: a.x + offsets[i].from, y: a.top - 4 },
      b: { x: b.x + offsets[i].to, y: b.top - 4 },
      cy,
    };
  });
}

export const arcPath = ({ a, b, cy }: ArcShape) => `M${a.x},${a.y} C${a.x},${cy} ${b.x},${cy} ${b.x},${b.y}`;

/** The point of the arc's curve at t in [0, 1]. */
export function pointOnArc({ a, b, cy }: ArcShape, t: number): Point {
  const u = 1 - t;
  // Control points: a, (a.x, cy), (b.x, cy), b.
  return {
    x: u * u * u * a.x + 3 * u * u * t * a.x + 3 * u * t * t * b.x + t * t * t * b.x,
    y: u * u * u * a.y + 3 * u * u * t * cy + 3 * u * t * t * cy + t * t * t * b.y,
  };
}

/** The distance from `p` to the arc (to its curve sampled at 64 points). */
export function distanceToArc(p: Point, arc: ArcShape): number {
  let best = Infinity;
  for (let k = 0; k <= 64; k++) {
    const q = pointOnArc(arc, k / 64);
    best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
  }
  return best;
}

/** The index of the arc nearest to `p`, or -1 when none is within `within`. */
export function nearestArc(p: Point, arcs: ArcShape[], within = Infinity): number {
  let best = -1;
  let bestDistance = within;
  arcs.forEach((arc, i) => {
    const d = distanceToArc(p, arc);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}
