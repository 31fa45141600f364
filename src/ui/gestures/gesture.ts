/**
 * What every gesture is, in the style of xyflow's XYDrag: a factory, free of any UI framework, whose d3-drag
 * behaviour a view attaches to the elements of a selection and later destroys.
 */
import type * as d3 from 'd3';

export interface Gesture<E extends Element, D> {
  /** Binds the gesture to these elements: after each join, the whole current set (entered ones need it too). */
  attach<P extends d3.BaseType, PD>(selection: d3.Selection<E, D, P, PD>): void;
  /** Unbinds it; a drag already in flight then ends without effect. */
  destroy(): void;
}

/** A gesture made of one drag behaviour; `cleanup` removes what the gesture drew for itself. */
export function dragGesture<E extends Element, D, S>(
  behaviour: d3.DragBehavior<E, D, S>,
  cleanup?: () => void,
): Gesture<E, D> {
  let detach = () => {};
  return {
    attach(selection) {
      selection.call(behaviour);
      detach = () => selection.on('.drag', null);
    },
    destroy() {
      detach();
      behaviour.on('start drag end', null);
      cleanup?.();
    },
  };
}
