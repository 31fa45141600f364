/**
 * The Dynamic-Live graph in D3: neurons in layer columns, forward edges as curves and recurrent ones as arcs,
 * weight as width. Rewiring animates: a connection grows in from nothing, a disconnection fades to a faint
 * dashed "allowed" edge, and the reward pulses through the output neuron. Gestures (from ui/gestures): drag a
 * neuron's port (the small circle on its right) onto another neuron to connect them; drag an edge away to
 * remove it; drag a neuron to move it; click a neuron to select it.
 */
import * as d3 from 'd3';
import 'd3-transition';
import type { LiveEdit } from '../../../experiment';
import type { RewireNotice } from '../../appState';
import type { Frame, Layout } from '../../../protocol';
import { connect, dragAway, elementUnder, hoverTooltip, move, REMOVE_DISTANCE } from '../../gestures';
import { divergingCss } from '../../kit/colors';
import { changedAttr, setAttr, setClass } from '../../kit/domWrites';
import { edgePath, liveGraph, NEURON_RADIUS, type LiveEdgeShape, type LiveNode } from './liveGeometry';
import { animateEdge, createRewireBatch, pulse } from './rewireFlash';
import type { EdgeClick } from '../../views/networkGraph';

export interface LiveGraphCallbacks {
  edit(edit: LiveEdit): void;
  select(id: string | undefined): void;
  /** An edge was clicked (not dragged): to type its weight. */
  editWeight?(edge: EdgeClick): void;
}

export interface LiveGraphView {
  setLayout(layout: Layout): void;
  update(frame: Frame): void;
  rewire(notice: RewireNotice): void;
  highlight(edgeId: string | undefined): void;
  destroy(): void;
}

const width = d3.scaleLinear().domain([0, 1]).range([0.6, 7]).clamp(true);
const format = d3.format('.3f');

