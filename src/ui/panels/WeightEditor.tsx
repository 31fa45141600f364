/**
 * The small form an edge of the graph opens when clicked: its weight now, a typed value (a plain decimal,
 * within the weights' bound) set on Enter, a clear message for anything else (and nothing changed); Escape
 * or Cancel closes it. The value goes to the engine, and to the edit history (undo).
 */
import { useId, useState } from 'react';
import { MAX_WEIGHT_MAGNITUDE } from '../../experiment';
import { useAppStore } from '../appState';
import { editWeight } from '../editHistory';
import { readNumber } from '../kit/numberText';
import { weightAt } from '../views/geometry';
import type { EdgeClick } from '../views/networkGraph';

export function WeightEditor({ edge, onClose }: { edge: EdgeClick; onClose: () => void }) {
  const id = useId();
  const layout = useAppStore((s) => s.runtime.layout);
  const shown = Number(edge.value.toPrecision(6));
  const [text, setText] = useState(String(shown));
  const [error, setError] = useState<string>();
  const apply = () => {
    const place = layout && weightAt(layout, edge.weightIndex);
    if (!place) return onClose();
    const read = readNumber(text, {
      label: `The weight ${edge.label}`,
      min: -MAX_WEIGHT_MAGNITUDE,
      max: MAX_WEIGHT_MAGNITUDE,
      current: shown,
    });
    if ('error' in read) return setError(read.error);
    editWeight({ ...place, from: edge.value, to: read.value });
    onClose();
  };
  return (
    <form
      className="weight-editor"
      data-testid="weight-editor"
      style={{ left: edge.x, top: edge.y }}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <label htmlFor={id}>Weight {edge.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="number"
        autoFocus
        title={`A plain decimal from −${MAX_WEIGHT_MAGNITUDE} to ${MAX_WEIGHT_MAGNITUDE}; Enter sets it`}
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" title="Set this weight in the running network">
        Set
      </button>
      <button type="button" title="Close without changing the weight" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </form>
  );
}
