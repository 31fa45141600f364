/**
 * What a Wormhole training step and a frame cost at worst, before they run. One sweep of one sample reads every
 * weight once: P multiply-adds (the layers' kernels, each wormhole's V and gate kernel). A solve that never meets
 * tol (tol 1e-12, say) runs maxIter sweeps per sample, except without wormholes, where the graph is acyclic and
 * two sweeps reach and confirm the fixed point. The adjoint solve takes a vector-Jacobian product (about 2P) per
 * iteration; the unrolled ablation backpropagates through every sweep. A frame solves the train and test sets
 * (metrics), a res x res grid (maps) and the replayed sample. Units: src/engine/core/workBudget.ts.
 */
import type { ExperimentSpec } from '../../../experiment';
import { BUDGET_TEXT, WORK_BUDGET, describeWork } from '../../core/workBudget';

/** Work units of one multiply-add in the typed-array sweeps: measured 2.6 ns in Chromium, 3.3-6 ns in Node. */
export const MULTIPLY_ADD_WORK = 3;
/** Below this a grid says little: a frame then carries no maps. */
export const MIN_GRID = 8;

/** What the costs depend on besides the spec: the input width and the points a frame solves (train + test). */
export interface WormholeData {
  inputWidth: number;
  points: number;
}

/** Multiply-adds of one sweep of one sample. */
export function sweepWork(wormhole: ExperimentSpec['wormhole'], inputWidth: number): number {
  const widths = [inputWidth, ...wormhole.hidden, 1];
  let work = 0;
  for (let l = 1; l < widths.length; l++) work += widths[l - 1] * widths[l];
  for (const { from, to } of wormhole.wormholes) work += widths[from] * (widths[to] + 1);
  return work;
}

/** Sweeps of one forward solve at worst. */
const sweeps = (wormhole: ExperimentSpec['wormhole']) =>
  wormhole.wormholes.length === 0 ? Math.min(2, wormhole.maxIter) : wormhole.maxIter;

/** One training step at worst: the batch's forward solve, then its gradient. */
export function stepWork(spec: ExperimentSpec, data: WormholeData): number {
  const { wormhole } = spec;
  const backward = wormhole.gradient === 'implicit' ? wormhole.adjointMaxIter + 1 : sweeps(wormhole);
  const perSample = (sweeps(wormhole) + 2 * backward) * sweepWork(wormhole, data.inputWidth);
  return spec.training.batchSize * perSample * MULTIPLY_ADD_WORK;
}

/** One frame at worst, with a res x res grid. */
export function frameWork(spec: ExperimentSpec, data: WormholeData, res: number): number {
  const solved = data.points + res * res + 1;
  return solved * sweeps(spec.wormhole) * sweepWork(spec.wormhole, data.inputWidth) * MULTIPLY_ADD_WORK;
}

/** The finest grid (at most `max` a side) a frame can solve within the budget; 0 when not even MIN_GRID fits. */
export function gridWithinBudget(spec: ExperimentSpec, data: WormholeData, max: number): number {
  const perPoint = frameWork(spec, data, 1) - frameWork(spec, data, 0);
  const room = WORK_BUDGET - frameWork(spec, data, 0);
  const res = Math.min(max, Math.floor(Math.sqrt(Math.max(0, room) / perPoint)));
  return res >= MIN_GRID ? res : 0;
}

/**
 * Why a step or a frame (without maps) of this Wormhole would run past the budget, or undefined. The message names
 * what fits: the largest maxIter for the frame's solves, then the largest batch for a step at that maxIter.
 */
export function workProblem(spec: ExperimentSpec, data: WormholeData): string | undefined {
  const step = stepWork(spec, data);
  const frame = frameWork(spec, data, 0);
  if (step <= WORK_BUDGET && frame <= WORK_BUDGET) return undefined;
  const withIter = (n: number): ExperimentSpec => ({
    ...spec,
    wormhole: { ...spec.wormhole, maxIter: n, adjointMaxIter: Math.min(n, spec.wormhole.adjointMaxIter) },
  });
  const maxIter = largest(spec.wormhole.maxIter, (n) => frameWork(withIter(n), data, 0) <= WORK_BUDGET);
  const iterated = withIter(Math.max(1, maxIter));
  const batch = largest(
    spec.training.batchSize,
    (n) => stepWork({ ...iterated, training: { ...spec.training, batchSize: n } }, data) <= WORK_BUDGET,
  );
  const lower = [
    maxIter > 0 &&
      maxIter < spec.wormhole.maxIter &&
      `Max iterations (and Adjoint max iterations) to ${maxIter}`,
    batch > 0 && batch < spec.training.batchSize && `Batch size to ${batch}`,
  ].filter(Boolean);
  return (
    `Refused: a ${step > frame ? 'training step' : 'frame'} of this Fixed-Point Wormhole network could take ` +
    `${describeWork(Math.max(step, frame))} when its solves run to maxIter (${BUDGET_TEXT}). ` +
    (lower.length > 0 && maxIter > 0 && batch > 0 ? `Lower ${lower.join(' and ')}; or lower ` : 'Lower ') +
    'the hidden widths, the number of wormholes or the Number of points.'
  );
}

/** The largest n in 1..max with fits(n) (fits holds up to some n, then fails), or 0. */
function largest(max: number, fits: (n: number) => boolean): number {
  let n = 0;
  for (let step = 1 << 12; step >= 1; step >>= 1) if (n + step <= max && fits(n + step)) n += step;
  return n;
}
