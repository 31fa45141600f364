/**
 * Fixed-point solvers for H* = Phi(H*, x) and the adjoint solve of the implicit gradient (docs/DESIGN.md 1.3).
 * States are flattened per sample to X [n, D]. The residual of an iterate X is, per sample,
 * abs = ||Phi(X) - X||, rel = abs / (||Phi(X)|| + 1e-9); a solve stops when the largest (abs or rel, as
 * chosen) is below tol, at maxIter, or when it diverges; else the next iterate is the damped plain step
 * (1 - damping) X + damping Phi(X), or Anderson's mix, safeguarded or not (mixing.ts, anderson.ts). The result
 * is the last Phi(X). One read from the device per iteration (two with Anderson).
 * The adjoint solve u = u J + g iterates F = u J + g the same way (its plain steps never damped).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WormholeSpec } from '../../../experiment';
import type { AdjointTrace, FixedPointTrace, StopReason } from '../../../protocol/wormhole';
import { TensorAnderson } from './anderson';

export type { AdjointTrace, FixedPointTrace, StopReason };

export type SolveOptions = Pick<
  WormholeSpec,
  'solver' | 'tol' | 'residual' | 'maxIter' | 'damping' | 'andersonM' | 'andersonLambda'
>;

export type AdjointOptions = Pick<
  WormholeSpec,
  'adjointSolver' | 'adjointTol' | 'adjointMaxIter' | 'andersonM' | 'andersonLambda'
>;

/**
 * How a solve made each iterate after the first from the earlier ones, for replaying it (the unrolled gradient):
 * X_(k+1) = sum_i alpha[s, i] (X_j + damping (F_j - X_j)) over the M newest iterates j (the newest last), or the
 * plain step (1 - damping) X_k + damping F_k.
 */
export type Iterations = ({ plain: true } | { plain: false; alpha: Float32Array; M: number })[];

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
 * the number of sweeps after which its own residual was below tol (maxIter when it never was); with `record`,
 * how each iterate was made.
 */
export async function solveFixedPoint(
  problem: FixedPointProblem,
  n: number,
  options: SolveOptions,
  /** Called with each sweep's states (read from the device): for replaying one sample's solve. */
  onSweep?: (F: Float32Array) => void,
  record?: Iterations,
): Promise<{ state: tf.Tensor2D; trace: FixedPointTrace; sampleIterations: Float32Array }> {
  const D = problem.widths.reduce((a, b) => a + b, 0);
  let X: tf.Tensor2D = tf.zeros([n, D]);
  let notDone: tf.Tensor1D = tf.ones([n]);
  let counts: tf.Tensor1D = tf.zeros([n]);
  const mixer =
    options.solver === 'plain'
      ? undefined
      : new TensorAnderson(n, { ...options, safeguard: options.solver === 'safeguarded' });
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
        packed: tf.concat([
          tf.stack([tf.max(r.abs), tf.max(r.rel)]),
          r.perLayer,
          problem.gateMeans(X),
          r.abs,
        ]),
      };
    });
    tf.dispose([notDone, counts]);
    [notDone, counts] = [nextNotDone, nextCounts];
    const values = await packed.data();
    packed.dispose();
    const L = problem.widths.length;
    const rows = values.subarray(values.length - n);
    trace.iterations = k;
    trace.absResidual.push(values[0]);
    trace.relResidual.push(values[1]);
    trace.layerResiduals.push(Array.from(values.slice(2, 2 + L)));
    trace.gates.push(Array.from(values.slice(2 + L, values.length - n)));
    const worst = options.residual === 'abs' ? values[0] : values[1];
    if (!Number.isFinite(values[0]) || values[0] > DIVERGED) {
      trace.stop = 'diverged';
      break;
    }
    if (worst < options.tol) {
      trace.stop = 'tol';
      break;
    }
    // No step after the last sweep: the iterate would never be swept.
    if (k === options.maxIter) break;
    let next: tf.Tensor2D;
    if (mixer) {
      const mixed = await mixer.step(X, F, rows);
      next = mixed.next;
      record?.push({ plain: false, alpha: mixed.alpha, M: mixed.M });
    } else {
      next = plainStep(X, F, options.damping);
      record?.push({ plain: true });
    }
    X.dispose();
    X = next;
  }
  mixer?.dispose();
  X.dispose();
  // A sample's count is the sweeps at which it had not converged; the next sweep confirmed it.
  const sampleIterations = tf.tidy(() => tf.minimum(tf.add(counts, 1), trace.iterations));
  const perSample = (await sampleIterations.data()) as Float32Array;
  tf.dispose([sampleIterations, notDone, counts]);
  return { state: F!, trace, sampleIterations: perSample };
}

