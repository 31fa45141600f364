/**
 * The neuron graph in D3 (SVG): weight as edge width and colour, per-neuron thumbnails of its activation over
 * the input plane, hover read-outs. React creates it in an effect and feeds it layouts and frames.
 */
import * as d3 from 'd3';
import type { Frame, Layout } from '../../protocol';
import { divergingCss, paintGrid } from '../kit/colors';
import { setAttr } from '../kit/domWrites';
import { hoverTooltip } from '../gestures';
import { buildGraph, type GraphEdge, type GraphNode, type HiddenNeurons } from './geometry';
import { hasInputMap, inputMap, type NeuronFocus } from './neuronPlane';
import type { GraphOverlay, OverlayView } from './overlay';

/** An edge clicked: which, its weight's place in the flat weights and value now, and where (in the graph's box). */
export interface EdgeClick {
  id: string;
  label: string;
  weightIndex: number;
  value: number;
  x: number;
  y: number;
}

export interface GraphHandlers {
  /** Called with the neuron the pointer enters, and with nothing when it leaves (the big plane shows it). */
  onNeuronFocus?: (focus: NeuronFocus | undefined) => void;
  /** An edge was clicked (to edit its weight). */
  onEdgeClick?: (edge: EdgeClick) => void;
}

export interface NetworkGraphView {
  setLayout(layout: Layout): void;
  update(frame: Frame): void;
  destroy(): void;
}

const edgeWidth = d3.scaleLinear().domain([0, 2]).range([0.5, 6]).clamp(true);
const format = d3.format('.3f');
/** Labels fit the room left of the inputs (a table's long column names are cut; hovering names them in full). */
const shortLabel = (id: string) => (id.length > 9 ? `${id.slice(0, 8)}…` : id);

