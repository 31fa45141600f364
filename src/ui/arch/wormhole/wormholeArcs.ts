/**
 * The Wormhole network's backward connections, drawn as arcs above the layers from layer j back to layer l,
 * lit by their gate value. Gestures: drag from a neuron of a later layer onto a neuron of an earlier layer to
 * add a wormhole; drag an arc away to remove it.
 */
import * as d3 from 'd3';
import 'd3-transition';
import type { Wormhole } from '../../../experiment';
import type { Frame } from '../../../protocol';
import { connect, dragAway, elementUnder, REMOVE_DISTANCE } from '../../gestures';
import { POSITIVE } from '../../kit/colors';
import type { Graph, GraphNode } from '../../views/geometry';

export interface WormholeArcsView {
  update(frame: Frame): void;
  /** Lets go of the neurons' connect gesture (they outlive the arcs when the layout changes). */
  destroy(): void;
}

export function createWormholeArcs(
  layer: d3.Selection<SVGGElement, unknown, null, undefined>,
  nodeLayer: d3.Selection<SVGGElement, unknown, null, undefined>,
  graph: Graph,
  wormholes: Wormhole[],
  edit: (wormholes: Wormhole[]) => void,
): WormholeArcsView {
  const centre = (l: number) => {
    const column = graph.columns[l];
    return { x: column[0].x + column[0].size / 2, top: Math.min(...column.map((n) => n.y)) };
  };
  const arcPath = (w: Wormhole) => {
    const a = centre(w.from);
    const b = centre(w.to);
    // Longer wormholes arch higher, but never above the top of the picture.
    const cy = Math.max(4, Math.min(a.top, b.top) - 30 - 14 * (w.from - w.to));
    return `M${a.x},${a.top - 4} C${a.x},${cy} ${b.x},${cy} ${b.x},${b.top - 4}`;
  };
  const key = (w: Wormhole) => `${w.from}->${w.to}`;
  const arcs = layer
    .selectAll<SVGGElement, Wormhole>('g.wormhole')
    .data(wormholes, key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'wormhole');
      g.append('path').attr('class', 'edge-hit');
      g.append('path').attr('class', 'wormhole-line').attr('stroke', POSITIVE);
      g.append('title');
      return g;
    })
    .attr('data-wormhole', key)
    .attr('data-edge-id', (w) => `L${w.from}->L${w.to}`);
  arcs.each(function (w) {
    d3.select(this).selectAll('path').attr('d', arcPath(w));
  });
  arcs
    .select('title')
    .text((w) => `wormhole from layer ${w.from} back to layer ${w.to} (drag away to remove)`);
  const removeArc = dragAway<SVGGElement, Wormhole>({
    distance: REMOVE_DISTANCE,
    onRemove: (w) => edit(wormholes.filter((other) => key(other) !== key(w))),
  });
  removeArc.attach(arcs);

  // Drag from a neuron of a later layer onto one of an earlier layer: a new wormhole between their layers.
  const addArc = connect<SVGGElement, GraphNode, number>({
    ghostLayer: layer,
    anchor: (n) => ({ x: n.x + 15, y: n.y + 15 }),
    filter: (n) => (n.column ?? 0) >= 2,
    targetAt: (point) => {
      const target = elementUnder(point, '[data-neuron-id]');
      return target ? (d3.select(target).datum() as GraphNode).column : undefined;
    },
    onConnect: (n, to) => {
      const from = n.column!;
      if (to >= 1 && to < from && !wormholes.some((w) => w.from === from && w.to === to))
        edit([...wormholes, { from, to }]);
    },
  });
  addArc.attach(nodeLayer.selectAll<SVGGElement, GraphNode>('g.neuron'));

  return {
    update(frame) {
      const gates = frame.arch.kind === 'wormhole' ? frame.arch.fixedPoint.gates.at(-1) : undefined;
      if (!gates) return;
      arcs
        .attr('data-gate', (_, i) => gates[i]?.toFixed(4) ?? '0')
        .select('path.wormhole-line')
        .transition()
        .duration(150)
        .attr('stroke-opacity', (_, i) => 0.15 + 0.85 * Math.min(1, gates[i] ?? 0))
        .attr('stroke-width', (_, i) => 1.5 + 5 * Math.min(1, gates[i] ?? 0));
    },
    destroy() {
      removeArc.destroy();
      addArc.destroy();
    },
  };
}
