/**
 * The Wormhole's frames where its fused kernel trains: the train and test metrics and the replayed solve of one
 * sample, solved in typed arrays with the kernel's own solver (fusedSolve.ts) instead of tfjs ops (each sweep of
 * those is ~30 kernels and a read-back). Metrics as session.ts computes them:
 *   loss      0.5 mean over samples of (y - t)^2,  y = h_L at the fixed point,  t = 2 label - 1
 *   accuracy  mean of [y > 0] == [label > 0.5]
 * and the grid behind the heatmap, the neuron maps and the sweeps map (each grid point's own sweeps: solvers.ts's
 * count, the sweeps before its residual was below tol plus the one that confirmed it, at most the solve's).
 */
import type { FixedPointTrace } from '../../../protocol/wormhole';
import { FusedSolver } from './fusedSolve';
import { sweepTrace } from './fusedStep';
import { FusedSweep, type SweepShape } from './fusedSweep';
import type { SolveOptions } from './solvers';

export type EvalOptions = SweepShape & SolveOptions;

/** Solves the rows x [rows, inputWidth] with these weights: the last sweep's states and the trace. */
export function solveRows(
  o: EvalOptions,
  weights: Float32Array[],
  x: Float64Array,
  rows: number,
  onSweep?: (F: Float64Array) => void,
): { state: Float64Array; D: number; trace: FixedPointTrace } {
  const sweep = new FusedSweep(o, weights, rows);
  const flat: number[] = [];
  const { state, iterations, stop } = new FusedSolver(sweep, o, rows).forward(x, flat, onSweep);
  return {
    state,
    D: sweep.D,
    trace: sweepTrace(
      // float32, as the values read back from the device are.
      Float32Array.from(flat),
      0,
      iterations,
      stop,
      o.widths.length,
      o.wormholes.length,
    ),
  };
}

/** The heatmap (P(blue) = (y + 1) / 2), the neuron maps (unit by unit) and each point's sweeps over a grid. */
export function gridMaps(
  o: EvalOptions,
  weights: Float32Array[],
  grid: Float64Array,
  rows: number,
): { heatmap: Float32Array; neuronMaps: Float32Array; iterationMap: Float32Array; gate: Float64Array } {
  const sweep = new FusedSweep(o, weights, rows);
  const counts = { done: new Uint8Array(rows), sweeps: new Float64Array(rows) };
  const { state, iterations } = new FusedSolver(sweep, o, rows).forward(grid, [], undefined, counts);
  const D = sweep.D;
  // One more sweep from the fixed point gives each point's gates there.
  sweep.forward(grid, state, new Float64Array(state.length));
  const gate = o.wormholes.length > 0 ? sweep.gatePerRow() : new Float64Array(0);
  const heatmap = new Float32Array(rows);
  const neuronMaps = new Float32Array(rows * D);
  const iterationMap = new Float32Array(rows);
  for (let s = 0; s < rows; s++) {
    heatmap[s] = (state[s * D + D - 1] + 1) / 2;
    for (let d = 0; d < D; d++) neuronMaps[d * rows + s] = state[s * D + d];
    iterationMap[s] = Math.min(counts.sweeps[s] + 1, iterations);
  }
  return { heatmap, neuronMaps, iterationMap, gate };
}

/** [loss, accuracy] of a labelled set, solved with these weights. */
export function setMetrics(
  o: EvalOptions,
  weights: Float32Array[],
  set: { x: Float64Array; labels: Float32Array },
): [number, number] {
  const rows = set.labels.length;
  if (rows === 0) return [NaN, NaN];
  const { state, D } = solveRows(o, weights, set.x, rows);
  let [squares, correct] = [0, 0];
  for (let s = 0; s < rows; s++) {
    const y = state[s * D + D - 1];
    squares += (y - (2 * set.labels[s] - 1)) ** 2;
    if (y > 0 === set.labels[s] > 0.5) correct++;
  }
  return [(0.5 * squares) / rows, correct / rows];
}
