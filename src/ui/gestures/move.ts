/** Move: drag an element to move it; its datum's position follows the pointer, kept inside bounds. */
import * as d3 from 'd3';
import { dragGesture, type Gesture } from './gesture';
import { clampTo, type Bounds, type Point } from './pointer';

export interface MoveOptions<D extends Point> {
  /** Where the datum's position may go. */
  bounds: Bounds;
  /** Which presses start a move (by default d3-drag's: the primary button, without Ctrl). */
  filter?(event: MouseEvent): boolean;
  onStart?(): void;
  /** After each step, with the datum already moved: redraw what hangs on it. */
  onMove(datum: D): void;
  /** When the drag ends, only if it moved: a click is not a move. */
  onEnd(datum: D): void;
}

export function move<E extends SVGElement, D extends Point>(options: MoveOptions<D>): Gesture<E, D> {
  let moved = false;
  const behaviour = d3
    .drag<E, D>()
    .on('start', () => {
      moved = false;
      options.onStart?.();
    })
    .on('drag', function (event: d3.D3DragEvent<E, D, D>, d) {
      moved = true;
      ({ x: d.x, y: d.y } = clampTo(options.bounds, event));
      d3.select(this).attr('transform', `translate(${d.x},${d.y})`);
      options.onMove(d);
    })
    .on('end', (_, d) => {
      if (moved) options.onEnd(d);
    });
  if (options.filter) behaviour.filter(options.filter);
  return dragGesture(behaviour);
}
