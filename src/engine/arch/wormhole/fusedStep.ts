/**
 * K training steps of the Wormhole network (implicit gradient) in plain typed-array arithmetic, as session.ts
 * takes them by autodiff:
 *   solve     H* = Phi(H*, x) from 0 (fusedSolve.ts, the rules of solvers.ts)
 *   loss      0.5 mean (y - t)^2 with y = h_L of H*, t = 2 label - 1:  g = dL/dH* = (y - t) / B on the output
 *   adjoint   u = u J + g at H* (none without wormholes: J = 0, u = g)
 *   gradient  dL/dtheta = u dPhi/dtheta at H* (fusedSweep.ts)
 *   update    the optimizer of src/engine/core/fused.ts, with no L1/L2 term: the autodiff session applies none
 * With `pause`, a step whose solve stops at maxIter or diverges is the call's last (it is still applied).
 * The values it returns: [steps taken; per step: sweeps, stop, then per sweep max abs, max rel, each layer's
 * residual, each wormhole's mean gate; the last step's adjoint: iterations, stop, then r per iteration].
 */
import type { AdjointTrace, FixedPointTrace, StopReason } from '../../../protocol/wormhole';
import { update, type OptimizerState, type UpdateOptions } from '../../core/fused';
import type { StepData } from '../../core/fusedKernel';
import { gatherRows } from '../mlp/fusedStep';
import { FusedSolver, adjointSolve } from './fusedSolve';
import { FusedSweep, type SweepShape } from './fusedSweep';
import type { SolveOptions } from './solvers';

export interface FusedWormholeOptions extends UpdateOptions, SolveOptions, SweepShape {
  adjointTol: number;
  adjointMaxIter: number;
  /** Stop the call after a step whose forward solve did not converge. */
  pause: boolean;
}

const STOPS: StopReason[] = ['tol', 'maxIter', 'diverged'];

export function fusedWormholeSteps(
  o: FusedWormholeOptions,
  { x, y: labels, batches, batchSize: B }: StepData,
  w: Float32Array[],
  state: OptimizerState,
): Float32Array {
  const sweep = new FusedSweep(o, w, B);
  const solver = new FusedSolver(sweep, o, B);
  const D = sweep.D;
  const input = new Float64Array(B * o.inputWidth);
  const [Fstar, g, u, dX] = [0, 0, 0, 0].map(() => new Float64Array(B * D));
  const grads = w.map((v) => new Float64Array(v.length));
  const out: number[] = [0];
  let adjoint: number[] = [];
  let taken = 0;
  const steps = batches.length / B;
  while (taken < steps) {
    gatherRows(x, batches, taken * B, o.inputWidth, input);
    const head = out.length;
    out.push(0, 0);
    const solve = solver.forward(input, out);
    [out[head], out[head + 1]] = [solve.iterations, STOPS.indexOf(solve.stop)];
    const Xstar = solve.state;
    g.fill(0);
    for (let s = 0; s < B; s++)
      g[s * D + D - 1] = (Xstar[s * D + D - 1] - (2 * labels[batches[taken * B + s]] - 1)) / B;
    // The backward passes run at H*: one more sweep from it keeps what they need.
    sweep.forward(input, Xstar, Fstar);
    const vjp = (U: Float64Array, into: Float64Array) => sweep.backward(input, Xstar, U, into);
    adjoint = [0, 0];
    if (o.wormholes.length === 0) u.set(g);
    else {
      const a = adjointSolve(vjp, g, u, o.adjointTol, o.adjointMaxIter, adjoint);
      [adjoint[0], adjoint[1]] = [a.iterations, STOPS.indexOf(a.stop)];
    }
    sweep.backward(input, Xstar, u, dX, grads);
    update(o, w, grads, state);
    taken++;
    if (o.pause && solve.stop !== 'tol') break;
  }
  out[0] = taken;
  return Float32Array.from([...out, ...adjoint]);
}

/** The forward trace of each step taken, and the last step's adjoint trace, from the kernel's values. */
export function readTraces(
  values: Float32Array,
  layers: number,
  wormholes: number,
): { solves: FixedPointTrace[]; adjoint: AdjointTrace } {
  const row = 2 + layers + wormholes;
  const solves: FixedPointTrace[] = [];
  let at = 1;
  for (let step = 0; step < values[0]; step++) {
    const [iterations, stop] = [values[at], STOPS[values[at + 1]]];
    const trace: FixedPointTrace = {
      iterations,
      stop,
      absResidual: [],
      relResidual: [],
      layerResiduals: [],
      gates: [],
    };
    for (let k = 0, r = at + 2; k < iterations; k++, r += row) {
      trace.absResidual.push(values[r]);
      trace.relResidual.push(values[r + 1]);
      trace.layerResiduals.push(Array.from(values.subarray(r + 2, r + 2 + layers)));
      trace.gates.push(Array.from(values.subarray(r + 2 + layers, r + row)));
    }
    solves.push(trace);
    at += 2 + iterations * row;
  }
  const [iterations, stop] = [values[at], STOPS[values[at + 1]]];
  return { solves, adjoint: { iterations, stop, residual: Array.from(values.subarray(at + 2)) } };
}
