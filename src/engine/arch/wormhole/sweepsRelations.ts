/**
 * What the sweeps map shows, measured on its own grid: the rank correlation (Spearman) of each point's sweeps
 * with (a) its distance in the input plane to the decision boundary (the nearest cell whose prediction differs
 * from a 4-neighbour's; 0 on the boundary) — the "hard inputs near the boundary take more sweeps" reading — and
 * (b) its gate value at the fixed point (the mean over the wormholes). A negative (a) supports that reading; the
 * audit of issue 11 found (a) between -0.51 and +0.38 over 13 nets and (b) up to +0.77.
 */
import { gridCoords } from '../../../experiment';
import type { SweepsRelations } from '../../../protocol/wormhole';
import { spearman } from '../../core/rankCorrelation';

export type { SweepsRelations };

/** `output` is each cell's y (its sign the prediction), `gate` its gate value (empty without wormholes). */
export function sweepsRelations(
  res: number,
  sweeps: ArrayLike<number>,
  output: ArrayLike<number>,
  gate: ArrayLike<number>,
): SweepsRelations {
  const coords = gridCoords(res);
  const positive = (i: number) => output[i] > 0;
  const boundary: number[] = [];
  for (let row = 0; row < res; row++)
    for (let col = 0; col < res; col++) {
      const i = row * res + col;
      const neighbours = [
        [row - 1, col],
        [row + 1, col],
        [row, col - 1],
        [row, col + 1],
      ].filter(([r, c]) => r >= 0 && r < res && c >= 0 && c < res);
      if (neighbours.some(([r, c]) => positive(r * res + c) !== positive(i))) boundary.push(i);
    }
  const distance = coords.map(([x1, x2]) => {
    let best = Infinity;
    for (const b of boundary) best = Math.min(best, Math.hypot(x1 - coords[b][0], x2 - coords[b][1]));
    return best;
  });
  let [min, max] = [Infinity, -Infinity];
  for (let i = 0; i < sweeps.length; i++) [min, max] = [Math.min(min, sweeps[i]), Math.max(max, sweeps[i])];
  return {
    boundaryDistance: boundary.length > 0 ? spearman(sweeps, distance) : NaN,
    gate: gate.length === sweeps.length ? spearman(sweeps, gate) : NaN,
    minSweeps: min,
    maxSweeps: max,
  };
}
