/**
 * Geometry of the neuron graph: neuron ids, positions and edges, from the engine's layout.
 * Ids: inputs by feature name ("x1"), hidden neuron j of layer l as "h<l>.<j>" (l from 1), the output "y".
 * An architecture may add nodes of its own (DIAN's extra-path neurons "e.<j>").
 */
import type { Layout } from '../../protocol';

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  size: number;
  kind: 'input' | 'neuron' | 'extra';
  /** Its index in its layer (or among the inputs): a wide layer draws only some of its neurons. */
  index: number;
  /** Column: 0 for inputs, l for layer l. */
  column?: number;
  /** Offset of this neuron's thumbnail in a frame's neuronMaps (in cells), or -1 when it has none. */
  mapIndex: number;
  /** Index of its bias in the flat weights, or -1 for inputs. */
  biasIndex: number;
  feature?: string;
  /** False when the column is too dense for a label under each neuron (hover still names it). */
  labelled: boolean;
  /** What its label says when not its id (K output neurons: their classes' names). */
  label?: string;
}

export interface GraphEdge {
  id: string;
  source: GraphNode;
  target: GraphNode;
  /** Index of its weight in the flat weights. */
  weightIndex: number;
}

/** Where a wide layer's neurons that are not drawn would be: a "+N" in their place, naming them on hover. */
export interface HiddenNeurons {
  /** The first and last of them ("h1.6", "h1.58"), and how many. */
  first: string;
  last: string;
  count: number;
  /** The centre of their place. */
  x: number;
  y: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes per column: inputs, then layers 1..L (a wide layer's drawn neurons only). */
  columns: GraphNode[][];
  /** The neurons wide layers do not draw, one entry per such layer. */
  hidden: HiddenNeurons[];
}

/**
 * A layer wider than this draws its first and last few neurons with a "+N" between them: 64 neurons of 4 px in
 * one column were an unreadable stack. The inputs (64 pixels of a digit) are all drawn, smaller.
 */
export const MAX_DRAWN = 12;
const DRAWN_FIRST = 6;

/** The indices of the neurons a layer of `width` draws, in order; `hidden` where the "+N" goes (its slot). */
export function drawnNeurons(width: number): { indices: number[]; hiddenSlot?: number } {
  if (width <= MAX_DRAWN) return { indices: Array.from({ length: width }, (_, j) => j) };
  const last = MAX_DRAWN - DRAWN_FIRST - 1;
  return {
    indices: [
      ...Array.from({ length: DRAWN_FIRST }, (_, j) => j),
      ...Array.from({ length: last }, (_, j) => width - last + j),
    ],
    hiddenSlot: DRAWN_FIRST,
  };
}

export const NODE_SIZE = 30;
const ROW_GAP = 46;
/** Room for the input labels, left of the first column. */
const LEFT_MARGIN = 56;
/** Room for the labels under the neurons. */
export const LABEL_HEIGHT = 14;

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

/** The weight and the value within it (row-major) at a place of the flat weights; undefined past their end. */
export function weightAt(
  layout: Pick<Layout, 'weights'>,
  flatIndex: number,
): { name: string; index: number } | undefined {
  let offset = 0;
  for (const w of layout.weights) {
    const size = w.shape.reduce((a, b) => a * b, 1);
    if (flatIndex >= offset && flatIndex < offset + size) return { name: w.name, index: flatIndex - offset };
    offset += size;
  }
  return undefined;
}

/** The edges between drawn neurons of a kernel (source width x `targetWidth`, row-major from `kernelStart`). */
export function denseEdges(
  sources: GraphNode[],
  targets: GraphNode[],
  kernelStart: number,
  targetWidth = targets.length,
): GraphEdge[] {
  return sources.flatMap((source) =>
    targets.map((target) => ({
      id: `${source.id}->${target.id}`,
      source,
      target,
      weightIndex: kernelStart + source.index * targetWidth + target.index,
    })),
  );
}

/**
 * The layered graph: inputs, then each layer after the input. The weights come in layer order as (kernel, bias)
 * pairs at the start of the layout (every layered architecture names them so); `laneHeight` keeps room under the
 * layers for what an architecture adds there (DIAN's extra path).
 */
export function buildGraph(layout: Layout, width: number, height: number, laneHeight = 0): Graph {
  const usable = height - laneHeight - NODE_SIZE - LABEL_HEIGHT;
  const colCount = layout.layerWidths.length + 1;
  const gap = (n: number) => Math.min(ROW_GAP, usable / Math.max(1, n - 1));
  // A dense column (64 pixel inputs, a wide layer) gets smaller neurons, so they do not overlap.
  const size = (n: number) => Math.min(NODE_SIZE, Math.max(4, gap(n) - 2));
  const place = (c: number, n: number, j: number) => ({
    x: columnX(c, colCount, width) + (NODE_SIZE - size(n)) / 2,
    y: usable / 2 + (j - (n - 1) / 2) * gap(n) + (NODE_SIZE - size(n)) / 2,
    size: size(n),
    // Inputs are labelled beside them (a line of text high), the others under them.
    labelled: n === 1 || gap(n) >= (c === 0 ? LABEL_HEIGHT : NODE_SIZE + LABEL_HEIGHT),
  });
  const offsets = weightOffsets(layout);
  const start = (i: number) => offsets.get(layout.weights[i].name)!;

  const columns: GraphNode[][] = [
    layout.inputs.map((f, j) => ({
      id: f,
      ...place(0, layout.inputs.length, j),
      kind: 'input' as const,
      index: j,
      mapIndex: -1,
      biasIndex: -1,
      feature: f,
    })),
  ];
  const edges: GraphEdge[] = [];
  const hidden: HiddenNeurons[] = [];
  let mapStart = 0;
  layout.layerWidths.forEach((w, l) => {
    const isOutput = l === layout.layerWidths.length - 1;
    const id = (j: number) => (isOutput ? (w === 1 ? 'y' : `y${j}`) : `h${l + 1}.${j}`);
    const { indices, hiddenSlot } = drawnNeurons(w);
    const slots = indices.length + (hiddenSlot === undefined ? 0 : 1);
    const slotOf = (k: number) => (hiddenSlot !== undefined && k >= hiddenSlot ? k + 1 : k);
    const nodes = indices.map((j, k) => ({
      id: id(j),
      label: isOutput && w > 1 ? layout.classes?.[j] : undefined,
      column: l + 1,
      ...place(l + 1, slots, slotOf(k)),
      kind: 'neuron' as const,
      index: j,
      mapIndex: mapStart + j,
      biasIndex: start(2 * l + 1) + j,
    }));
    if (hiddenSlot !== undefined) {
      const at = place(l + 1, slots, hiddenSlot);
      const [first, last] = [indices[hiddenSlot - 1] + 1, indices[hiddenSlot] - 1];
      hidden.push({
        first: id(first),
        last: id(last),
        count: last - first + 1,
        x: at.x + at.size / 2,
        y: at.y + at.size / 2,
      });
    }
    mapStart += w;
    edges.push(...denseEdges(columns[l], nodes, start(2 * l), w));
    columns.push(nodes);
  });
  return { nodes: columns.flat(), edges, columns, hidden };
}
