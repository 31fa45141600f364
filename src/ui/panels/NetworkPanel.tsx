import { useCallback, useEffect, useRef } from 'react';
import { engine } from '../appState';
import { latestFrame, subscribeRewires } from '../appState';
import { LAYER_WIDTH, MAX_HIDDEN_LAYERS, type ExperimentSpec } from '../../experiment';
import { useAppStore } from '../appState';
import type { Frame } from '../../protocol';
import { columnX, NODE_SIZE } from '../views/geometry';
import { createLiveGraph, type LiveGraphView } from '../arch/live/liveGraphView';
import { createNetworkGraph, type NetworkGraphView } from '../views/networkGraph';
import { useFrames } from '../kit/useFrames';

const GRAPH_WIDTH = 560;
const GRAPH_HEIGHT = 400;

/** The hidden widths the graph shows, and how to change the width of hidden layer l. */
function hiddenLayers(spec: ExperimentSpec): {
  widths: number[];
  setWidth: (d: ExperimentSpec, l: number, w: number) => void;
} {
  if (spec.architecture === 'wormhole')
    return {
      widths: spec.wormhole.hidden,
      setWidth: (d, l, w) => void (d.wormhole.hidden[l] = w),
    };
  if (spec.architecture === 'dian')
    return {
      widths: [spec.dian.layer1, spec.dian.layer2],
      setWidth: (d, l, w) => void (l === 0 ? (d.dian.layer1 = w) : (d.dian.layer2 = w)),
    };
  return { widths: spec.mlp.hiddenLayers, setWidth: (d, l, w) => void (d.mlp.hiddenLayers[l] = w) };
}

export function NetworkPanel() {
  const spec = useAppStore((s) => s.spec);
  const layout = useAppStore((s) => s.runtime.layout);
  const svgRef = useRef<SVGSVGElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<NetworkGraphView | LiveGraphView>(undefined);
  const isLive = layout?.arch.kind === 'live';
  const highlightEdge = useAppStore((s) => s.highlightEdge);
  const setSelected = useAppStore((s) => s.setSelectedNeuron);

  // The Live network has its own view (arcs, drag and drop); the layered networks share one.
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let view: NetworkGraphView | LiveGraphView;
    if (isLive) {
      const live = createLiveGraph(svgRef.current!, tipRef.current!, {
        edit: engine.edit,
        select: setSelected,
      });
      unsubscribe = subscribeRewires(live.rewire);
      view = live;
    } else {
      view = createNetworkGraph(svgRef.current!, tipRef.current!, (wormholes) =>
        useAppStore.getState().updateSpec((d) => void (d.wormhole.wormholes = wormholes)),
      );
    }
    viewRef.current = view;
    return () => {
      unsubscribe?.();
      view.destroy();
    };
  }, [isLive, setSelected]);
  useEffect(() => {
    if (!layout) return;
    viewRef.current?.setLayout(layout);
    // A paused engine sends no new frame: draw the last one on the new layout.
    const frame = latestFrame();
    if (frame) viewRef.current?.update(frame);
  }, [layout]);
  useEffect(() => {
    const view = viewRef.current;
    if (view && 'highlight' in view) view.highlight(highlightEdge);
  }, [highlightEdge]);
  useFrames(useCallback((frame: Frame) => viewRef.current?.update(frame), []));

  return (
    <section className="panel network" aria-labelledby="network-title">
      {spec.architecture === 'live' ? (
        <>
          <h2 id="network-title">Dynamic-Live network</h2>
          <p className="note">
            Drag a neuron&apos;s dot onto another neuron to connect them; drag an edge away to remove it; drag
            neurons to move them; click a hidden neuron, then press Delete, to remove it. Faint dashed edges
            are allowed but unconnected.
          </p>
        </>
      ) : (
        <LayerControls spec={spec} />
      )}
      <div className="graph-wrap">
        <svg
          ref={svgRef}
          data-testid="network-graph"
          viewBox={`0 0 ${GRAPH_WIDTH} ${GRAPH_HEIGHT}`}
          role="img"
          aria-label="Neuron graph: weights as edge width and colour; hover for values"
        />
        <div ref={tipRef} className="tooltip" hidden />
      </div>
    </section>
  );
}

/** Hidden layers and their widths, for the layered networks (MLP, DIAN). */
function LayerControls({ spec }: { spec: ExperimentSpec }) {
  const updateSpec = useAppStore((s) => s.updateSpec);
  const { widths, setWidth } = hiddenLayers(spec);
  const changeWidth = (l: number, delta: number) =>
    updateSpec((d) => {
      const w = widths[l] + delta;
      if (w >= LAYER_WIDTH.min && w <= LAYER_WIDTH.max) setWidth(d, l, w);
    });
  const fixedDepth = spec.architecture === 'dian' || spec.architecture === 'live';
  const hidden = (d: ExperimentSpec) =>
    d.architecture === 'wormhole' ? d.wormhole.hidden : d.mlp.hiddenLayers;
  // Removing the last hidden layer drops the wormholes that touched the old output layer's index.
  const dropLayer = (d: ExperimentSpec) => {
    hidden(d).pop();
    d.wormhole.wormholes = d.wormhole.wormholes.filter((w) => w.from <= d.wormhole.hidden.length + 1);
  };
  return (
    <>
      <div className="network-header">
        <h2 id="network-title">
          {widths.length} hidden layer{widths.length === 1 ? '' : 's'}
        </h2>
        {!fixedDepth && (
          <>
            <button
              type="button"
              aria-label="Add hidden layer"
              disabled={widths.length >= MAX_HIDDEN_LAYERS}
              onClick={() => updateSpec((d) => void hidden(d).push(2))}
            >
              +
            </button>
            <button
              type="button"
              aria-label="Remove hidden layer"
              disabled={widths.length === 0}
              onClick={() => updateSpec(dropLayer)}
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
                onClick={() => changeWidth(l, 1)}
              >
                +
              </button>
              <button
                type="button"
                aria-label={`Remove neuron from layer ${l + 1}`}
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
