/**
 * DIAN's part of the graph: the extra path e = relu(s E + be) runs in a lane under the network, from its source
 * (x or h1) to the gate valve, and joins layer 2 (z = h2 + g e).
 */
import type { Layout } from '../../../protocol';
import {
  denseEdges,
  LABEL_HEIGHT,
  NODE_SIZE,
  weightOffsets,
  type Graph,
  type GraphNode,
} from '../../views/geometry';
import type { GraphOverlay } from '../../views/overlay';
import { createGateValve, type ValvePlace } from './gateValve';

/** Height of the extra path's lane under the main graph. */
const LANE_HEIGHT = 64;
const EXTRA_SIZE = 16;

export function extendWithExtraPath(graph: Graph, layout: Layout, height: number): ValvePlace {
  const offsets = weightOffsets(layout);
  const source = graph.columns[layout.arch.kind === 'dian' && layout.arch.source === 'h1' ? 1 : 0];
  const layer2 = graph.columns[2];
  const laneY = height - LANE_HEIGHT / 2 - EXTRA_SIZE / 2;
  const left = source[0].x + NODE_SIZE + 30;
  const right = layer2[0].x - 40;
  const extra: GraphNode[] = layer2.map((_, j) => ({
    id: `e.${j}`,
    x: left + (j * (right - left - EXTRA_SIZE)) / Math.max(1, layer2.length - 1),
    y: laneY,
    size: EXTRA_SIZE,
    labelled: true,
    kind: 'extra',
    mapIndex: -1,
    biasIndex: offsets.get('extra/bias')! + j,
  }));
  graph.nodes.push(...extra);
  graph.edges.push(...denseEdges(source, extra, offsets.get('extra/kernel')!));
  const lastLayer2 = layer2[layer2.length - 1];
  return {
    x: layer2[0].x - 14,
    y: laneY + EXTRA_SIZE / 2,
    fromX: right + EXTRA_SIZE / 2,
    joinX: lastLayer2.x + NODE_SIZE / 2,
    joinY: lastLayer2.y + NODE_SIZE + LABEL_HEIGHT,
  };
}

/** The lane, its neurons and the valve, as an overlay of the layered graph. */
export function extraPathOverlay(): GraphOverlay {
  let valve: ValvePlace | undefined;
  return {
    laneHeight: LANE_HEIGHT,
    extend: (graph, layout, _width, height) => void (valve = extendWithExtraPath(graph, layout, height)),
    draw: ({ layer, width }) => createGateValve(layer, valve!, width),
  };
}
