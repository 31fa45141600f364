/**
 * Points of the input plane and the cells of res x res grids over it (row 0 at the top). The grid is [-6, 6]^2 in
 * its own coordinates; the plane's axes may cover another extent (a table's two inputs, or its principal
 * components), which onAxes / toGrid translate.
 */
import { INPUT_DOMAIN } from '../../experiment';
import type { Frame } from '../../protocol';
import type { PlaneReadout } from '../arch/types';

/** What the plane's axes cover: the 2-D tasks' [-6, 6]^2, or a data table's range on its two axes. */
export interface PlaneExtent {
  x: [number, number];
  y: [number, number];
}

export const INPUT_EXTENT: PlaneExtent = {
  x: [-INPUT_DOMAIN, INPUT_DOMAIN],
  y: [-INPUT_DOMAIN, INPUT_DOMAIN],
};

const scale = (v: number, [a, b]: [number, number], [c, d]: [number, number]) =>
  c + ((v - a) * (d - c)) / (b - a);

/** A point of the grid on the plane's axes. */
export const onAxes = ([g1, g2]: [number, number], extent: PlaneExtent): [number, number] => [
  scale(g1, INPUT_EXTENT.x, extent.x),
  scale(g2, INPUT_EXTENT.y, extent.y),
];

/** A point on the plane's axes in the grid's coordinates. */
export const toGrid = (x1: number, x2: number, extent: PlaneExtent): [number, number] => [
  scale(x1, extent.x, INPUT_EXTENT.x),
  scale(x2, extent.y, INPUT_EXTENT.y),
];

/** The point of the plane (grid coordinates) under a pointer event on an element that shows the plane. */
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
