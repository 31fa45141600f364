/**
 * The middle column's graph: an SVG and a tooltip, a D3 view made by the architecture, fed the layout, every
 * frame, and the edge to highlight (hovering an event log entry).
 */
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { Architecture } from '../../experiment';
import type { Frame, Layout } from '../../protocol';
import { latestFrame, useAppStore } from '../appState';
import { useFrames } from '../kit/useFrames';
import { EditHistoryButtons } from './EditHistoryButtons';

export const GRAPH_WIDTH = 560;
const GRAPH_HEIGHT = 400;

export interface GraphView {
  setLayout(layout: Layout): void;
  update(frame: Frame): void;
  highlight?(edgeId: string | undefined): void;
  destroy(): void;
}

export function GraphPanel(props: {
  /** The architecture the view draws: layouts and frames of another (still loading) are not its to draw. */
  kind: Architecture;
  header: ReactNode;
  /** Its neurons take focus and keys: a group of controls, not a picture. */
  interactive?: boolean;
  /** Shown over the graph (an edge's weight editor). */
  children?: ReactNode;
  /** Makes the view; called once per mount (keep it stable). */
  createView: (svg: SVGSVGElement, tooltip: HTMLElement) => GraphView;
}) {
  const { createView, kind } = props;
  const storeLayout = useAppStore((s) => s.runtime.layout);
  const layout = storeLayout?.arch.kind === kind ? storeLayout : undefined;
  const highlightEdge = useAppStore((s) => s.highlightEdge);
  const svgRef = useRef<SVGSVGElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<GraphView>(undefined);

  useEffect(() => {
    const view = createView(svgRef.current!, tipRef.current!);
    viewRef.current = view;
    return () => view.destroy();
  }, [createView]);
  useEffect(() => {
    if (!layout) return;
    viewRef.current?.setLayout(layout);
    // A paused engine sends no new frame: draw the last one on the new layout.
    const frame = latestFrame();
    if (frame?.arch.kind === kind) viewRef.current?.update(frame);
  }, [layout, createView, kind]);
  useEffect(() => viewRef.current?.highlight?.(highlightEdge), [highlightEdge]);
  useFrames(
    useCallback((frame: Frame) => void (frame.arch.kind === kind && viewRef.current?.update(frame)), [kind]),
  );

  return (
    <section className="panel network" aria-labelledby="network-title">
      {props.header}
      <EditHistoryButtons />
      <div className="graph-wrap">
        <svg
          ref={svgRef}
          data-testid="network-graph"
          viewBox={`0 0 ${GRAPH_WIDTH} ${GRAPH_HEIGHT}`}
          role={props.interactive ? 'group' : 'img'}
          aria-label={
            'Neuron graph: weights as edge width and colour; hover for values' +
            (props.interactive ? '; Tab to a neuron, Enter selects it' : '')
          }
        />
        <div ref={tipRef} className="tooltip" hidden />
        {props.children}
      </div>
    </section>
  );
}
