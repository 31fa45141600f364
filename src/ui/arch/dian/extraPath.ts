/**
 * DIAN's part of the graph: the extra path e = relu(s E + be) runs in a lane under the network, from its source
 * (x or h1) through its neurons e.0… (each showing its activation over the plane, as the other neurons do) to the
 * gate valve, and on into layer 3, which reads z = h2 + g e.
 */
import type { Frame, Layout } from '../../../protocol';
import { paintGrid } from '../../kit/colors';
import {
  denseEdges,
  drawnNeurons,
  NODE_SIZE,
  weightOffsets,
  type Graph,
  type GraphNode,
} from '../../views/geometry';
import type { GraphOverlay, Layer } from '../../views/overlay';
import { useAppStore } from '../../appState';
import { createGateValve, type ValvePlace } from './gateValve';
import { AGGREGATE_FROM_SPEED } from './valveText';

/** Height of the extra path's lane under the main graph. */
const LANE_HEIGHT = 64;
const EXTRA_SIZE = 16;

export function extendWithExtraPath(graph: Graph, layout: Layout, height: number): ValvePlace {
  const offsets = weightOffsets(layout);
  const source = graph.columns[layout.arch.kind === 'dian' && layout.arch.source === 'h1' ? 1 : 0];
  const layer2 = graph.columns[2];
  const layer3 = graph.columns[3];
  const laneY = height - LANE_HEIGHT / 2 - EXTRA_SIZE / 2;
  const left = source[0].x + NODE_SIZE + 30;
  const right = layer2[0].x - 40;
  // One neuron per neuron of layer 2, drawn as layer 2 draws its own (a wide one: the first and last few, "+N").
  const width = layout.layerWidths[1];
  const { hiddenSlot } = drawnNeurons(width);
  const slots = layer2.length + (hiddenSlot === undefined ? 0 : 1);
  // Smaller where many share the lane, so they do not overlap.
  const size = Math.min(EXTRA_SIZE, Math.max(6, (right - left) / slots - 3));
  const slotX = (slot: number) => left + (slot * (right - left - size)) / Math.max(1, slots - 1);
  const extra: GraphNode[] = layer2.map(({ index: j }, k) => ({
    id: `e.${j}`,
    x: slotX(hiddenSlot !== undefined && k >= hiddenSlot ? k + 1 : k),
    y: laneY + (EXTRA_SIZE - size) / 2,
    size,
    // A label under each where they are far enough apart for one (hover names each).
    labelled: slots === 1 || slotX(1) - slotX(0) >= 26,
    kind: 'extra',
    index: j,
    mapIndex: -1,
    biasIndex: offsets.get('extra/bias')! + j,
  }));
  if (hiddenSlot !== undefined) {
    const [first, last] = [layer2[hiddenSlot - 1].index + 1, layer2[hiddenSlot].index - 1];
    graph.hidden.push({
      first: `e.${first}`,
      last: `e.${last}`,
      count: last - first + 1,
      x: slotX(hiddenSlot) + size / 2,
      // Under the lane, where the labels would be (too many to label), not between its neurons.
      y: laneY + EXTRA_SIZE + 10,
    });
  }
  graph.nodes.push(...extra);
  graph.edges.push(...denseEdges(source, extra, offsets.get('extra/kernel')!, width));
  const layer3X = layer3[0].x;
  return {
    x: layer2[0].x - 14,
    y: laneY + EXTRA_SIZE / 2,
    fromX: right + EXTRA_SIZE / 2,
    intoX: layer3X - 16,
    intoYs: layer3.map((n) => n.y + n.size / 2),
    layer3X,
    stripLeft: layer2[0].x + NODE_SIZE + 10,
  };
}

/** Paints each extra neuron's activation over the plane (frames with neuron maps carry them). */
function paintExtraNeurons(nodeLayer: Layer, frame: Frame): void {
  if (frame.arch.kind !== 'dian' || !frame.arch.extraMaps?.length || frame.neuronRes === 0) return;
  const res = frame.neuronRes;
  const cells = res * res;
  const maps = frame.arch.extraMaps;
  nodeLayer.selectAll<SVGGElement, GraphNode>('g.neuron.extra').each(function (node) {
    const j = Number(node.id.slice(2));
    if ((j + 1) * cells > maps.length) return;
    const canvas = this.querySelector('canvas');
    if (!canvas) return;
    canvas.width = res;
    canvas.height = res;
    canvas.getContext('2d')!.putImageData(paintGrid(maps.subarray(j * cells, (j + 1) * cells), res), 0, 0);
  });
}

/** The lane, its neurons and the valve, as an overlay of the layered graph. */
export function extraPathOverlay(): GraphOverlay {
  let valve: ValvePlace | undefined;
  // Summarised when playing faster than 'slow' (valveText.ts); stepping and slow motion show each step.
  const aggregated = (frame: Frame) =>
    frame.playing && useAppStore.getState().spec.speed >= AGGREGATE_FROM_SPEED;
  return {
    laneHeight: LANE_HEIGHT,
    extend: (graph, layout, _width, height) => void (valve = extendWithExtraPath(graph, layout, height)),
    draw: ({ layer, nodeLayer }) => {
      const gate = createGateValve(layer, valve!, aggregated);
      return {
        update(frame) {
          gate.update(frame);
          paintExtraNeurons(nodeLayer, frame);
        },
      };
    },
  };
}
