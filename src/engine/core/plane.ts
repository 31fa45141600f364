/**
 * The plane of a data task with N inputs: which 2-D slice of input space the heatmap and the points show. Either
 * way an input row for plane coordinates (gx, gy) is  x = origin + gx u + gy v,  and a row's coordinates are
 * ((x - origin) . u, (x - origin) . v):
 *   inputs  u = e_i, v = e_j (the chosen inputs), origin = the training means with origin_i = origin_j = 0: the
 *           other inputs held at their mean
 *   pca     u, v = the top two principal components of the training inputs (unit eigenvectors of their
 *           covariance, by power iteration with deflation), origin = the training means
 * The extent is the range of the coordinates of all rows (train and test), padded by 5% (a range of 0 by 1).
 * A table of one input has no second axis: v = 0.
 */
import { INPUT_DOMAIN, type ViewSpec } from '../../experiment';

export interface PlaneExtent {
  x: [number, number];
  y: [number, number];
}
export interface PlaneProjection {
  /** The axes' names: two inputs, or 'PC1' / 'PC2'. */
  axes: [string, string];
  /** What the plane shows, for the UI to say ("other inputs held at their mean"). */
  note?: string;
  origin: Float64Array;
  u: Float64Array;
  v: Float64Array;
  extent: PlaneExtent;
}

/** The 2-D tasks' plane: [-6, 6]^2. */
export const PLANE_EXTENT: PlaneExtent = {
  x: [-INPUT_DOMAIN, INPUT_DOMAIN],
  y: [-INPUT_DOMAIN, INPUT_DOMAIN],
};

export function featureMeans(x: Float32Array, d: number): Float64Array {
  const n = x.length / d;
  const means = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) means[j] += x[r * d + j] / n;
  return means;
}

/** The covariance matrix (divided by n) of row-major rows of width d, d x d row-major. */
export function covariance(x: Float32Array, d: number, means: Float64Array): Float64Array {
  const n = x.length / d;
  const c = new Float64Array(d * d);
  for (let r = 0; r < n; r++)
    for (let i = 0; i < d; i++) {
      const a = x[r * d + i] - means[i];
      for (let j = i; j < d; j++) c[i * d + j] += (a * (x[r * d + j] - means[j])) / n;
    }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) c[i * d + j] = c[j * d + i];
  return c;
}

/** The top k unit eigenvectors of a symmetric d x d matrix (power iteration, deflation), largest entry positive. */
export function topEigenvectors(c: Float64Array, d: number, k: number, iterations = 1000): Float64Array[] {
  const m = Float64Array.from(c);
  const out: Float64Array[] = [];
  for (let e = 0; e < k; e++) {
    let v = Float64Array.from({ length: d }, (_, i) => 1 + i / d);
    let lambda = 0;
    for (let it = 0; it < iterations; it++) {
      const w = new Float64Array(d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) w[i] += m[i * d + j] * v[j];
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      const next = w.map((x) => x / norm);
      const change = Math.hypot(...next.map((x, i) => x - v[i]));
      v = next;
      lambda = norm;
      if (change < 1e-12) break;
    }
    const big = v.reduce((a, x) => (Math.abs(x) > Math.abs(a) ? x : a), 0);
    if (big < 0) v = v.map((x) => -x);
    out.push(lambda > 0 ? v : new Float64Array(d));
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m[i * d + j] -= lambda * v[i] * v[j];
  }
  return out;
}

const dot = (x: ArrayLike<number>, at: number, origin: Float64Array, w: Float64Array) => {
  let s = 0;
  for (let j = 0; j < w.length; j++) s += (x[at + j] - origin[j]) * w[j];
  return s;
};

/** The plane's coordinates of each row, [n, 2] row-major. */
export function planeCoordinates(plane: Omit<PlaneProjection, 'extent'>, x: Float32Array): Float64Array {
  const d = plane.origin.length;
  const n = x.length / d;
  const out = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    out[2 * r] = dot(x, r * d, plane.origin, plane.u);
    out[2 * r + 1] = dot(x, r * d, plane.origin, plane.v);
  }
  return out;
}

function extentOf(coords: Float64Array): PlaneExtent {
  const range = (k: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = k; i < coords.length; i += 2) [lo, hi] = [Math.min(lo, coords[i]), Math.max(hi, coords[i])];
    if (!(hi > lo)) return [(Number.isFinite(lo) ? lo : 0) - 1, (Number.isFinite(hi) ? hi : 0) + 1];
    const pad = 0.05 * (hi - lo);
    return [lo - pad, hi + pad];
  };
  return { x: range(0), y: range(1) };
}

/** The plane for a table's inputs: `train` sets the means and components, `all` (train and test) the extent. */
export function planeFor(
  names: string[],
  train: Float32Array,
  all: Float32Array,
  view: ViewSpec,
): PlaneProjection {
  const d = names.length;
  const means = featureMeans(train, d);
  const unit = (i: number) => Float64Array.from({ length: d }, (_, j) => (j === i ? 1 : 0));
  let axes: [string, string];
  let origin = means;
  let u: Float64Array;
  let v: Float64Array;
  let note: string | undefined;
  if (view.plane === 'pca' && d >= 2) {
    [u, v] = topEigenvectors(covariance(train, d, means), d, 2);
    axes = ['PC1', 'PC2'];
    note = 'the top two principal components of the training inputs';
  } else {
    const i = view.planeX < d ? view.planeX : 0;
    const j = view.planeY < d && view.planeY !== i ? view.planeY : i === 0 ? 1 : 0;
    u = unit(i);
    v = j < d ? unit(j) : new Float64Array(d);
    axes = [names[i], j < d ? names[j] : ''];
    origin = means.map((m, k) => (k === i || k === j ? 0 : m));
    if (d > 2) note = 'the other inputs held at their mean';
  }
  const coords = planeCoordinates({ axes, origin, u, v }, all);
  return { axes, note, origin, u, v, extent: extentOf(coords) };
}

/** Cell centres of a res x res grid over an extent, row 0 at the top (as gridCoords over [-6, 6]^2). */
export function gridOver(res: number, extent: PlaneExtent): [number, number][] {
  const coords: [number, number][] = [];
  const [x0, x1] = extent.x;
  const [y0, y1] = extent.y;
  for (let row = 0; row < res; row++)
    for (let col = 0; col < res; col++)
      coords.push([x0 + ((col + 0.5) * (x1 - x0)) / res, y1 - ((row + 0.5) * (y1 - y0)) / res]);
  return coords;
}

/** The network's input rows for plane coordinates: origin + gx u + gy v, [n, d] row-major. */
export function planeRows(plane: PlaneProjection, coords: [number, number][]): Float32Array {
  const d = plane.origin.length;
  const out = new Float32Array(coords.length * d);
  coords.forEach(([gx, gy], r) => {
    for (let j = 0; j < d; j++) out[r * d + j] = plane.origin[j] + gx * plane.u[j] + gy * plane.v[j];
  });
  return out;
}
