/**
 * The small form an edge of the graph opens when clicked: its weight now, a typed value (a plain decimal,
 * within the weights' bound) set on Enter, a clear message for anything else (and nothing changed); Escape
 * or Cancel closes it. The value goes to the engine, and to the edit history (undo). A Dynamic-Live neuron's
 * weights sum to 1: the engine scales its other weights (README mode: from 0 to 1 only), as the form says.
 */
import { useId, useState } from 'react';
import { MAX_WEIGHT_MAGNITUDE } from '../../experiment';
import type { Layout } from '../../protocol';
import { latestFrame, useAppStore } from '../appState';
import { editLiveWeight, editWeight } from '../editHistory';
import { readNumber } from '../kit/numberText';
import { weightAt } from '../views/geometry';
import type { EdgeClick } from '../views/networkGraph';

/** The values of the layout's weight `name` in the last frame (a Live neuron's whole list). */
function valuesOf(layout: Layout, name: string): number[] {
  let offset = 0;
  for (const w of layout.weights) {
    const size = w.shape.reduce((a, b) => a * b, 1);
    if (w.name === name) return Array.from(latestFrame()?.weights.subarray(offset, offset + size) ?? []);
    offset += size;
  }
  return [];
}

export function WeightEditor({ edge, onClose }: { edge: EdgeClick; onClose: () => void }) {
  const id = useId();
  const layout = useAppStore((s) => s.runtime.layout);
  const live = layout?.arch.kind === 'live';
  const readme = useAppStore((s) => s.spec.live.fidelity !== 'beta') && live;
  const [min, max] = readme ? [0, 1] : [-MAX_WEIGHT_MAGNITUDE, MAX_WEIGHT_MAGNITUDE];
  const shown = Number(edge.value.toPrecision(6));
  const [text, setText] = useState(String(shown));
  const [error, setError] = useState<string>();
  const target = edge.label.split(' → ')[1];
  const apply = () => {
    const place = layout && weightAt(layout, edge.weightIndex);
    if (!place) return onClose();
    const read = readNumber(text, { label: `The weight ${edge.label}`, min, max, current: shown });
    if ('error' in read) return setError(read.error);
    if (live) editLiveWeight({ ...place, from: valuesOf(layout, place.name), to: read.value });
    else editWeight({ ...place, from: edge.value, to: read.value });
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
        title={
          `A plain decimal from ${min === 0 ? 0 : `−${-min}`} to ${max}; Enter sets it` +
          (live ? `; ${target}'s other weights are scaled so that its weights still sum to 1` : '')
        }
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
      {live && (
        <span className="note" data-testid="live-weight-note">
          {target}&apos;s weights sum to 1: its other weights are scaled to share the rest.
        </span>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </form>
  );
}
