/**
 * The sweep the convergence view shows, shared with the network graph: the replay control (Animate sweeps, the
 * slider, the step buttons) sets it, and the graph paints each neuron's state and each wormhole's gate at that
 * sweep. `onGraph` is true while the user holds a sweep (a replay); the graph then shows it instead of its
 * thumbnails, until Back to live.
 */
import type { FixedPointReplay } from '../../../protocol';

export interface ShownSweep {
  replay: FixedPointReplay;
  /** 1-based, at most replay.iterations. */
  sweep: number;
  onGraph: boolean;
}

type Listener = (shown: ShownSweep | undefined) => void;

const listeners = new Set<Listener>();
let current: ShownSweep | undefined;

export const shownSweep = {
  get: () => current,
  set(shown: ShownSweep | undefined) {
    current = shown;
    for (const listener of listeners) listener(shown);
  },
  /** Calls `listener` now with the current sweep, then with every change. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    listener(current);
    return () => void listeners.delete(listener);
  },
};

/**
 * Each layer's states at a sweep, split by the replay's widths (the replay's `states` rows are the layers
 * 1..L flattened); undefined when the sweep has none.
 */
export function layerStates(replay: FixedPointReplay, sweep: number): number[][] | undefined {
  const state = replay.states[sweep - 1];
  if (!state) return undefined;
  let offset = 0;
  return replay.widths.map((w) => state.slice((offset += w) - w, offset));
}
