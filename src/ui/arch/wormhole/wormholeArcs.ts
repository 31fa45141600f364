/**
 * The Wormhole network's backward connections, drawn as arcs above the layers from layer j back to layer l,
 * lit by their gate value; each arc has its own end points (arcGeometry.ts). Gestures: drag from a neuron of a
 * later layer onto a neuron of an earlier layer to add a wormhole (a refused one says why); drag an arc away to
 * remove it (the grab takes the arc nearest the pointer). While a sweep is held in the convergence view, each
 * neuron shows its state at that sweep and each arc its gate then.
 */
import * as d3 from 'd3';
import 'd3-transition';
import type { Wormhole } from '../../../experiment';
import type { Frame } from '../../../protocol';
import { connect, elementUnder, REMOVE_DISTANCE } from '../../gestures';
import { dragGesture } from '../../gestures/gesture';
import { draggedBeyond, type Point } from '../../gestures/pointer';
import { divergingCss, POSITIVE } from '../../kit/colors';
import { setAttr } from '../../kit/domWrites';
import type { Graph, GraphNode } from '../../views/geometry';
import { arcPath, arcShapes, nearestArc } from './arcGeometry';
import { layerStates, shownSweep, type ShownSweep } from './shownSweep';
import { addRefusal } from './wormholeEdits';

export interface WormholeArcsView {
  update(frame: Frame): void;
  /** Lets go of the neurons' connect gesture (they outlive the arcs when the layout changes). */
  destroy(): void;
}

/** How far from an arc a grab still takes it (the hit stroke is 12 px wide; 28 px for a finger: app.css). */
const GRAB_REACH = 8;
const FINGER_REACH = 15;
const coarsePointer = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

