/**
 * K training steps of the Wormhole network (implicit gradient) in plain typed-array arithmetic, as session.ts
 * takes them by autodiff:
 *   solve     H* = Phi(H*, x) from 0 (fusedSolve.ts, the rules of solvers.ts)
 *   loss      the head's (head.ts), of y = h_L of H*: binary 0.5 mean (y - t)^2 with t = 2 label - 1, so
 *             g = dL/dH* = (y - t) / B on the output; K classes: softmax CE, (softmax(y) - one_hot) / B;
 *             regression 0.5 mean (y - t)^2, (y - t) / B
 *   adjoint   u = u J + g at H* (none without wormholes: J = 0, u = g), by the adjoint's solver
 *   gradient  dL/dtheta = u dPhi/dtheta at H* (fusedSweep.ts)
 *   update    the optimizer of src/engine/core/fused.ts, with no L1/L2 term: the autodiff session applies none
 * With `pause`, a step whose forward or adjoint solve stops at maxIter or diverges is the call's last (it is still
 * applied). The values it returns: [steps taken; per step: sweeps, stop, adjoint iterations, adjoint stop, then
 * per sweep max abs, max rel, each layer's residual, each wormhole's mean gate; then the last step's adjoint r
 * per iteration].
 */
import type { AdjointTrace, FixedPointTrace, StopReason } from '../../../protocol/wormhole';
import { addRegularization, update, type OptimizerState, type UpdateOptions } from '../../core/fused';
import type { StepData } from '../../core/fusedKernel';
import { gatherRows } from '../mlp/fusedStep';
import { FusedAdjoint, FusedSolver } from './fusedSolve';
import { FusedSweep, type SweepShape } from './fusedSweep';
import { stateGradient } from './head';
import type { AdjointOptions, SolveOptions } from './solvers';

export interface FusedWormholeOptions extends UpdateOptions, SolveOptions, AdjointOptions, SweepShape {
  /** Stop the call after a step whose forward solve did not converge. */
  pause: boolean;
  /** Stop the call after the step during which this many ms had passed (a tick's budget: session.ts). */
  budgetMs?: number;
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
  const adjointSolver = new FusedAdjoint(B, D, o);
  const input = new Float64Array(B * o.inputWidth);
  const [Fstar, g, u, dX] = [0, 0, 0, 0].map(() => new Float64Array(B * D));
  const grads = w.map((v) => new Float64Array(v.length));
  const out: number[] = [0];
  let adjoint: number[] = [];
  let taken = 0;
  const steps = batches.length / B;
  const started = performance.now();
  while (taken < steps) {
    gatherRows(x, batches, taken * B, o.inputWidth, input);
    const head = out.length;
    out.push(0, 0, 0, 0);
    const solve = solver.forward(input, out);
    const Xstar = solve.state;
    stateGradient(o.head, Xstar, D, (s) => labels[batches[taken * B + s]], B, g);
    // The backward passes run at H*: one more sweep from it keeps what they need.
    sweep.forward(input, Xstar, Fstar);
    const vjp = (U: Float64Array, into: Float64Array) => sweep.backward(input, Xstar, U, into);
    adjoint = [];
    let a: { iterations: number; stop: StopReason } = { iterations: 0, stop: 'tol' };
    if (o.wormholes.length === 0) u.set(g);
    else a = adjointSolver.solve(vjp, g, u, adjoint);
    [out[head], out[head + 1]] = [solve.iterations, STOPS.indexOf(solve.stop)];
    [out[head + 2], out[head + 3]] = [a.iterations, STOPS.indexOf(a.stop)];
    sweep.backward(input, Xstar, u, dX, grads);
    regularize(o, w, grads);
    update(o, w, grads, state);
    taken++;
    if (o.pause && (solve.stop !== 'tol' || a.stop !== 'tol')) break;
    if (o.budgetMs !== undefined && performance.now() - started >= o.budgetMs) break;
  }
  out[0] = taken;
  return Float32Array.from([...out, ...adjoint]);
}

/** L1/L2 on the kernels: each layer's W_l, each wormhole's V and gate kernel c (not the biases b_l, d). */
function regularize(o: FusedWormholeOptions, w: Float32Array[], grads: Float64Array[]): void {
  const L = o.widths.length;
  for (let l = 0; l < L; l++) addRegularization(o, w[2 * l], grads[2 * l]);
  for (let h = 0; h < o.wormholes.length; h++)
    for (const k of [2 * L + 3 * h, 2 * L + 3 * h + 1]) addRegularization(o, w[k], grads[k]);
}

/** Each step taken: its forward trace and adjoint's iterations and stop; and the last step's adjoint trace. */
/**
 * A forward solve's trace from its sweep rows (max abs, max rel, each layer's residual, each wormhole's mean gate)
 * starting at `at` in `values`.
 */
export function sweepTrace(
  values: Float32Array,
  at: number,
  iterations: number,
  stop: StopReason,
  layers: number,
  wormholes: number,
): FixedPointTrace {
  const row = 2 + layers + wormholes;
  const trace: FixedPointTrace = {
    iterations,
    stop,
    absResidual: [],
    relResidual: [],
    layerResiduals: [],
    gates: [],
  };
  for (let k = 0, r = at; k < iterations; k++, r += row) {
    trace.absResidual.push(values[r]);
    trace.relResidual.push(values[r + 1]);
    trace.layerResiduals.push(Array.from(values.subarray(r + 2, r + 2 + layers)));
    trace.gates.push(Array.from(values.subarray(r + 2 + layers, r + row)));
  }
  return trace;
}

export function readTraces(
  values: Float32Array,
  layers: number,
  wormholes: number,
): {
  solves: FixedPointTrace[];
  adjoints: { iterations: number; stop: StopReason }[];
  adjoint: AdjointTrace;
} {
  const row = 2 + layers + wormholes;
  const solves: FixedPointTrace[] = [];
  const adjoints: { iterations: number; stop: StopReason }[] = [];
  let at = 1;
  for (let step = 0; step < values[0]; step++) {
    const [iterations, stop] = [values[at], STOPS[values[at + 1]]];
    adjoints.push({ iterations: values[at + 2], stop: STOPS[values[at + 3]] });
    solves.push(sweepTrace(values, at + 4, iterations, stop, layers, wormholes));
    at += 4 + iterations * row;
  }
  const last = adjoints.at(-1) ?? { iterations: 0, stop: 'tol' as const };
  return { solves, adjoints, adjoint: { ...last, residual: Array.from(values.subarray(at)) } };
}
