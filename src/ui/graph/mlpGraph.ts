/**
 * Geometry of an MLP's neuron graph: neuron ids, positions and edges, from the engine's layout.
 * Ids: inputs by feature name ("x1"), hidden neuron j of layer l as "h<l>.<j>" (l from 1), the output "y".
 */
import type { Layout } from '../../worker/protocol';

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  /** Offset of this neuron's thumbnail in a frame's neuronMaps (in cells), or -1 for inputs. */
  mapIndex: number;
  /** Index of its bias in the flat weights, or -1 for inputs. */
  biasIndex: number;
  feature?: string;
}

export interface GraphEdge {
  id: string;
  source: GraphNode;
  target: GraphNode;
  /** Index of its weight in the flat weights. */
  weightIndex: number;
}

export const NODE_SIZE = 30;
const ROW_GAP = 46;
/** Room for the input labels, left of the first column. */
const LEFT_MARGIN = 56;
/** Room for the labels under the neurons. */
const LABEL_HEIGHT = 14;

/** Left edge of column c of count columns (inputs are column 0). */
export const columnX = (c: number, count: number, width: number) =>
  LEFT_MARGIN + (c * (width - LEFT_MARGIN - 20 - NODE_SIZE)) / Math.max(1, count - 1);

export function mlpGraph(layout: Layout, width: number, height: number) {
  const columns: GraphNode[][] = [];
  const colX = (c: number, count: number) => columnX(c, count, width);
  const colCount = layout.layerWidths.length + 1;
  const usable = height - NODE_SIZE - LABEL_HEIGHT;
  const place = (c: number, n: number) => (j: number) => ({
    x: colX(c, colCount),
    y: usable / 2 + (j - (n - 1) / 2) * Math.min(ROW_GAP, usable / Math.max(1, n - 1)),
  });

  columns.push(
    layout.features.map((f, j) => ({
      id: f,
      ...place(0, layout.features.length)(j),
      mapIndex: -1,
      biasIndex: -1,
      feature: f,
    })),
  );
  // The flat weights hold, per layer, its kernel [in, out] then its bias [out].
  let offset = 0;
  let mapIndex = 0;
  const edges: GraphEdge[] = [];
  layout.layerWidths.forEach((w, l) => {
    const isOutput = l === layout.layerWidths.length - 1;
    const previous = columns[l];
    const kernelStart = offset;
    const biasStart = offset + previous.length * w;
    offset = biasStart + w;
    const nodes = Array.from({ length: w }, (_, j) => ({
      id: isOutput ? (w === 1 ? 'y' : `y${j}`) : `h${l + 1}.${j}`,
      ...place(l + 1, w)(j),
      mapIndex: mapIndex++,
      biasIndex: biasStart + j,
    }));
    previous.forEach((source, i) =>
      nodes.forEach((target, j) =>
        edges.push({
          id: `${source.id}->${target.id}`,
          source,
          target,
          weightIndex: kernelStart + i * w + j,
        }),
      ),
    );
    columns.push(nodes);
  });
  return { nodes: columns.flat(), columns, edges };
}
