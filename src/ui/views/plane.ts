/** Points of the input plane [-6, 6]^2 and the cells of res x res grids over it (row 0 at the top). */
import { INPUT_DOMAIN } from '../../experiment';
import type { Frame } from '../../protocol';
import type { PlaneReadout } from '../arch/types';

/** The point of the plane under a pointer event on an element that shows the plane. */
export function planePoint(e: { clientX: number; clientY: number }, box: DOMRect): [number, number] {
  return [
    ((e.clientX - box.left) / box.width) * 2 * INPUT_DOMAIN - INPUT_DOMAIN,
    INPUT_DOMAIN - ((e.clientY - box.top) / box.height) * 2 * INPUT_DOMAIN,
  ];
}

/** The cell of a res x res grid under a point (clamped: the right and bottom edges are inside). */
export function planeCell(x1: number, x2: number, res: number): number {
  const clamp = (v: number) => Math.min(res - 1, Math.max(0, Math.floor(v)));
  return (
    clamp(((INPUT_DOMAIN - x2) / (2 * INPUT_DOMAIN)) * res) * res +
    clamp(((x1 + INPUT_DOMAIN) / (2 * INPUT_DOMAIN)) * res)
  );
}

/** The value of a grid map at a point, once a map has arrived. */
export function gridReadout() {
  let grid: { values: Float32Array; res: number } | undefined;
  return {
    set(values: Float32Array, res: number) {
      if (values.length > 0 && res > 0) grid = { values, res };
    },
    at(x1: number, x2: number): number | undefined {
      return grid && grid.values[planeCell(x1, x2, grid.res)];
    },
  };
}

/** A hover read-out of a map that frames carry over the heatmap's grid (e.g. the gate value, the sweeps). */
export function mapReadout(
  mapOf: (frame: Frame) => Float32Array | undefined,
  say: (value: number) => string,
): PlaneReadout {
  const grid = gridReadout();
  return {
    update: (frame) => {
      const values = mapOf(frame);
      if (values) grid.set(values, frame.heatmapRes);
    },
    text: (x1, x2) => {
      const value = grid.at(x1, x2);
      return value === undefined ? undefined : say(value);
    },
  };
}