export function createLiveGraph(
  svgElement: SVGSVGElement,
  tooltip: HTMLElement,
  on: LiveGraphCallbacks,
): LiveGraphView {
  const svg = d3.select(svgElement);
  const box = svgElement.viewBox.baseVal;
  const root = svg.append('g').attr('class', 'live-graph');
  root
    .append('defs')
    .append('marker')
    .attr('id', 'live-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 10)
    .attr('refY', 5)
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('markerWidth', 9)
    .attr('markerHeight', 9)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .attr('fill', '#888');
  const edgeLayer = root.append('g');
  const nodeLayer = root.append('g');
  let nodes: LiveNode[] = [];
  let edges: LiveEdgeShape[] = [];
  let weights: Float32Array = new Float32Array(0);
  let values: Float32Array = new Float32Array(0);
  let outputIds = new Set<string>();
  /** The neuron under the pointer: its tooltip follows its value frame by frame. */
  let hovered: { node: LiveNode; event: MouseEvent } | undefined;
  let focused: LiveNode | undefined;
  /** Rewarded steps at the last pulse: the outputs pulse whenever it grows. */
  let pulsedAt = 0;

  const tip = hoverTooltip(tooltip, svgElement);
  const valueOf = (n: LiveNode) => values[n.valueIndex];
  const neuronText = (n: LiveNode) => {
    const v = valueOf(n);
    const value = v === undefined ? 'no value yet' : `activation ${format(v)}`;
    return `${n.id}: ${value}${n.layer === 0 ? ' (input)' : ''}`;
  };
  const neuronLabel = (n: LiveNode) =>
    `neuron ${neuronText(n)}; Enter selects it` + (isHidden(n) ? ', Delete removes it' : '');
  const isHidden = (n: LiveNode) => n.layer > 0 && !outputIds.has(n.id);
  /** A drag hides the tooltip, and frames must not bring it back. */
  const hideTip = () => {
    hovered = undefined;
    tip.hide();
  };
  const edgeOf = (id: string) =>
    edgeLayer.select<SVGGElement>(`g.edge[data-edge-id="${CSS.escape(id)}"]`).node() ?? undefined;
  const rewires = createRewireBatch((changes) => {
    for (const change of changes) {
      const edge = edgeOf(change.edge);
      if (edge) animateEdge(edge, change);
    }
  });
  const selectNode = (n: LiveNode | undefined) => {
    nodeLayer.selectAll<SVGGElement, LiveNode>('g.neuron').classed('selected', (m) => m === n);
    on.select(n?.id);
  };
  const redrawEdges = () =>
    edgeLayer.selectAll<SVGGElement, LiveEdgeShape>('g.edge').each(function (e) {
      d3.select(this).selectAll('path').attr('d', edgePath(e));
    });
  const moveNode = move<SVGGElement, LiveNode>({
    bounds: {
      left: NEURON_RADIUS,
      top: NEURON_RADIUS,
      right: box.width - NEURON_RADIUS,
      bottom: box.height - NEURON_RADIUS,
    },
    filter: (event) => !(event.target as Element).classList.contains('port'),
    onStart: hideTip,
    onMove: redrawEdges,
    onEnd: (n) => on.edit({ kind: 'move', id: n.id, x: Math.round(n.x), y: Math.round(n.y) }),
  });
  const connectNeurons = connect<SVGCircleElement, LiveNode, string>({
    ghostLayer: root,
    anchor: (n) => n,
    targetAt: (point) => elementUnder(point, '[data-neuron-id]')?.getAttribute('data-neuron-id') ?? undefined,
    onConnect: (n, neuron) => on.edit({ kind: 'connect', source: n.id, neuron }),
  });
  const removeEdge = dragAway<SVGGElement, LiveEdgeShape>({
    distance: REMOVE_DISTANCE,
    onStart: hideTip,
    onRemove: (e) => on.edit({ kind: 'disconnect', source: e.source.id, neuron: e.target.id }),
  });

  /** Connected (w > 0) in blue, negative (only as the beta code does) in orange, width |w|; else unconnected. */
  function drawWeights() {
    const w = (e: LiveEdgeShape) => weights[e.weightIndex];
    const connected = (e: LiveEdgeShape) => w(e) !== 0 && Number.isFinite(w(e));
    edgeLayer
      .selectAll<SVGGElement, LiveEdgeShape>('g.edge')
      .each(changedAttr('data-weight', (e) => w(e)?.toPrecision(4) ?? '0'))
      .each(function (e) {
        setClass(this, 'unconnected', !connected(e));
        setClass(this, 'negative', w(e) < 0);
      })
      .select('path.edge-line')
      .each(
        changedAttr('stroke', (e) =>
          w(e) > 0 ? divergingCss(0.4 + w(e)) : w(e) < 0 ? divergingCss(w(e) - 0.4) : '#bbb',
        ),
      )
      .each(changedAttr('stroke-width', (e) => (connected(e) ? width(Math.abs(w(e))).toFixed(1) : '1')));
  }

  return {
    setLayout(layout) {
      if (layout.arch.kind !== 'live') return;
      ({ nodes, edges } = liveGraph(layout.arch, box.width, box.height));
      outputIds = new Set(layout.arch.layers.at(-1));
      // Values index the old neurons until the next frame.
      values = new Float32Array(0);
      weights = new Float32Array(edges.length);
      edgeLayer
        .selectAll<SVGGElement, LiveEdgeShape>('g.edge')
        .data(edges, (e) => e.id)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'edge');
          g.append('path').attr('class', 'edge-hit');
          g.append('path').attr('class', 'edge-line').attr('marker-end', 'url(#live-arrow)');
          return g;
        })
        .attr('data-edge-id', (e) => e.id)
        .on('mouseenter', (event: MouseEvent, e) =>
          tip.show(
            event,
            `${e.source.id} → ${e.target.id}: weight ${format(weights[e.weightIndex] ?? 0)} (click to set it, drag away to remove)`,
          ),
        )
        .on('mouseleave', tip.hide)
        .on('click', (event: MouseEvent, e) => {
          const box = svgElement.parentElement!.getBoundingClientRect();
          on.editWeight?.({
            id: e.id,
            label: `${e.source.id} → ${e.target.id}`,
            weightIndex: e.weightIndex,
            value: weights[e.weightIndex] ?? 0,
            x: event.clientX - box.left,
            y: event.clientY - box.top,
          });
          event.stopPropagation();
        })
        .call(removeEdge.attach);
      redrawEdges();
      nodeLayer
        .selectAll<SVGGElement, LiveNode>('g.neuron')
        .data(nodes, (n) => n.id)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'neuron live');
          g.append('circle').attr('class', 'pulse').attr('r', NEURON_RADIUS);
          g.append('circle').attr('class', 'body').attr('r', NEURON_RADIUS);
          g.append('text')
            .attr('class', 'label')
            .attr('text-anchor', 'middle')
            .attr('dy', NEURON_RADIUS + 12);
          g.append('circle')
            .attr('class', 'port')
            .attr('r', 5)
            .attr('cx', NEURON_RADIUS + 4);
          return g;
        })
        .attr('data-neuron-id', (n) => n.id)
        .attr('tabindex', 0)
        .attr('role', 'button')
        .attr('aria-label', neuronLabel)
        .classed('input', (n) => n.layer === 0)
        .attr('transform', (n) => `translate(${n.x},${n.y})`)
        .on('click', (event: MouseEvent, n) => {
          selectNode(n);
          event.stopPropagation();
        })
        // The keyboard's way (issue 14): Tab to a neuron, Enter selects it, Delete removes a hidden one.
        .on('keydown', (event: KeyboardEvent, n) => {
          if (event.key === 'Enter') selectNode(n);
          else if ((event.key === 'Delete' || event.key === 'Backspace') && isHidden(n)) {
            on.edit({ kind: 'removeNeuron', id: n.id });
            on.select(undefined);
          } else return;
          event.preventDefault();
          event.stopPropagation();
        })
        // The focused neuron's label carries its activation (written for that one only: frames come fast).
        .on('focus', function (_, n) {
          focused = n;
          setAttr(this, 'aria-label', neuronLabel(n));
        })
        .on('blur', () => (focused = undefined))
        .on('mouseenter', (event: MouseEvent, n) => {
          hovered = { node: n, event };
          tip.show(event, `${neuronText(n)} (drag the dot to connect, drag to move)`);
        })
        .on('mouseleave', hideTip)
        .call(moveNode.attach)
        .call((g) => connectNeurons.attach(g.select<SVGCircleElement>('circle.port')))
        .select('text.label')
        .text((n) => n.id);
      svg.on('click.deselect', () => selectNode(undefined));
    },

    update(frame) {
      if (frame.weights.length === weights.length) {
        weights = frame.weights;
        drawWeights();
      }
      if (frame.neuronMaps.length === nodes.length) {
        values = frame.neuronMaps;
        const neurons = nodeLayer.selectAll<SVGGElement, LiveNode>('g.neuron');
        if (focused) neurons.filter((n) => n === focused).each(changedAttr('aria-label', neuronLabel));
        neurons
          .select('circle.body')
          .each(changedAttr('fill', (n) => divergingCss(2 * Math.min(1, Math.max(0, valueOf(n))) - 1)));
        if (hovered)
          tip.show(hovered.event, `${neuronText(hovered.node)} (drag the dot to connect, drag to move)`);
      }
      // Every reward (not only those that rewire) pulses through the output neurons.
      const { arch } = frame;
      if (arch.kind === 'live' && arch.rewarded !== undefined && arch.rewarded !== pulsedAt) {
        const grew = arch.rewarded > pulsedAt;
        pulsedAt = arch.rewarded;
        if (grew && arch.lastReward !== undefined && Number.isFinite(arch.lastReward)) {
          const outputs = nodeLayer
            .selectAll<SVGGElement, LiveNode>('g.neuron')
            .filter((n) => outputIds.has(n.id))
            .each(function () {
              setAttr(this, 'data-pulses', String(arch.rewarded));
              setAttr(this, 'data-last-reward', format(arch.lastReward!));
            });
          pulse(outputs.select<SVGCircleElement>('circle.pulse'), arch.lastReward, NEURON_RADIUS);
        }
      }
    },

    rewire: rewires.add,

    highlight(edgeId) {
      edgeLayer.selectAll<SVGGElement, LiveEdgeShape>('g.edge').classed('highlight', (e) => e.id === edgeId);
    },

    destroy() {
      for (const gesture of [moveNode, connectNeurons, removeEdge]) gesture.destroy();
      rewires.clear();
      root.remove();
      svg.on('click.deselect', null);
    },
  };
}
