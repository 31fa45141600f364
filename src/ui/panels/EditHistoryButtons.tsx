/** Undo and redo of graph edits (weights set by hand, wormholes, Live's graph edits), beside the graph. */
import { useAppStore } from '../appState';
import { redo, undo } from '../editHistory';

export function EditHistoryButtons() {
  const past = useAppStore((s) => s.edits.past.length);
  const future = useAppStore((s) => s.edits.future.length);
  return (
    <div className="buttons edit-history">
      <button
        type="button"
        disabled={past === 0}
        onClick={undo}
        title="Take back the last graph edit: a weight, a wormhole, a Live connection or neuron added, deleted or moved (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        disabled={future === 0}
        onClick={redo}
        title="Make the last undone graph edit again (Ctrl+Shift+Z or Ctrl+Y)"
      >
        Redo
      </button>
    </div>
  );
}