/**
 * The iterates a solve made, again, as differentiable tfjs ops (under a tape: the unrolled gradient): from
 * X_1 = 0, F_k = Phi(X_k) and X_(k+1) as recorded, for the recorded steps plus the last sweep; the last F.
 * Anderson's coefficients are constants here, as the solve computed them.
 */
export function replayIterations(
  phi: (X: tf.Tensor2D) => tf.Tensor2D,
  n: number,
  D: number,
  iterations: Iterations,
  damping: number,
): tf.Tensor2D {
  const Xs: tf.Tensor2D[] = [tf.zeros([n, D])];
  const Fs: tf.Tensor2D[] = [];
  for (let k = 0; ; k++) {
    Fs.push(phi(Xs[k]));
    const step = iterations[k];
    if (!step) return Fs[k];
    if (step.plain) {
      Xs.push(
        damping === 1 ? Fs[k] : (tf.add(tf.mul(1 - damping, Xs[k]), tf.mul(damping, Fs[k])) as tf.Tensor2D),
      );
      continue;
    }
    const a = tf.tensor2d(step.alpha, [n, step.M]);
    let sum = tf.zeros([n, D]) as tf.Tensor2D;
    for (let i = 0; i < step.M; i++) {
      const j = k - step.M + 1 + i;
      const G = tf.sub(Fs[j], Xs[j]);
      sum = tf.add(sum, tf.mul(tf.slice(a, [0, i], [n, 1]), tf.add(Xs[j], tf.mul(damping, G))));
    }
    Xs.push(sum);
  }
}

function plainStep(X: tf.Tensor2D, F: tf.Tensor2D, damping: number): tf.Tensor2D {
  return tf.tidy(() => (damping === 1 ? F.clone() : tf.add(tf.mul(1 - damping, X), tf.mul(damping, F))));
}

/**
 * Solves u = u J + g at the fixed point X* (J = dPhi/dX, by vector-Jacobian products with top-level tf.grad:
 * no tape is open here), to tol or maxIter, with the adjoint's solver: F = u J + g, r = ||F - u|| / (||F|| +
 * 1e-9) over the batch, then u = F (plain) or Anderson's mix. Returns the last F and the trace.
 */
export async function solveAdjoint(
  phi: (X: tf.Tensor2D) => tf.Tensor2D,
  Xstar: tf.Tensor2D,
  g: tf.Tensor2D,
  options: AdjointOptions,
): Promise<{ u: tf.Tensor2D; trace: AdjointTrace }> {
  const trace: AdjointTrace = { iterations: 0, stop: 'maxIter', residual: [] };
  const n = g.shape[0];
  const mixer =
    options.adjointSolver === 'plain'
      ? undefined
      : new TensorAnderson(n, {
          ...options,
          damping: 1,
          safeguard: options.adjointSolver === 'safeguarded',
        });
  let u = g.clone();
  let F: tf.Tensor2D | undefined;
  for (let k = 1; k <= options.adjointMaxIter; k++) {
    F?.dispose();
    const { next, packed } = tf.tidy(() => {
      const vjp = tf.grad((X: tf.Tensor) => tf.sum(tf.mul(phi(X as tf.Tensor2D), u)))(Xstar) as tf.Tensor2D;
      const next = tf.add(vjp, g) as tf.Tensor2D;
      const diff = tf.sub(next, u);
      const residual = tf.div(tf.norm(diff), tf.add(tf.norm(next), 1e-9));
      return { next, packed: tf.concat([tf.reshape(residual, [1]), tf.norm(diff, 'euclidean', 1)]) };
    });
    F = next;
    const values = (await packed.data()) as Float32Array;
    packed.dispose();
    const r = values[0];
    trace.iterations = k;
    trace.residual.push(r);
    if (!Number.isFinite(r) || r > DIVERGED) {
      trace.stop = 'diverged';
      break;
    }
    if (r < options.adjointTol) {
      trace.stop = 'tol';
      break;
    }
    if (k === options.adjointMaxIter) break;
    const following = mixer ? (await mixer.step(u, F, values.subarray(1))).next : F.clone();
    u.dispose();
    u = following;
  }
  mixer?.dispose();
  u.dispose();
  return { u: F!, trace };
}
