/** Geometry of the Dynamic-Live graph: neurons in layer columns (or where the user put them), edge paths. */
import { own, sourcesOf } from '../../../experiment';
import type { ArchLayoutOf } from '../../../protocol';

export const NEURON_RADIUS = 15;

export interface LiveNode {
  id: string;
  layer: number;
  x: number;
  y: number;
  /** Index of its value in a frame's neuronMaps (neurons in firing order). */
  valueIndex: number;
}

export interface LiveEdgeShape {
  id: string;
  source: LiveNode;
  target: LiveNode;
  /** Index of its weight in the flat weights (non-input neurons in order, each over its allowed sources). */
  weightIndex: number;
}

export function liveGraph(live: ArchLayoutOf<'live'>, width: number, height: number) {
  const count = live.layers.length;
  const nodes: LiveNode[] = [];
  const byId = new Map<string, LiveNode>();
  live.layers.forEach((layer, l) => {
    const x = 50 + (l * (width - 100)) / Math.max(1, count - 1);
    const place = columnPlaces(layer.length, x, width, height);
    layer.forEach((id, j) => {
      const [px, py] = own(live.positions, id) ?? place(j);
      const node = { id, layer: l, x: px, y: py, valueIndex: nodes.length };
      nodes.push(node);
      byId.set(id, node);
    });
  });
  const edges: LiveEdgeShape[] = [];
  let weightIndex = 0;
  for (const layer of live.layers.slice(1)) {
    for (const id of layer) {
      for (const source of sourcesOf(live, id)) {
        edges.push({
          id: `${source}->${id}`,
          source: byId.get(source)!,
          target: byId.get(id)!,
          weightIndex: weightIndex++,
        });
      }
    }
  }
  return { nodes, edges };
}

/** Neurons closer than this (centre to centre) would overlap: a layer that would be split into more columns. */
export const NEURON_PITCH = 2 * NEURON_RADIUS + 4;

/**
 * Where the j-th of n neurons of a layer sits: one column at x (up to 70 apart), or, when one column would put
 * them closer than NEURON_PITCH (a table's 64 inputs, 10 class outputs on a short graph), side-by-side columns of
 * neurons NEURON_PITCH apart, filled top to bottom, left to right, kept within the graph's width.
 */
function columnPlaces(n: number, x: number, width: number, height: number): (j: number) => [number, number] {
  const single = (height - 60) / Math.max(1, n - 1);
  if (single >= NEURON_PITCH) {
    const gap = Math.min(70, single);
    return (j) => [x, height / 2 + (j - (n - 1) / 2) * gap];
  }
  const perColumn = Math.max(1, Math.floor((height - 60) / NEURON_PITCH) + 1);
  const columns = Math.ceil(n / perColumn);
  const span = (columns - 1) * NEURON_PITCH;
  const edge = NEURON_RADIUS + 4;
  const left = Math.min(Math.max(edge, x - span / 2), Math.max(edge, width - edge - span));
  return (j) => {
    const c = Math.floor(j / perColumn);
    const rows = Math.min(perColumn, n - c * perColumn);
    const row = j - c * perColumn;
    return [left + c * NEURON_PITCH, height / 2 + (row - (rows - 1) / 2) * NEURON_PITCH];
  };
}

/** Forward edges curve left to right; same-layer and backward edges arc above; a self-loop is a small loop. */
export function edgePath(e: {
  source: { x: number; y: number; layer: number };
  target: { x: number; y: number; layer: number };
}): string {
  const { source: s, target: t } = e;
  const r = NEURON_RADIUS;
  if (s === t)
    return `M${s.x - 6},${s.y - r} C${s.x - 34},${s.y - 62} ${s.x + 34},${s.y - 62} ${s.x + 6},${s.y - r}`;
  if (s.layer < t.layer && t.x > s.x) {
    const mx = (s.x + t.x) / 2;
    return `M${s.x + r},${s.y} C${mx},${s.y} ${mx},${t.y} ${t.x - r},${t.y}`;
  }
  // Recurrent: an arc bowing away from the straight line, so A->B and B->A do not overlap.
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len = Math.hypot(dx, dy) || 1;
  const bow = Math.max(30, len * 0.35);
  const cx = (s.x + t.x) / 2 + (dy / len) * bow;
  const cy = (s.y + t.y) / 2 - (dx / len) * bow;
  // End on the target's rim (towards the control point), so the arrow head stays visible.
  const ex = cx - t.x;
  const ey = cy - t.y;
  const el = Math.hypot(ex, ey) || 1;
  return `M${s.x},${s.y} Q${cx},${cy} ${t.x + (ex / el) * r},${t.y + (ey / el) * r}`;
}
