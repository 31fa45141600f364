/**
 * The pure part of the pointer gestures, kept apart from d3 and the DOM so that it can be tested in node: how far
 * a drag went, where a moved thing may go, and what lies under the pointer.
 */

export interface Point {
  x: number;
  y: number;
}

/** A pointer position in the window, as mouse events give it. */
export interface ClientPoint {
  clientX: number;
  clientY: number;
}

export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether a drag from `from` to `to` went further than `distance`, in a straight line. */
export function draggedBeyond(from: Point, to: Point, distance: number): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) > distance;
}

/** The point nearest to `p` inside `bounds`. */
export function clampTo(bounds: Bounds, p: Point): Point {
  return {
    x: Math.max(bounds.left, Math.min(bounds.right, p.x)),
    y: Math.max(bounds.top, Math.min(bounds.bottom, p.y)),
  };
}

/** What can find the nearest of itself and its ancestors that matches a selector: a DOM element, or a fake. */
export interface Nested<E> {
  closest(selector: string): E | null;
}

/**
 * The nearest element matching `selector` at or above the one under the pointer; `elementAt` finds the
 * element at client coordinates (document.elementFromPoint in the browser).
 */
export function underPointer<E>(
  point: ClientPoint,
  selector: string,
  elementAt: (clientX: number, clientY: number) => Nested<E> | null,
): E | undefined {
  return elementAt(point.clientX, point.clientY)?.closest(selector) ?? undefined;
}
