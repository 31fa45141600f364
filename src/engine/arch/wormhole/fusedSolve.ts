/**
 * The forward and adjoint fixed-point solves of the fused kernel, on typed arrays, with solvers.ts's rules:
 *   forward   X_0 = 0;  F_k = Phi(X_{k-1});  per sample abs = ||F - X||, rel = abs / (||F|| + 1e-9);
 *             stop when the largest abs is not finite or > 1e6 (diverged), when the largest abs or rel (as chosen)
 *             is < tol, or at maxIter; else plain: X = (1 - damping) X + damping F, or Anderson (type II, per
 *             sample, the last m residuals G_i = F_i - X_i, safeguarded or not: fusedAnderson.ts). The result is
 *             the last F.
 *   adjoint   u_0 = g;  F_k = u_{k-1} J + g;  r = ||F_k - u_{k-1}|| / (||F_k|| + 1e-9) over the whole batch;
 *             stop when r is not finite or > 1e6, when r < tol, or at maxIter; else u_k = F_k (plain, never
 *             damped) or Anderson's mix (fusedAnderson.ts, damping 1). The result is the last F.
 * Each forward sweep appends to the trace: the largest abs and rel, each layer's largest residual, and each
 * wormhole's mean gate at the iterate; each adjoint iteration its r.
 */
import type { StopReason } from '../../../protocol/wormhole';
import type { FusedSweep } from './fusedSweep';
import { RowAnderson } from './fusedAnderson';
import type { AdjointOptions, SolveOptions } from './solvers';

const DIVERGED = 1e6;

/** Per sample, whether its own residual is below tol yet, and the sweeps before it was. */
export type SweepCounts = { done: Uint8Array; sweeps: Float64Array };
export type SolveResult = { state: Float64Array; iterations: number; stop: StopReason };

/** tfjs's max: NaN wins. */
const maxOf = (a: number, v: number) => (Number.isNaN(v) || v > a ? v : a);

export class FusedSolver {
  private X: Float64Array;
  private F: Float64Array;
  /** Each row's residual ||F - X|| at the last sweep. */
  private r: Float64Array;
  private mixer: RowAnderson;

  constructor(
    private sweep: FusedSweep,
    private o: SolveOptions,
    private rows: number,
  ) {
    this.X = new Float64Array(rows * sweep.D);
    this.F = new Float64Array(rows * sweep.D);
    this.r = new Float64Array(rows);
    this.mixer = new RowAnderson(rows, sweep.D, { ...o, safeguard: o.solver === 'safeguarded' });
  }

  /** Rows the safeguard restarted in the last solve. */
  get restarts(): number {
    return this.mixer.restarts;
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
    counts?: SweepCounts,
  ): SolveResult {
    const sweeps = this.sweeps(x, trace, onSweep, counts);
    for (;;) {
      const next = sweeps.next();
      if (next.done) return next.value;
    }
  }

  /** forward() one sweep at a time: a long solve (the 100x100 grid) can let messages in between sweeps. */
  *sweeps(
    x: Float64Array,
    trace: number[],
    onSweep?: (F: Float64Array) => void,
    counts?: SweepCounts,
  ): Generator<void, SolveResult> {
    const { o, sweep, rows } = this;
    const { D, offsets } = sweep;
    const widths = offsets.map((at, l) => (offsets[l + 1] ?? D) - at);
    this.X.fill(0);
    this.mixer.reset();
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
        this.r[s] = abs;
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
      if (k === o.maxIter) break;
      if (o.solver !== 'plain') this.mixer.step(X, F, this.r);
      else
        for (let i = 0; i < X.length; i++)
          X[i] = o.damping === 1 ? F[i] : (1 - o.damping) * X[i] + o.damping * F[i];
      yield;
    }
    return { state: this.F, iterations: Math.min(k, o.maxIter), stop };
  }
}

/**
 * Solves u = u J + g (J at the sweep's last forward iterate) for `rows` rows of width D, by plain iteration or
 * Anderson (the adjoint's solver), appending each r to `trace`. u is the result: the last F = u J + g.
 */
export class FusedAdjoint {
  private F: Float64Array;
  private r: Float64Array;
  private mixer: RowAnderson;

  constructor(
    private rows: number,
    private D: number,
    private o: AdjointOptions,
  ) {
    this.F = new Float64Array(rows * D);
    this.r = new Float64Array(rows);
    const safeguard = o.adjointSolver === 'safeguarded';
    this.mixer = new RowAnderson(rows, D, { ...o, damping: 1, safeguard });
  }

  solve(
    vjp: (u: Float64Array, into: Float64Array) => void,
    g: Float64Array,
    u: Float64Array,
    trace: number[],
  ): { iterations: number; stop: StopReason } {
    const { o, F, D } = this;
    const X = new Float64Array(g);
    this.mixer.reset();
    let result: { iterations: number; stop: StopReason } = { iterations: o.adjointMaxIter, stop: 'maxIter' };
    for (let k = 1; k <= o.adjointMaxIter; k++) {
      vjp(X, F);
      let [dq, nq] = [0, 0];
      for (let s = 0; s < this.rows; s++) {
        let rq = 0;
        for (let i = s * D; i < (s + 1) * D; i++) {
          F[i] += g[i];
          rq += (F[i] - X[i]) ** 2;
          nq += F[i] ** 2;
        }
        this.r[s] = Math.sqrt(rq);
        dq += rq;
      }
      const r = Math.sqrt(dq) / (Math.sqrt(nq) + 1e-9);
      trace.push(r);
      if (!Number.isFinite(r) || r > DIVERGED) result = { iterations: k, stop: 'diverged' };
      else if (r < o.adjointTol) result = { iterations: k, stop: 'tol' };
      if (result.stop !== 'maxIter' || k === o.adjointMaxIter) break;
      if (o.adjointSolver === 'plain') X.set(F);
      else this.mixer.step(X, F, this.r);
    }
    u.set(F);
    return result;
  }
}
