/**
 * Graph edits with undo and redo: a weight set by hand, the Wormhole's wormholes, Dynamic-Live's graph edits.
 * Each edit is made here (sent to the engine or the spec) and recorded in the store's history; undo sends the
 * state before it again, redo the state after it. A change that makes a new network (another seed, layer or
 * task, a Reset) empties the history: its edits belong to the network before.
 */
import type { LiveEdit, Wormhole } from '../experiment';
import {
  actionOf,
  EMPTY_HISTORY,
  historyApplies,
  liveEntry,
  recorded,
  redone,
  undone,
  type EditAction,
  type GraphEdit,
} from '../state/editHistory';
import { engine, useAppStore } from './appState';

const record = (edit: GraphEdit) => {
  const s = useAppStore.getState();
  s.setEdits(recorded(s.edits, edit));
};

function send(action: EditAction): boolean {
  switch (action.kind) {
    case 'setWeight':
      engine.setWeight({
        name: action.name,
        index: action.index,
        value: action.value,
        restore: action.restore,
      });
      return true;
    case 'setWormholes':
      useAppStore.getState().updateSpec((d) => void (d.wormhole.wormholes = action.wormholes));
      return true;
    case 'liveEdit':
      return engine.edit(action.edit);
  }
}

/** Sets one weight of the running network (the value it had is `from`). */
export function editWeight(edit: { name: string; index: number; from: number; to: number }): void {
  engine.setWeight({ name: edit.name, index: edit.index, value: edit.to });
  record({ kind: 'weight', ...edit });
}

/** Sets one weight of a Dynamic-Live neuron (the engine scales its others); `from`: the neuron's list before. */
export function editLiveWeight(edit: { name: string; index: number; from: number[]; to: number }): void {
  engine.setWeight({ name: edit.name, index: edit.index, value: edit.to });
  record({ kind: 'liveWeight', ...edit });
}

/** Replaces the Wormhole network's wormholes. */
export function editWormholes(wormholes: Wormhole[]): void {
  const from = useAppStore.getState().spec.wormhole.wormholes;
  useAppStore.getState().updateSpec((d) => void (d.wormhole.wormholes = wormholes));
  record({ kind: 'wormholes', from, to: wormholes });
}

/** A Live graph edit (a connection, a neuron added, deleted or moved), recorded to be undone. */
export function editLive(edit: LiveEdit): boolean {
  const before = useAppStore.getState().spec.live;
  const made = engine.edit(edit);
  if (made) record(liveEntry(edit, before));
  return made;
}

/** Takes back the last edit (nothing when there is none, or while the engine is not running). */
export function undo(): void {
  if (useAppStore.getState().runtime.engine !== 'ready') return;
  const { edit, history } = undone(useAppStore.getState().edits);
  if (!edit) return;
  // Set first: a wormhole change must not meet the edit it takes back still recorded.
  useAppStore.getState().setEdits(history);
  send(actionOf(edit, 'before'));
}

/** Makes the last undone edit again. */
export function redo(): void {
  if (useAppStore.getState().runtime.engine !== 'ready') return;
  const { edit, history } = redone(useAppStore.getState().edits);
  if (!edit) return;
  useAppStore.getState().setEdits(history);
  send(actionOf(edit, 'after'));
}

/** Starts the run over (fresh weights): the edits of the run before are forgotten. */
export function resetRun(): void {
  useAppStore.getState().setEdits(EMPTY_HISTORY);
  engine.reset();
}

/**
 * Empties the history when the spec changes to a new network (its edits are not the network before's), and on a
 * look back (Rewind): the weights then are another step's, and undo would write this step's values into them.
 */
export function watchEditHistory(): () => void {
  return useAppStore.subscribe((s, previous) => {
    const { lookingAt } = s.runtime;
    const lookedBack = lookingAt !== undefined && lookingAt !== previous.runtime.lookingAt;
    const newNetwork = s.spec !== previous.spec && !historyApplies(s.spec, previous.spec);
    if ((lookedBack || newNetwork) && s.edits !== EMPTY_HISTORY) s.setEdits(EMPTY_HISTORY);
  });
}
