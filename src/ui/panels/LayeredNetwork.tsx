/** The graph of a layered network (MLP, DIAN, Wormhole) with its hidden-layer controls. */
import { useCallback, useState } from 'react';
import type { Architecture, ExperimentSpec } from '../../experiment';
import { LAYER_WIDTH, MAX_HIDDEN_LAYERS } from '../../experiment';
import { useAppStore } from '../appState';
import { columnX, NODE_SIZE } from '../views/geometry';
import { createNetworkGraph, type EdgeClick } from '../views/networkGraph';
import type { GraphOverlay } from '../views/overlay';
import { GRAPH_WIDTH, GraphPanel } from './GraphPanel';
import { WeightByKeyboard } from './WeightByKeyboard';
import { WeightEditor } from './WeightEditor';

/** An architecture's hidden layers: their widths in the spec, and (where it allows) adding and removing them. */
export interface HiddenLayers {
  widths(spec: ExperimentSpec): number[];
  setWidth(draft: ExperimentSpec, layer: number, width: number): void;
  addLayer?(draft: ExperimentSpec): void;
  removeLayer?(draft: ExperimentSpec): void;
}

export function LayeredNetwork(props: {
  kind: Architecture;
  layers: HiddenLayers;
  /** Made afresh for each view (keep it stable: a module-level function). */
  overlay?: () => GraphOverlay;
}) {
  const { overlay } = props;
  const [editing, setEditing] = useState<EdgeClick>();
  const createView = useCallback(
    (svg: SVGSVGElement, tooltip: HTMLElement) =>
      createNetworkGraph(svg, tooltip, overlay?.(), {
        onNeuronFocus: useAppStore.getState().setHoveredNeuron,
        onEdgeClick: setEditing,
      }),
    [overlay],
  );
  return (
    <GraphPanel kind={props.kind} header={<LayerControls layers={props.layers} />} createView={createView}>
      {editing && <WeightEditor key={editing.id} edge={editing} onClose={() => setEditing(undefined)} />}
      <WeightByKeyboard onEdit={setEditing} />
    </GraphPanel>
  );
}

function LayerControls({ layers }: { layers: HiddenLayers }) {
  const spec = useAppStore((s) => s.spec);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const widths = layers.widths(spec);
  const changeWidth = (l: number, delta: number) =>
    updateSpec((d) => {
      const w = widths[l] + delta;
      if (w >= LAYER_WIDTH.min && w <= LAYER_WIDTH.max) layers.setWidth(d, l, w);
    });
  const { addLayer, removeLayer } = layers;
  return (
    <>
      <div className="network-header">
        <h2 id="network-title">
          {widths.length} hidden layer{widths.length === 1 ? '' : 's'}
        </h2>
        {addLayer && removeLayer && (
          <>
            <button
              type="button"
              aria-label="Add hidden layer"
              title="Add a hidden layer of 2 neurons before the output"
              disabled={widths.length >= MAX_HIDDEN_LAYERS}
              onClick={() => updateSpec(addLayer)}
            >
              +
            </button>
            <button
              type="button"
              aria-label="Remove hidden layer"
              title="Remove the last hidden layer"
              disabled={widths.length === 0}
              onClick={() => updateSpec(removeLayer)}
            >
              −
            </button>
          </>
        )}
      </div>
      <div className="layer-controls">
        {widths.map((w, l) => (
          <div
            key={l}
            className="layer-control"
            style={{
              left: `${((columnX(l + 1, widths.length + 2, GRAPH_WIDTH) + NODE_SIZE / 2) / GRAPH_WIDTH) * 100}%`,
            }}
          >
            <div>
              <button
                type="button"
                aria-label={`Add neuron to layer ${l + 1}`}
                title={`One more neuron in hidden layer ${l + 1}`}
                onClick={() => changeWidth(l, 1)}
              >
                +
              </button>
              <button
                type="button"
                aria-label={`Remove neuron from layer ${l + 1}`}
                title={`One neuron fewer in hidden layer ${l + 1}`}
                onClick={() => changeWidth(l, -1)}
              >
                −
              </button>
            </div>
            <span>
              {w} neuron{w === 1 ? '' : 's'}
            </span>
          </div>
        ))}
      </div>
    </>
  );
}
