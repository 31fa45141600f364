/**
 * The Wormhole's frames where its fused kernel trains: the train and test metrics and the replayed solve of one
 * sample, solved in typed arrays with the kernel's own solver (fusedSolve.ts) instead of tfjs ops (each sweep of
 * those is ~30 kernels and a read-back). Metrics as evaluation.ts computes them, of y = h_L at the fixed point by
 * the head (head.ts): binary
 *   loss      0.5 mean over samples of (y - t)^2,  t = 2 label - 1
 *   accuracy  mean of [y > 0] == [label > 0.5]
 * K classes: softmax CE and argmax; regression: 0.5 mean (y - t)^2, no accuracy; the test set's confusion matrix,
 * and the grid behind the heatmap (the head's map), the neuron maps and the sweeps map (each grid point's own sweeps: solvers.ts's
 * count, the sweeps before its residual was below tol plus the one that confirmed it, at most the solve's).
 */
import type { FixedPointTrace } from '../../../protocol/wormhole';
import { FusedSolver, type SolveResult } from './fusedSolve';
import { sweepTrace } from './fusedStep';
import { FusedSweep, type SweepShape } from './fusedSweep';
import { stateMap, stateMetrics } from './head';
import type { HeadMetrics } from '../../core/outputHead';
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

/** The heatmap (the head's map: binary P(blue) = (y + 1) / 2), the neuron maps (unit by unit) and each point's sweeps over a grid. */
export async function gridMaps(
  o: EvalOptions,
  weights: Float32Array[],
  grid: Float64Array,
  rows: number,
  between: Between = async () => undefined,
): Promise<{
  heatmap: Float32Array;
  neuronMaps: Float32Array;
  iterationMap: Float32Array;
  gate: Float64Array;
}> {
  const sweep = new FusedSweep(o, weights, rows);
  const counts = { done: new Uint8Array(rows), sweeps: new Float64Array(rows) };
  const { state, iterations } = await sliced(
    new FusedSolver(sweep, o, rows).sweeps(grid, [], undefined, counts),
    between,
  );
  const D = sweep.D;
  // One more sweep from the fixed point gives each point's gates there.
  sweep.forward(grid, state, new Float64Array(state.length));
  const gate = o.wormholes.length > 0 ? sweep.gatePerRow() : new Float64Array(0);
  const heatmap = stateMap(o.head, state, D, rows);
  const neuronMaps = new Float32Array(rows * D);
  const iterationMap = new Float32Array(rows);
  for (let s = 0; s < rows; s++) {
    for (let d = 0; d < D; d++) neuronMaps[d * rows + s] = state[s * D + d];
    iterationMap[s] = Math.min(counts.sweeps[s] + 1, iterations);
  }
  return { heatmap, neuronMaps, iterationMap, gate };
}

/** Awaited between sweeps: a caller lets messages in (nextTask.ts) when the solve has run long enough. */
export type Between = () => Promise<void>;

/** A solve run to its end, awaiting `between` after each sweep. */
async function sliced(sweeps: Generator<void, SolveResult>, between: Between): Promise<SolveResult> {
  for (let next = sweeps.next(); ; next = sweeps.next()) {
    if (next.done) return next.value;
    await between();
  }
}

/** setMetrics in slices: `between` is awaited after each sweep of the solve. */
export async function setMetricsSliced(
  o: EvalOptions,
  weights: Float32Array[],
  set: { x: Float64Array; labels: Float32Array },
  between: Between,
): Promise<HeadMetrics> {
  const rows = set.labels.length;
  if (rows === 0) return stateMetrics(o.head, new Float64Array(0), 1, set.labels, 0);
  const sweep = new FusedSweep(o, weights, rows);
  const { state } = await sliced(new FusedSolver(sweep, o, rows).sweeps(set.x, []), between);
  return stateMetrics(o.head, state, sweep.D, set.labels, rows);
}

/** Loss, accuracy, confusion matrix and predicted classes of a labelled set, solved with these weights. */
export function setMetrics(
  o: EvalOptions,
  weights: Float32Array[],
  set: { x: Float64Array; labels: Float32Array },
): HeadMetrics {
  const rows = set.labels.length;
  if (rows === 0) return stateMetrics(o.head, new Float64Array(0), 1, set.labels, 0);
  const { state, D } = solveRows(o, weights, set.x, rows);
  return stateMetrics(o.head, state, D, set.labels, rows);
}
