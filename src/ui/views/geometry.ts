/**
 * Geometry of the neuron graph: neuron ids, positions and edges, from the engine's layout.
 * Ids: inputs by feature name ("x1"), hidden neuron j of layer l as "h<l>.<j>" (l from 1), the output "y";
 * DIAN's extra-path neurons "e.<j>".
 */
import type { Layout } from '../../protocol';

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  size: number;
  kind: 'input' | 'neuron' | 'extra';
  /** Column: 0 for inputs, l for layer l. */
  column?: number;
  /** Offset of this neuron's thumbnail in a frame's neuronMaps (in cells), or -1 when it has none. */
  mapIndex: number;
  /** Index of its bias in the flat weights, or -1 for inputs. */
  biasIndex: number;
  feature?: string;
  /** False when the column is too dense for a label under each neuron (hover still names it). */
  labelled: boolean;
}

export interface GraphEdge {
  id: string;
  source: GraphNode;
  target: GraphNode;
  /** Index of its weight in the flat weights. */
  weightIndex: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes per column: inputs, then layers 1..L. */
  columns: GraphNode[][];
  /** DIAN: where the gate valve sits, and the column its path joins (layer 2). */
  valve?: { x: number; y: number; joinX: number; joinY: number; fromX: number };
}

export const NODE_SIZE = 30;
const EXTRA_SIZE = 16;
const ROW_GAP = 46;
/** Room for the input labels, left of the first column. */
const LEFT_MARGIN = 56;
/** Room for the labels under the neurons. */
const LABEL_HEIGHT = 14;
/** Height of DIAN's extra-path lane under the main graph. */
export const LANE_HEIGHT = 64;

/** Left edge of column c of count columns (inputs are column 0). */
export const columnX = (c: number, count: number, width: number) =>
  LEFT_MARGIN + (c * (width - LEFT_MARGIN - 20 - NODE_SIZE)) / Math.max(1, count - 1);

/** Where each named weight starts in the flat weights (layout order). */
export function weightOffsets(layout: Layout): Map<string, number> {
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const w of layout.weights) {
    offsets.set(w.name, offset);
    offset += w.shape.reduce((a, b) => a * b, 1);
  }
  return offsets;
}

function denseEdges(sources: GraphNode[], targets: GraphNode[], kernelStart: number): GraphEdge[] {
  return sources.flatMap((source, i) =>
    targets.map((target, j) => ({
      id: `${source.id}->${target.id}`,
      source,
      target,
      weightIndex: kernelStart + i * targets.length + j,
    })),
  );
}

export function buildGraph(layout: Layout, width: number, height: number): Graph {
  const { arch } = layout;
  const isDian = arch.kind === 'dian';
  const mainHeight = isDian ? height - LANE_HEIGHT : height;
  const usable = mainHeight - NODE_SIZE - LABEL_HEIGHT;
  const colCount = layout.layerWidths.length + 1;
  const gap = (n: number) => Math.min(ROW_GAP, usable / Math.max(1, n - 1));
  const place = (c: number, n: number, j: number) => ({
    x: columnX(c, colCount, width),
    y: usable / 2 + (j - (n - 1) / 2) * gap(n),
    size: NODE_SIZE,
    labelled: c === 0 || n === 1 || gap(n) >= NODE_SIZE + LABEL_HEIGHT,
  });
  const offsets = weightOffsets(layout);
  const mlp = arch.kind === 'mlp';
  const kernelName = (l: number) => (mlp ? `dense${l}/kernel` : `layer${l + 1}/kernel`);
  const biasName = (l: number) => (mlp ? `dense${l}/bias` : `layer${l + 1}/bias`);

  const columns: GraphNode[][] = [
    layout.inputs.map((f, j) => ({
      id: f,
      ...place(0, layout.inputs.length, j),
      kind: 'input' as const,
      mapIndex: -1,
      biasIndex: -1,
      feature: f,
    })),
  ];
  const edges: GraphEdge[] = [];
  let mapIndex = 0;
  layout.layerWidths.forEach((w, l) => {
    const isOutput = l === layout.layerWidths.length - 1;
    const nodes = Array.from({ length: w }, (_, j) => ({
      id: isOutput ? (w === 1 ? 'y' : `y${j}`) : `h${l + 1}.${j}`,
      column: l + 1,
      ...place(l + 1, w, j),
      kind: 'neuron' as const,
      mapIndex: mapIndex++,
      biasIndex: offsets.get(biasName(l))! + j,
    }));
    edges.push(...denseEdges(columns[l], nodes, offsets.get(kernelName(l))!));
    columns.push(nodes);
  });
  if (arch.kind !== 'dian') return { nodes: columns.flat(), edges, columns };

  // DIAN: the extra path e = relu(s E + be) runs in a lane under the network, from its source (x or h1) to
  // the valve, and joins layer 2 (z = h2 + g e).
  const source = columns[arch.source === 'h1' ? 1 : 0];
  const layer2 = columns[2];
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
  edges.push(...denseEdges(source, extra, offsets.get('extra/kernel')!));
  const lastLayer2 = layer2[layer2.length - 1];
  return {
    nodes: [...columns.flat(), ...extra],
    edges,
    columns,
    valve: {
      x: layer2[0].x - 14,
      y: laneY + EXTRA_SIZE / 2,
      fromX: right + EXTRA_SIZE / 2,
      joinX: lastLayer2.x + NODE_SIZE / 2,
      joinY: lastLayer2.y + NODE_SIZE + LABEL_HEIGHT,
    },
  };
}
