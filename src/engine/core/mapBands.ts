/**
 * A fused frame with maps, in bands of the heatmap's grid (issue 10): the 100x100 grid through the DIAN took one
 * frame kernel call of 15-25 ms in the worker, and a Pause that came meanwhile waited for all of it. The first call
 * computes the frame with the grid's first band; each later call computes one more band on empty training and test
 * sets (so no metrics again), with a task boundary before it where a message (Pause) is handled. The bands'
 * heatmap parts, and the architecture's extras over the grid (`'grid'` in its fused sizes: the DIAN's gate), are
 * joined in the grid's order: the frame is the one a single call gives (tested against the op path).
 */
import * as tf from '@tensorflow/tfjs-core';
import { nextTask } from './nextTask';

/** Rows of the heatmap's grid per frame kernel call: about 3 ms of the DIAN's frame in the browser. */
export const MAP_BAND_ROWS = 2000;

/** A band of the grid: its first row and how many rows. */
export type Band = [start: number, rows: number];

/** The fused extras' sizes: a number of values, or one value per row of the band ('grid'). */
export type FusedSize = number | 'grid';

export function gridBands(cells: number, bandRows: number): Band[] {
  const bands: Band[] = [];
  for (let start = 0; start < cells; start += bandRows)
    bands.push([start, Math.min(bandRows, cells - start)]);
  return bands.length > 0 ? bands : [[0, 0]];
}

/** The band's rows of the grid (the grid itself when one band covers it). */
export const bandOf = (grid: tf.Tensor2D, [start, rows]: Band): tf.Tensor2D =>
  start === 0 && rows === grid.shape[0] ? grid : tf.slice(grid, [start, 0], [rows, -1]);

/** A set of no rows, of the same width: the later bands compute no metrics. */
export const noRows = (t: tf.Tensor2D): tf.Tensor2D => tf.slice(t, [0, 0], [0, -1]);

export const sizesIn = (sizes: FusedSize[] | undefined, rows: number): number[] =>
  (sizes ?? []).map((s) => (s === 'grid' ? rows : s));

/**
 * The later bands: runs `band` for each (after a task boundary), and appends its heatmap part and grid extras to
 * `heat` and to `extras` (the fused extras as cut from the first call), in place.
 */
export async function joinLaterBands(
  bands: Band[],
  band: (b: Band) => Promise<Float32Array>,
  layout: { lead: number; unitsPerRow: number; sizes: FusedSize[] | undefined },
  heat: Float32Array[],
  extras: Float32Array[][],
): Promise<void> {
  for (const b of bands) {
    await nextTask();
    const values = await band(b);
    let offset = layout.lead;
    const take = (n: number) => values.slice(offset, (offset += n));
    heat.push(take(b[1] * layout.unitsPerRow));
    (layout.sizes ?? []).forEach((s, k) => {
      const part = take(s === 'grid' ? b[1] : s);
      if (s === 'grid') extras[k].push(part);
    });
    if (offset !== values.length) throw new Error('A band of the frame of the wrong size.');
  }
}
