/** The Live network's heatmap over the plane: one output per cell (binary), or the K outputs over their sum. */
import { gridCoords } from '../../../experiment';
import { gridOver, planeRows } from '../../core/plane';
import type { LiveNetwork } from './network';
import type { LiveTable } from './tasks';

/** Cell-major; peeks only (the network's state does not change). A cell's K values sum to 1 (1/K each when all are 0). */
export function liveHeatmap(network: LiveNetwork, table: LiveTable | undefined, res: number): Float32Array {
  if (!table)
    return Float32Array.from(gridCoords(res), ([a, b]) => network.peek([(a + 6) / 12, (b + 6) / 12])[0]);
  const { plane, table: t } = table.data;
  const d = t.features.length;
  const rows = planeRows(plane, gridOver(res, plane.extent));
  const k = network.outputIds.length;
  const out = new Float32Array(res * res * k);
  for (let c = 0; c < res * res; c++) {
    const ys = network.peek(table.scale(rows.subarray(c * d, (c + 1) * d)));
    const sum = ys.reduce((a, b) => a + b, 0);
    ys.forEach((y, j) => (out[c * k + j] = k === 1 ? y : sum > 0 ? y / sum : 1 / k));
  }
  return out;
}
