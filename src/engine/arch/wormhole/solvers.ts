/**
 * Fixed-point solvers for H* = Phi(H*, x) and the adjoint solve of the implicit gradient (docs/DESIGN.md 1.3).
 * States are flattened per sample to X [n, D]. The residual of an iterate X is, per sample,
 * abs = ||Phi(X) - X||, rel = abs / (||Phi(X)|| + 1e-9); a solve stops when the largest (abs or rel, as
 * chosen) is below tol, at maxIter, or when it diverges. One read from the device per iteration.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { AdjointTrace, FixedPointTrace, StopReason } from '../../../protocol/wormhole';

export type { AdjointTrace, FixedPointTrace, StopReason };

export interface SolveOptions {
  solver: 'plain' | 'anderson';
  tol: number;
  residual: 'abs' | 'rel';
  maxIter: number;
  damping: number;
  andersonM: number;
  andersonLambda: number;
}

export interface FixedPointProblem {
  /** One sweep on flattened states. */
  phi(X: tf.Tensor2D): tf.Tensor2D;
  /** Widths of the layers inside a flattened state. */
  widths: number[];
  /** Mean gate value per wormhole at state X (a tensor of length W, possibly empty). */
  gateMeans(X: tf.Tensor2D): tf.Tensor1D;
}

const DIVERGED = 1e6;

/** Per-sample residual norms of F - X: abs [n], rel [n], and per layer (max over samples) [L]. */
function residuals(F: tf.Tensor2D, X: tf.Tensor2D, widths: number[]) {
  const diff = tf.sub(F, X);
  const abs = tf.norm(diff, 'euclidean', 1) as tf.Tensor1D;
  const rel = tf.div(abs, tf.add(tf.norm(F, 'euclidean', 1), 1e-9)) as tf.Tensor1D;
  const perLayer = tf.split(diff, widths, 1).map((d) => tf.max(tf.norm(d, 'euclidean', 1)));
  return { abs, rel, perLayer: tf.stack(perLayer) as tf.Tensor1D };
}

/**
 * Solves from X_0 = 0. Returns the last sweep F (the fixed point when stop = 'tol'), the trace, and per sample
 * the number of sweeps after which its own residual was below tol (maxIter when it never was).
 */
export async function solveFixedPoint(
  problem: FixedPointProblem,
  n: number,
  options: SolveOptions,
  /** Called with each sweep's states (read from the device): for replaying one sample's solve. */
  onSweep?: (F: Float32Array) => void,
): Promise<{ state: tf.Tensor2D; trace: FixedPointTrace; sampleIterations: Float32Array }> {
  const D = problem.widths.reduce((a, b) => a + b, 0);
  let X: tf.Tensor2D = tf.zeros([n, D]);
  let notDone: tf.Tensor1D = tf.ones([n]);
  let counts: tf.Tensor1D = tf.zeros([n]);
  const history: { X: tf.Tensor2D; G: tf.Tensor2D }[] = [];
  const trace: FixedPointTrace = {
    iterations: 0,
    stop: 'maxIter',
    absResidual: [],
    relResidual: [],
    layerResiduals: [],
    gates: [],
  };
  let F: tf.Tensor2D | undefined;
  for (let k = 1; k <= options.maxIter; k++) {
    F?.dispose();
    F = tf.tidy(() => problem.phi(X));
    if (onSweep) onSweep((await F.data()) as Float32Array);
    const { packed, nextNotDone, nextCounts } = tf.tidy(() => {
      const r = residuals(F!, X, problem.widths);
      const chosen = options.residual === 'abs' ? r.abs : r.rel;
      const still = tf.mul(notDone, tf.cast(tf.greaterEqual(chosen, options.tol), 'float32')) as tf.Tensor1D;
      return {
        nextNotDone: still,
        nextCounts: tf.add(counts, still) as tf.Tensor1D,
        packed: tf.concat([tf.stack([tf.max(r.abs), tf.max(r.rel)]), r.perLayer, problem.gateMeans(X)]),
      };
    });
    tf.dispose([notDone, counts]);
    [notDone, counts] = [nextNotDone, nextCounts];
    const values = await packed.data();
    packed.dispose();
    const L = problem.widths.length;
    trace.iterations = k;
    trace.absResidual.push(values[0]);
    trace.relResidual.push(values[1]);
    trace.layerResiduals.push(Array.from(values.slice(2, 2 + L)));
    trace.gates.push(Array.from(values.slice(2 + L)));
    const worst = options.residual === 'abs' ? values[0] : values[1];
    if (!Number.isFinite(values[0]) || values[0] > DIVERGED) {
      trace.stop = 'diverged';
      break;
    }
    if (worst < options.tol) {
      trace.stop = 'tol';
      break;
    }
    const next =
      options.solver === 'anderson'
        ? await andersonStep(X, F, history, options)
        : plainStep(X, F, options.damping);
    X.dispose();
    X = next;
  }
  for (const h of history) tf.dispose([h.X, h.G]);
  X.dispose();
  // A sample's count is the sweeps at which it had not converged; the next sweep confirmed it.
  const sampleIterations = tf.tidy(() => tf.minimum(tf.add(counts, 1), trace.iterations));
  const perSample = (await sampleIterations.data()) as Float32Array;
  tf.dispose([sampleIterations, notDone, counts]);
  return { state: F!, trace, sampleIterations: perSample };
}

