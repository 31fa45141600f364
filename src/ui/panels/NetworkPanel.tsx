import { useCallback, useEffect, useRef } from 'react';
import { LIMITS } from '../../spec';
import { useAppStore } from '../../state/store';
import type { Frame } from '../../worker/protocol';
import { columnX, NODE_SIZE } from '../graph/mlpGraph';
import { createNetworkGraph, type NetworkGraphView } from '../graph/networkGraph';

const GRAPH_WIDTH = 560;
const GRAPH_HEIGHT = 300;
import { useFrames } from '../useFrames';

export function NetworkPanel() {
  const layers = useAppStore((s) => s.spec.mlp.hiddenLayers);
  const layout = useAppStore((s) => s.runtime.layout);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const svgRef = useRef<SVGSVGElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<NetworkGraphView>(undefined);

  useEffect(() => {
    const view = createNetworkGraph(svgRef.current!, tipRef.current!);
    viewRef.current = view;
    return () => view.destroy();
  }, []);
  useEffect(() => {
    if (layout) viewRef.current?.setLayout(layout);
  }, [layout]);
  useFrames(useCallback((frame: Frame) => viewRef.current?.update(frame), []));

  const setWidth = (l: number, delta: number) =>
    updateSpec((d) => {
      const w = d.mlp.hiddenLayers[l] + delta;
      if (w >= LIMITS.layerWidth.min && w <= LIMITS.layerWidth.max) d.mlp.hiddenLayers[l] = w;
    });
  return (
    <section className="panel network" aria-labelledby="network-title">
      <div className="network-header">
        <h2 id="network-title">
          {layers.length} hidden layer{layers.length === 1 ? '' : 's'}
        </h2>
        <button
          type="button"
          aria-label="Add hidden layer"
          disabled={layers.length >= LIMITS.hiddenLayers.max}
          onClick={() => updateSpec((d) => void d.mlp.hiddenLayers.push(2))}
        >
          +
        </button>
        <button
          type="button"
          aria-label="Remove hidden layer"
          disabled={layers.length === 0}
          onClick={() => updateSpec((d) => void d.mlp.hiddenLayers.pop())}
        >
          −
        </button>
      </div>
      <div className="layer-controls">
        {layers.map((w, l) => (
          <div
            key={l}
            className="layer-control"
            style={{
              left: `${((columnX(l + 1, layers.length + 2, GRAPH_WIDTH) + NODE_SIZE / 2) / GRAPH_WIDTH) * 100}%`,
            }}
          >
            <div>
              <button
                type="button"
                aria-label={`Add neuron to layer ${l + 1}`}
                onClick={() => setWidth(l, 1)}
              >
                +
              </button>
              <button
                type="button"
                aria-label={`Remove neuron from layer ${l + 1}`}
                onClick={() => setWidth(l, -1)}
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