export function createNetworkGraph(
  svgElement: SVGSVGElement,
  tooltip: HTMLElement,
  overlay: GraphOverlay = {},
  handlers: GraphHandlers = {},
): NetworkGraphView {
  const { onNeuronFocus, onEdgeClick } = handlers;
  const svg = d3.select(svgElement);
  const width = svgElement.viewBox.baseVal.width;
  const height = svgElement.viewBox.baseVal.height;
  const edgeLayer = svg.append('g').attr('class', 'edges');
  const overlayLayer = svg.append('g').attr('class', 'overlay');
  const nodeLayer = svg.append('g').attr('class', 'nodes');
  let overlayView: OverlayView | undefined;
  let edges: GraphEdge[] = [];
  let nodes: GraphNode[] = [];
  let weights: Float32Array = new Float32Array(0);
  /** The neuron maps the thumbnails show (a new layout's thumbnails are drawn anew). */
  let thumbnailsOf: Float32Array | undefined;
  /** Each edge's elements, found once per layout: a frame writes to them without a selection. */
  let edgeElements: { group: SVGGElement; line: SVGPathElement; weightIndex: number }[] = [];

  const tip = hoverTooltip(tooltip, svgElement);

  function drawThumbnail(canvas: HTMLCanvasElement, values: ArrayLike<number>, res: number) {
    canvas.width = res;
    canvas.height = res;
    canvas.getContext('2d')!.putImageData(paintGrid(values, res), 0, 0);
  }

  /** Inputs are fixed functions of the plane: drawn once, in the UI. */
  function drawInputThumbnails(res: number) {
    nodeLayer.selectAll<SVGGElement, GraphNode>('g.neuron.input').each(function (node) {
      // Sequence inputs are positions in a window, not functions of the plane: no thumbnail.
      if (!hasInputMap(node.feature)) return;
      drawThumbnail(this.querySelector('canvas')!, inputMap(node.feature, res).shown, res);
    });
  }

  return {
    setLayout(layout) {
      thumbnailsOf = undefined;
      // A neuron hovered in the graph before may not be in this one.
      onNeuronFocus?.(undefined);
      const graph = buildGraph(layout, width, height, overlay.laneHeight);
      overlay.extend?.(graph, layout, width, height);
      ({ nodes, edges } = graph);
      overlayView?.destroy?.();
      overlayLayer.selectAll('*').remove();
      weights = new Float32Array(layout.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0));
      const link = d3.linkHorizontal<unknown, [number, number]>();
      const path = (e: GraphEdge) =>
        link({
          source: [e.source.x + e.source.size, e.source.y + e.source.size / 2],
          target: [e.target.x, e.target.y + e.target.size / 2],
        });
      // Each edge is a group: a wide transparent stroke to hover and grab, and the visible line.
      edgeLayer
        .selectAll<SVGGElement, GraphEdge>('g.edge')
        .data(edges, (e) => e.id)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'edge');
          g.append('path').attr('class', 'edge-hit');
          g.append('path').attr('class', 'edge-line');
          return g;
        })
        .attr('data-edge-id', (e) => e.id)
        .on('mouseenter', (event: MouseEvent, e) =>
          tip.show(event, `${e.source.id} → ${e.target.id}: weight ${format(weights[e.weightIndex])}`),
        )
        .on('mouseleave', tip.hide)
        .on('click', (event: MouseEvent, e) => {
          const box = svgElement.parentElement!.getBoundingClientRect();
          onEdgeClick?.({
            id: e.id,
            label: `${e.source.id} → ${e.target.id}`,
            weightIndex: e.weightIndex,
            value: weights[e.weightIndex],
            x: event.clientX - box.left,
            y: event.clientY - box.top,
          });
        })
        .each(function (e) {
          d3.select(this).selectAll('path').attr('d', path(e));
        });
      edgeElements = edgeLayer
        .selectAll<SVGGElement, GraphEdge>('g.edge')
        .nodes()
        .map((group) => ({
          group,
          line: group.querySelector<SVGPathElement>('path.edge-line')!,
          weightIndex: d3.select<SVGGElement, GraphEdge>(group).datum().weightIndex,
        }));
      const outputColumn = d3.max(nodes, (n) => n.column) ?? 0;
      const focusOf = (n: GraphNode): NeuronFocus => ({
        id: n.id,
        feature: n.kind === 'input' ? n.feature : undefined,
        mapIndex: n.mapIndex,
        output: n.column === outputColumn,
      });
      const groups = nodeLayer
        .selectAll<SVGGElement, GraphNode>('g.neuron')
        .data(nodes, (n) => n.id)
        .join((enter) => {
          const g = enter.append('g');
          g.append('rect').attr('rx', 3);
          g.append('foreignObject').append('xhtml:canvas').attr('class', 'thumbnail');
          g.append('text').attr('class', 'label');
          return g;
        })
        .attr('class', (n) => `neuron ${n.kind}`)
        .attr('data-neuron-id', (n) => n.id)
        .attr('transform', (n) => `translate(${n.x},${n.y})`)
        .on('mouseenter', (event: MouseEvent, n) => {
          tip.show(
            event,
            n.biasIndex < 0
              ? `input ${n.id}`
              : `${n.id}${n.label ? ` (${n.label})` : ''}: bias ${format(weights[n.biasIndex])}`,
          );
          if (n.kind !== 'extra') onNeuronFocus?.(focusOf(n));
        })
        .on('mouseleave', () => {
          tip.hide();
          onNeuronFocus?.(undefined);
        });
      groups
        .select('rect')
        .attr('width', (n) => n.size)
        .attr('height', (n) => n.size);
      groups
        .select('foreignObject')
        .attr('width', (n) => n.size)
        .attr('height', (n) => n.size);
      groups
        .select('text.label')
        .attr('x', (n) => (n.kind === 'input' ? -4 : n.size / 2))
        .attr('y', (n) => (n.kind === 'input' ? n.size / 2 + 4 : n.size + 11))
        .attr('text-anchor', (n) => (n.kind === 'input' ? 'end' : 'middle'))
        .text((n) => (n.labelled ? shortLabel(n.label ?? n.id) : ''));
      // A wide layer's neurons that are not drawn: "+N" in their place, hover names them.
      const more = nodeLayer
        .selectAll<SVGGElement, HiddenNeurons>('g.hidden-neurons')
        .data(graph.hidden)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'hidden-neurons');
          g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
          g.append('title');
          return g;
        })
        .attr('transform', (h) => `translate(${h.x},${h.y})`)
        .attr('data-hidden', (h) => `${h.first}…${h.last}`);
      more.select('text').text((h) => `+${h.count}`);
      more.select('title').text((h) => `${h.first} … ${h.last}: ${h.count} more neurons, not drawn`);
      drawInputThumbnails(24);
      overlayView = overlay.draw?.({ graph, layout, layer: overlayLayer, nodeLayer, width });
    },

    update(frame) {
      if (frame.weights.length !== weights.length) return;
      weights = frame.weights;
      for (const { group, line, weightIndex } of edgeElements) {
        const w = weights[weightIndex];
        setAttr(group, 'data-weight', w.toPrecision(4));
        setAttr(line, 'stroke', divergingCss(w));
        setAttr(line, 'stroke-width', edgeWidth(Math.abs(w)).toFixed(1));
      }
      overlayView?.update(frame);
      const res = frame.neuronRes;
      // Frames without new maps bring the last ones again (state/frames.ts): the thumbnails are drawn once each.
      if (res === 0 || frame.neuronMaps === thumbnailsOf) return;
      thumbnailsOf = frame.neuronMaps;
      const cells = res * res;
      const outputColumn = d3.max(nodes, (n) => n.column) ?? 0;
      nodeLayer.selectAll<SVGGElement, GraphNode>('g.neuron').each(function (node) {
        if (node.mapIndex < 0) return;
        let values: ArrayLike<number> = frame.neuronMaps.subarray(
          node.mapIndex * cells,
          (node.mapIndex + 1) * cells,
        );
        // Outputs are logits (or a value): shown as 2 * sigmoid - 1, like the binary heatmap.
        if (node.column === outputColumn) values = Array.from(values, (v) => Math.tanh(v / 2));
        drawThumbnail(this.querySelector('canvas')!, values, res);
      });
    },

    destroy() {
      onNeuronFocus?.(undefined);
      overlayView?.destroy?.();
      svg.selectAll('*').remove();
    },
  };
}
