/**
 * Drag-away: pull an element further than `distance` from where it was grabbed and let go to remove it. While
 * dragged it follows the pointer, with the class `dragging`; on release it goes back, and a removal redraws
 * the view without it.
 */
import * as d3 from 'd3';
import { dragGesture, type Gesture } from './gesture';
import { draggedBeyond, type Point } from './pointer';

/** How far the graph views' edges and arcs must be dragged to be removed. */
export const REMOVE_DISTANCE = 40;

export interface DragAwayOptions<D> {
  distance: number;
  onStart?(): void;
  onRemove(datum: D): void;
}

export function dragAway<E extends SVGElement, D>(options: DragAwayOptions<D>): Gesture<E, D> {
  return dragGesture(
    d3
      .drag<E, D, Point>()
      .subject((event: d3.D3DragEvent<E, D, Point>) => ({ x: event.x, y: event.y }))
      .on('start', function () {
        options.onStart?.();
        d3.select(this).classed('dragging', true);
      })
      .on('drag', function (event: d3.D3DragEvent<E, D, Point>) {
        d3.select(this).attr(
          'transform',
          `translate(${event.x - event.subject.x},${event.y - event.subject.y})`,
        );
      })
      .on('end', function (event: d3.D3DragEvent<E, D, Point>, d) {
        d3.select(this).classed('dragging', false).attr('transform', null);
        if (draggedBeyond(event.subject, event, options.distance)) options.onRemove(d);
      }),
  );
}
