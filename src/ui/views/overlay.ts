/** What an architecture adds to the layered graph view: room, nodes and edges, and a view drawn over it. */
import type * as d3 from 'd3';
import type { Frame, Layout } from '../../protocol';
import type { Graph } from './geometry';

export type Layer = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface OverlayContext {
  graph: Graph;
  layout: Layout;
  /** Drawn under the neurons; emptied on every new layout. */
  layer: Layer;
  /** The neurons, already drawn (gestures may attach to them). */
  nodeLayer: Layer;
  width: number;
}

export interface OverlayView {
  update(frame: Frame): void;
  /** Lets go of what it attached outside its own layer (gestures on the neurons). */
  destroy?(): void;
}

export interface GraphOverlay {
  /** Height kept free under the layers. */
  laneHeight?: number;
  /** Adds nodes and edges to the graph before it is drawn. */
  extend?(graph: Graph, layout: Layout, width: number, height: number): void;
  /** Draws over the graph once the neurons are drawn; updated with every frame. */
  draw?(context: OverlayContext): OverlayView;
}
