/**
 * The forward and adjoint fixed-point solves of the fused kernel, on typed arrays, with solvers.ts's rules:
 *   forward   X_0 = 0;  F_k = Phi(X_{k-1});  per sample abs = ||F - X||, rel = abs / (||F|| + 1e-9);
 *             stop when the largest abs is not finite or > 1e6 (diverged), when the largest abs or rel (as chosen)
 *             is < tol, or at maxIter; else plain: X = (1 - damping) X + damping F, or Anderson (type II, per
 *             sample, the last m residuals G_i = F_i - X_i): X = sum alpha_i (X_i + damping G_i) with
 *             alpha = solveMixing(Gram) (float32, as the autodiff solver reads it). The result is the last F.
 *   adjoint   u_0 = g;  u_k = u_{k-1} J + g;  r = ||u_k - u_{k-1}|| / (||u_k|| + 1e-9) over the whole batch;
 *             stop when r is not finite or > 1e6, when r < tol, or at maxIter.
 * Each forward sweep appends to the trace: the largest abs and rel, each layer's largest residual, and each
 * wormhole's mean gate at the iterate; each adjoint iteration its r.
 */
import type { StopReason } from '../../../protocol/wormhole';
import type { FusedSweep } from './fusedSweep';
import { solveMixing, type SolveOptions } from './solvers';

const DIVERGED = 1e6;

/** tfjs's max: NaN wins. */
const maxOf = (a: number, v: number) => (Number.isNaN(v) || v > a ? v : a);

export class FusedSolver {
  private X: Float64Array;
  private F: Float64Array;
  /** Anderson's history: the last m iterates and residuals (the oldest first). */
  private history: { X: Float64Array; G: Float64Array }[] = [];
  private gram: Float32Array;
  private alpha = new Float32Array(0);

  constructor(
    private sweep: FusedSweep,
    private o: SolveOptions,
    private rows: number,
  ) {
    this.X = new Float64Array(rows * sweep.D);
    this.F = new Float64Array(rows * sweep.D);
    this.gram = new Float32Array(o.andersonM * o.andersonM);
  }

  /**
   * Solves for the input rows x, appending each sweep's trace row; the last F, the sweeps and the stop.
   * `onSweep` sees each sweep's states (the convergence view's replay). `counts`, when given, gets per sample the
   * sweeps at which its own residual was not yet below tol (as solvers.ts counts them for the sweeps map).
   */
  forward(
    x: Float64Array,
    trace: number[],
    onSweep?: (F: Float64Array) => void,
    counts?: { done: Uint8Array; sweeps: Float64Array },
  ): { state: Float64Array; iterations: number; stop: StopReason } {
    const { o, sweep, rows } = this;
    const { D, offsets } = sweep;
    const widths = offsets.map((at, l) => (offsets[l + 1] ?? D) - at);
    this.X.fill(0);
    this.history = [];
    let stop: StopReason = 'maxIter';
    let k = 1;
    for (; k <= o.maxIter; k++) {
      const [X, F] = [this.X, this.F];
      sweep.forward(x, X, F);
      onSweep?.(F);
      let [maxAbs, maxRel] = [-Infinity, -Infinity];
      const layers = widths.map(() => -Infinity);
      for (let s = 0; s < rows; s++) {
        let [sq, fq] = [0, 0];
        for (let l = 0; l < widths.length; l++) {
          let lq = 0;
          for (let i = s * D + offsets[l]; i < s * D + offsets[l] + widths[l]; i++) {
            const diff = F[i] - X[i];
            lq += diff * diff;
            fq += F[i] * F[i];
          }
          sq += lq;
          layers[l] = maxOf(layers[l], Math.sqrt(lq));
        }
        const abs = Math.sqrt(sq);
        const rel = abs / (Math.sqrt(fq) + 1e-9);
        maxAbs = maxOf(maxAbs, abs);
        maxRel = maxOf(maxRel, rel);
        if (counts && !counts.done[s]) {
          // float32, as the op path compares; a NaN residual counts as done, as there (NaN >= tol is false).
          if (!(Math.fround(o.residual === 'abs' ? abs : rel) >= Math.fround(o.tol))) counts.done[s] = 1;
          else counts.sweeps[s]++;
        }
      }
      trace.push(maxAbs, maxRel, ...layers, ...sweep.gateMeans());
      if (!Number.isFinite(maxAbs) || maxAbs > DIVERGED) {
        stop = 'diverged';
        break;
      }
      if ((o.residual === 'abs' ? maxAbs : maxRel) < o.tol) {
        stop = 'tol';
        break;
      }
      if (o.solver === 'anderson') this.anderson();
      else
        for (let i = 0; i < X.length; i++)
          X[i] = o.damping === 1 ? F[i] : (1 - o.damping) * X[i] + o.damping * F[i];
    }
    return { state: this.F, iterations: Math.min(k, o.maxIter), stop };
  }

  private anderson(): void {
    const { o, rows, X, F } = this;
    const D = this.sweep.D;
    // The oldest pair is reused for the newest when the history is full.
    const entry =
      this.history.length >= o.andersonM
        ? this.history.shift()!
        : { X: new Float64Array(X.length), G: new Float64Array(X.length) };
    entry.X.set(X);
    for (let i = 0; i < X.length; i++) entry.G[i] = F[i] - X[i];
    this.history.push(entry);
    const m = this.history.length;
    if (this.alpha.length !== rows * m) this.alpha = new Float32Array(rows * m);
    const gram = this.gram.subarray(0, m * m);
    for (let s = 0; s < rows; s++) {
      for (let i = 0; i < m; i++)
        for (let j = i; j < m; j++) {
          const [gi, gj] = [this.history[i].G, this.history[j].G];
          let v = 0;
          for (let d = s * D; d < (s + 1) * D; d++) v += gi[d] * gj[d];
          gram[i * m + j] = gram[j * m + i] = v;
        }
      this.alpha.set(solveMixing(gram, m, o.andersonLambda), s * m);
    }
    X.fill(0);
    this.history.forEach((h, i) => {
      for (let s = 0; s < rows; s++) {
        const a = this.alpha[s * m + i];
        for (let d = s * D; d < (s + 1) * D; d++) X[d] += a * (h.X[d] + o.damping * h.G[d]);
      }
    });
  }
}

/**
 * Solves u = u J + g by iteration (J at the sweep's last forward iterate), appending each r to `trace`; u is
 * the result.
 */
export function adjointSolve(
  vjp: (u: Float64Array, into: Float64Array) => void,
  g: Float64Array,
  u: Float64Array,
  tol: number,
  maxIter: number,
  trace: number[],
): { iterations: number; stop: StopReason } {
  const next = new Float64Array(g.length);
  u.set(g);
  for (let k = 1; k <= maxIter; k++) {
    vjp(u, next);
    let [dq, nq] = [0, 0];
    for (let i = 0; i < g.length; i++) {
      next[i] += g[i];
      dq += (next[i] - u[i]) ** 2;
      nq += next[i] ** 2;
    }
    const r = Math.sqrt(dq) / (Math.sqrt(nq) + 1e-9);
    u.set(next);
    trace.push(r);
    if (!Number.isFinite(r) || r > DIVERGED) return { iterations: k, stop: 'diverged' };
    if (r < tol) return { iterations: k, stop: 'tol' };
  }
  return { iterations: maxIter, stop: 'maxIter' };
}