function plainStep(X: tf.Tensor2D, F: tf.Tensor2D, damping: number): tf.Tensor2D {
  return tf.tidy(() => (damping === 1 ? F.clone() : tf.add(tf.mul(1 - damping, X), tf.mul(damping, F))));
}

/**
 * Anderson acceleration (type II) per sample: alpha minimises ||sum alpha_i G_i||^2 + lambda ||alpha||^2 with
 * sum alpha_i = 1 over the last m residuals G_i = Phi(X_i) - X_i; then X = sum alpha_i (X_i + damping G_i).
 * The small per-sample systems are solved on the CPU from the Gram matrices (one read).
 */
async function andersonStep(
  X: tf.Tensor2D,
  F: tf.Tensor2D,
  history: { X: tf.Tensor2D; G: tf.Tensor2D }[],
  options: SolveOptions,
): Promise<tf.Tensor2D> {
  history.push({ X: X.clone(), G: tf.sub(F, X) });
  if (history.length > options.andersonM) {
    const old = history.shift()!;
    tf.dispose([old.X, old.G]);
  }
  const m = history.length;
  const [n] = X.shape;
  const gram = tf.tidy(() => {
    const G = tf.stack(
      history.map((h) => h.G),
      1,
    ) as tf.Tensor3D;
    return tf.matMul(G, G, false, true);
  });
  const g = await gram.data();
  gram.dispose();
  const alpha = new Float32Array(n * m);
  for (let s = 0; s < n; s++)
    alpha.set(solveMixing(g.subarray(s * m * m, (s + 1) * m * m), m, options.andersonLambda), s * m);
  return tf.tidy(() => {
    const a = tf.tensor2d(alpha, [n, m]);
    let next = tf.zeros(X.shape) as tf.Tensor2D;
    history.forEach((h, i) => {
      const ai = tf.slice(a, [0, i], [n, 1]);
      next = tf.add(next, tf.mul(ai, tf.add(h.X, tf.mul(options.damping, h.G))));
    });
    return next;
  });
}

/** alpha = (Gram/s + lambda I)^-1 1 / (1' (Gram/s + lambda I)^-1 1), s = newest |G|^2; Gauss-Jordan (m <= 20). */
export function solveMixing(gram: ArrayLike<number>, m: number, lambda: number): Float64Array {
  // lambda is relative to the newest residual's squared norm, so it keeps its meaning as residuals shrink.
  const scale = Math.max(1e-30, gram[(m - 1) * m + (m - 1)]);
  // [Gram/s + lambda I | 1], row by row (w = m + 1 columns); one array, as the fused kernel calls this per sample.
  const w = m + 1;
  const A = new Float64Array(m * w);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) A[i * w + j] = gram[i * m + j] / scale;
    A[i * w + m] = 1;
    A[i * w + i] += lambda;
  }
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r * w + c]) > Math.abs(A[p * w + c])) p = r;
    for (let j = 0; p !== c && j < w; j++) {
      const t = A[c * w + j];
      A[c * w + j] = A[p * w + j];
      A[p * w + j] = t;
    }
    const pivot = A[c * w + c] || 1e-30;
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = A[r * w + c] / pivot;
      for (let j = c; j <= m; j++) A[r * w + j] -= f * A[c * w + j];
    }
  }
  const z = Float64Array.from({ length: m }, (_, i) => A[i * w + m] / (A[i * w + i] || 1e-30));
  const sum = z.reduce((a, b) => a + b, 0);
  return Number.isFinite(sum) && Math.abs(sum) > 1e-30
    ? z.map((v) => v / sum)
    : Float64Array.from({ length: m }, (_, i) => (i === m - 1 ? 1 : 0));
}

/**
 * Solves u = u J + g at the fixed point X* (J = dPhi/dX, by vector-Jacobian products with top-level tf.grad:
 * no tape is open here), to tol or maxIter. Returns u and its trace.
 */
export async function solveAdjoint(
  phi: (X: tf.Tensor2D) => tf.Tensor2D,
  Xstar: tf.Tensor2D,
  g: tf.Tensor2D,
  tol: number,
  maxIter: number,
): Promise<{ u: tf.Tensor2D; trace: AdjointTrace }> {
  const trace: AdjointTrace = { iterations: 0, stop: 'maxIter', residual: [] };
  let u = g.clone();
  for (let k = 1; k <= maxIter; k++) {
    const { next, residual } = tf.tidy(() => {
      const vjp = tf.grad((X: tf.Tensor) => tf.sum(tf.mul(phi(X as tf.Tensor2D), u)))(Xstar) as tf.Tensor2D;
      const next = tf.add(vjp, g) as tf.Tensor2D;
      const residual = tf.div(tf.norm(tf.sub(next, u)), tf.add(tf.norm(next), 1e-9));
      return { next, residual };
    });
    const r = (await residual.data())[0];
    residual.dispose();
    u.dispose();
    u = next;
    trace.iterations = k;
    trace.residual.push(r);
    if (!Number.isFinite(r) || r > DIVERGED) {
      trace.stop = 'diverged';
      break;
    }
    if (r < tol) {
      trace.stop = 'tol';
      break;
    }
  }
  return { u, trace };
}
