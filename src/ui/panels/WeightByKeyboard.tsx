/**
 * Setting a weight without a pointer: the graph's edges listed by their neurons ("x1 → h1.0"); the chosen one opens
 * the same editor a click on the edge opens (WeightEditor). The list is in the page only while it is open.
 */
import { useState } from 'react';
import type { Layout } from '../../protocol';
import { latestFrame, useAppStore } from '../appState';
import { buildGraph } from '../views/geometry';
import type { EdgeClick } from '../views/networkGraph';
import { GRAPH_WIDTH } from './GraphPanel';

/** A connection as the list names it: its neurons, and where its weight is in a frame's flat weights. */
export interface NamedEdge {
  id: string;
  source: { id: string };
  target: { id: string };
  weightIndex: number;
}

const layeredEdges = (layout: Layout): NamedEdge[] => buildGraph(layout, GRAPH_WIDTH, 400).edges;

export function WeightByKeyboard({
  onEdit,
  edgesOf = layeredEdges,
}: {
  onEdit: (edge: EdgeClick) => void;
  /** The graph's connections (the layered graph's by default). */
  edgesOf?: (layout: Layout) => NamedEdge[];
}) {
  const layout = useAppStore((s) => s.runtime.layout);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(0);
  const edges = open && layout ? edgesOf(layout) : [];
  const edit = () => {
    const e = edges[Math.min(chosen, edges.length - 1)];
    const value = latestFrame()?.weights[e?.weightIndex ?? -1];
    if (!e || value === undefined) return;
    onEdit({
      id: e.id,
      label: `${e.source.id} → ${e.target.id}`,
      weightIndex: e.weightIndex,
      value,
      x: 8,
      y: 8,
    });
  };
  return (
    <details className="weight-by-keyboard" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary title="Choose a connection by its neurons and set its weight, without a pointer">
        Set a weight
      </summary>
      {open && (
        <div className="connect-form">
          <label>
            Connection
            <select
              value={chosen}
              title="The connection whose weight to set, named by the neurons it joins"
              onChange={(e) => setChosen(Number(e.target.value))}
            >
              {edges.map((e, i) => (
                <option key={e.id} value={i}>
                  {e.source.id} → {e.target.id}
                </option>
              ))}
            </select>
          </label>
          <button type="button" title="Open the weight editor for this connection" onClick={edit}>
            Edit weight
          </button>
        </div>
      )}
    </details>
  );
}