export function createWormholeArcs(
  layer: d3.Selection<SVGGElement, unknown, null, undefined>,
  nodeLayer: d3.Selection<SVGGElement, unknown, null, undefined>,
  graph: Graph,
  wormholes: Wormhole[],
  edit: (wormholes: Wormhole[]) => void,
  refuse: (reason: string) => void,
): WormholeArcsView {
  const centre = (l: number) => {
    const column = graph.columns[l];
    return { x: column[0].x + column[0].size / 2, top: Math.min(...column.map((n) => n.y)) };
  };
  const spread = Math.max(0, Math.min(...graph.columns.slice(1).map((c) => c[0].size)) - 6);
  const shapes = arcShapes(wormholes, centre, spread);
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
  arcs.each(function (_, i) {
    const shape = shapes[i];
    d3.select(this)
      .attr('data-ends', `${shape.a.x.toFixed(1)},${shape.b.x.toFixed(1)}`)
      .selectAll('path')
      .attr('d', arcPath(shape));
  });
  arcs
    .select('title')
    .text((w) => `wormhole from layer ${w.from} back to layer ${w.to} (drag away to remove)`);
  const arcNodes = arcs.nodes();
  const reach = coarsePointer() ? FINGER_REACH : GRAB_REACH;

  // Drag an arc away to remove it: whichever arc's element caught the pointer, the grab takes the nearest arc.
  type Grab = Point & { index: number };
  const removeArc = dragGesture(
    d3
      .drag<SVGGElement, Wormhole, Grab>()
      .subject((event: d3.D3DragEvent<SVGGElement, Wormhole, Grab>, w) => {
        const nearest = nearestArc({ x: event.x, y: event.y }, shapes, reach);
        return { x: event.x, y: event.y, index: nearest >= 0 ? nearest : wormholes.indexOf(w) };
      })
      .on('start', (event: d3.D3DragEvent<SVGGElement, Wormhole, Grab>) =>
        d3.select(arcNodes[event.subject.index]).classed('dragging', true),
      )
      .on('drag', (event: d3.D3DragEvent<SVGGElement, Wormhole, Grab>) =>
        d3
          .select(arcNodes[event.subject.index])
          .attr('transform', `translate(${event.x - event.subject.x},${event.y - event.subject.y})`),
      )
      .on('end', (event: d3.D3DragEvent<SVGGElement, Wormhole, Grab>) => {
        const grabbed = event.subject.index;
        d3.select(arcNodes[grabbed]).classed('dragging', false).attr('transform', null);
        if (draggedBeyond(event.subject, event, REMOVE_DISTANCE))
          edit(wormholes.filter((_, i) => i !== grabbed));
      }),
  );
  removeArc.attach(arcs);

  // Drag from a neuron onto one of an earlier layer: a new wormhole between their layers, or the reason why not.
  const addArc = connect<SVGGElement, GraphNode, GraphNode>({
    ghostLayer: layer,
    anchor: (n) => ({ x: n.x + n.size / 2, y: n.y + n.size / 2 }),
    filter: (n) => (n.column ?? 0) >= 1,
    targetAt: (point) => {
      const target = elementUnder(point, '[data-neuron-id]');
      return target ? (d3.select(target).datum() as GraphNode) : undefined;
    },
    onConnect: (n, target) => {
      // A click, or a drag back onto the same neuron: nothing meant.
      if (target === n) return;
      const from = n.column!;
      // Inputs are column 0 (their nodes carry no column).
      const to = target.kind === 'input' ? 0 : target.column;
      if (to === undefined) return;
      const reason = addRefusal(wormholes, from, to, graph.columns.length - 1);
      if (reason) refuse(reason);
      else edit([...wormholes, { from, to }]);
    },
  });
  addArc.attach(nodeLayer.selectAll<SVGGElement, GraphNode>('g.neuron'));

  // Each neuron's state at the held sweep: a square over its thumbnail, and the sweep named above the graph.
  const stateRects = nodeLayer
    .selectAll<SVGGElement, GraphNode>('g.neuron')
    .filter((n) => (n.column ?? 0) >= 1)
    .append('rect')
    .attr('class', 'fp-state')
    .attr('rx', 3)
    .attr('width', (n) => n.size)
    .attr('height', (n) => n.size)
    .attr('display', 'none');
  const sweepLabel = layer.append('text').attr('class', 'fp-sweep-label').attr('x', 4).attr('y', 12);

  const paintGates = (gates: number[] | undefined) => {
    if (!gates) return;
    arcs
      .attr('data-gate', (_, i) => gates[i]?.toFixed(4) ?? '0')
      .select('path.wormhole-line')
      .transition()
      .duration(150)
      .attr('stroke-opacity', (_, i) => 0.15 + 0.85 * Math.min(1, gates[i] ?? 0))
      .attr('stroke-width', (_, i) => 1.5 + 5 * Math.min(1, gates[i] ?? 0));
  };

  const showSweep = (shown: ShownSweep | undefined) => {
    const states = shown?.onGraph ? layerStates(shown.replay, shown.sweep) : undefined;
    // A replay of another shape (made before the layout changed) is not painted.
    const fits = states?.every((s, l) => s.length === graph.columns[l + 1]?.length) ?? false;
    stateRects.attr('display', fits ? null : 'none');
    sweepLabel.text(
      fits && shown
        ? `sweep ${shown.sweep} of ${shown.replay.iterations}, sample (${shown.replay.point
            .map((v) => v.toFixed(2))
            .join(', ')})`
        : '',
    );
    if (!fits || !shown) return;
    stateRects.each(function (n) {
      const value = states![n.column! - 1][graph.columns[n.column!].indexOf(n)];
      // A style, not the attribute: the stylesheet paints every neuron's rect white.
      const fill = divergingCss(value);
      if (this.style.fill !== fill) this.style.fill = fill;
      setAttr(this, 'data-state', value.toFixed(4));
    });
    paintGates(shown.replay.gates[shown.sweep - 1]);
  };
  const unsubscribe = shownSweep.subscribe(showSweep);

  return {
    update(frame) {
      if (frame.arch.kind !== 'wormhole' || shownSweep.get()?.onGraph) return;
      paintGates(frame.arch.fixedPoint.gates.at(-1));
    },
    destroy() {
      unsubscribe();
      stateRects.remove();
      removeArc.destroy();
      addArc.destroy();
    },
  };
}
