/**
 * Connect: drag from a source element and let go over a target. Meanwhile a dashed ghost line runs from the
 * source's anchor to the pointer; the target is whatever `targetAt` finds under the pointer on release.
 */
import * as d3 from 'd3';
import { dragGesture, type Gesture } from './gesture';
import { underPointer, type ClientPoint, type Point } from './pointer';

export interface ConnectOptions<S, T> {
  /** Where the ghost line is drawn: above what it crosses. */
  ghostLayer: d3.Selection<SVGGElement, unknown, null, undefined>;
  /** Where a connection from this source starts, in the ghost layer's coordinates. */
  anchor(source: S): Point;
  /** The target under the pointer, or undefined where there is none. */
  targetAt(point: ClientPoint): T | undefined;
  onConnect(source: S, target: T): void;
  /** Which sources may start a connection (by default d3-drag's filter: the primary button, without Ctrl). */
  filter?(source: S): boolean;
}

export function connect<E extends Element, S, T>(options: ConnectOptions<S, T>): Gesture<E, S> {
  const ghost = options.ghostLayer.append('line').attr('class', 'ghost-edge').attr('visibility', 'hidden');
  const behaviour = d3
    .drag<E, S, Point>()
    .subject((_, s) => options.anchor(s))
    .on('start', (event: d3.D3DragEvent<E, S, Point>) =>
      ghost
        .attr('visibility', 'visible')
        .attr('x1', event.subject.x)
        .attr('y1', event.subject.y)
        .attr('x2', event.subject.x)
        .attr('y2', event.subject.y),
    )
    .on('drag', (event: d3.D3DragEvent<E, S, Point>) => ghost.attr('x2', event.x).attr('y2', event.y))
    .on('end', (event: d3.D3DragEvent<E, S, Point>, s) => {
      ghost.attr('visibility', 'hidden');
      const target = options.targetAt(event.sourceEvent as MouseEvent);
      if (target !== undefined) options.onConnect(s, target);
    });
  if (options.filter) behaviour.filter((_, s) => options.filter!(s));
  return dragGesture(behaviour, () => ghost.remove());
}

/** The nearest element matching `selector` at or above the one under the pointer, in this document. */
export const elementUnder = (point: ClientPoint, selector: string) =>
  underPointer(point, selector, (x, y) => document.elementFromPoint(x, y));
