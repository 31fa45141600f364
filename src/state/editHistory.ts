/**
 * The history of graph edits, for undo and redo: weights set by hand, the Wormhole's wormholes added or removed,
 * and Dynamic-Live's graph edits (connections made or removed, neurons added, deleted or moved). Each entry holds
 * both sides, so undo re-sends the state before it and redo the state after it. Pure: src/ui/editHistory.ts keeps
 * one in the store and sends what it returns.
 */
import { restoreOf, type ExperimentSpec, type LiveEdit, type LiveSpec, type Wormhole } from '../experiment';

export type GraphEdit =
  /** One weight of the running network, `index`-th value of the layout's weight `name`. */
  | { kind: 'weight'; name: string; index: number; from: number; to: number }
  /**
   * One weight of a Dynamic-Live neuron `name`: setting it scales the neuron's others (they sum to 1), so the
   * side before is the neuron's whole list (as the last frame showed it).
   */
  | { kind: 'liveWeight'; name: string; index: number; from: number[]; to: number }
  /** The Wormhole network's wormholes before and after. */
  | { kind: 'wormholes'; from: Wormhole[]; to: Wormhole[] }
  /** A Live graph edit and the edit that takes it back (the graph before it, restored). */
  | { kind: 'live'; edit: LiveEdit; undo: LiveEdit };

export interface EditHistory {
  /** Edits made, oldest first: undo takes back the last. */
  past: GraphEdit[];
  /** Edits undone, the next to redo last. */
  future: GraphEdit[];
}

/** How many edits are kept: the oldest fall off. */
export const MAX_EDITS = 100;

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] };

/** A new edit: it goes on the past, and what was undone can no longer be redone. */
export const recorded = (h: EditHistory, edit: GraphEdit): EditHistory => ({
  past: [...h.past, edit].slice(-MAX_EDITS),
  future: [],
});

/** Undo: the edit to take back (undefined when none) and the history after. */
export function undone(h: EditHistory): { edit?: GraphEdit; history: EditHistory } {
  const edit = h.past.at(-1);
  if (!edit) return { history: h };
  return { edit, history: { past: h.past.slice(0, -1), future: [...h.future, edit] } };
}

/** Redo: the edit to make again (undefined when none) and the history after. */
export function redone(h: EditHistory): { edit?: GraphEdit; history: EditHistory } {
  const edit = h.future.at(-1);
  if (!edit) return { history: h };
  return { edit, history: { past: [...h.past, edit], future: h.future.slice(0, -1) } };
}

/**
 * What the engine is sent to put a side of an edit in place: undo gives the side before it, redo the side after.
 * (A Live connection or neuron made again by undo gets fresh weights, as any new one does.)
 */
export type EditAction =
  | { kind: 'setWeight'; name: string; index: number; value: number; restore?: number[] }
  | { kind: 'setWormholes'; wormholes: Wormhole[] }
  | { kind: 'liveEdit'; edit: LiveEdit };

export function actionOf(edit: GraphEdit, side: 'before' | 'after'): EditAction {
  const before = side === 'before';
  switch (edit.kind) {
    case 'weight':
      return { kind: 'setWeight', name: edit.name, index: edit.index, value: before ? edit.from : edit.to };
    case 'liveWeight': {
      const set = { kind: 'setWeight', name: edit.name, index: edit.index, value: edit.to } as const;
      return before ? { ...set, value: edit.from[edit.index], restore: edit.from } : set;
    }
    case 'wormholes':
      return { kind: 'setWormholes', wormholes: before ? edit.from : edit.to };
    case 'live':
      return { kind: 'liveEdit', edit: before ? edit.undo : edit.edit };
  }
}

/**
 * The history entry of a Live edit made on the graph `before`: undo puts that graph back whole (a disconnect
 * undone by a connect would put the source last in its list, and the link would differ); redo makes the edit
 * again, on the same graph, so it gives the same one (addNeuron picks the same id).
 */
export const liveEntry = (edit: LiveEdit, before: LiveSpec): GraphEdit => ({
  kind: 'live',
  edit,
  undo: restoreOf(before),
});

/**
 * Whether the history still applies after a spec change: the same network, only its edited parts (wormholes,
 * Live's graph: neurons, sources, positions) or what is not the network (speed, view, backend) changed. Anything
 * else (Live's learning rate or task too) starts a new network whose weights the recorded edits do not belong to.
 */
export function historyApplies(spec: ExperimentSpec, previous: ExperimentSpec): boolean {
  const rest = (s: ExperimentSpec) =>
    JSON.stringify({
      ...s,
      speed: 0,
      view: null,
      backend: null,
      live: s.architecture === 'live' ? { ...s.live, layers: null, sources: null, positions: null } : s.live,
      wormhole: { ...s.wormhole, wormholes: null },
    });
  return rest(spec) === rest(previous);
}
