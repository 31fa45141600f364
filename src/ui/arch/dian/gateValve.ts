/**
 * DIAN's gate drawn as a valve on the extra path, whose lane runs on into layer 3. Stepping (and in slow motion)
 * the valve shows each step: open (an arrow through it, the lane lit with strength g, the value), or closed (a bar
 * across). Playing faster it shows one steady aggregate of the recent steps (valveText.ts), and a strip their
 * open/closed rhythm.
 */
import * as d3 from 'd3';
// d3's bundle is marked side-effect free, so the transition methods must be installed explicitly.
import 'd3-transition';
import type { Frame } from '../../../protocol';
import { POSITIVE } from '../../kit/colors';
import { changedAttr, setAttr, setText } from '../../kit/domWrites';
import { gateWindow, valveText } from './valveText';

const RADIUS = 11;
const TRANSITION_MS = 180;

/** Where the gate valve sits, where its path comes from, and where it enters layer 3 (a bus beside it). */
export interface ValvePlace {
  x: number;
  y: number;
  fromX: number;
  /** The bus left of layer 3: its x, and the centres of layer 3's neurons it feeds. */
  intoX: number;
  intoYs: number[];
  /** Where layer 3's neurons begin (the arrows end there). */
  layer3X: number;
  /** The strip's room, between layer 2 and the bus. */
  stripLeft: number;
}

export interface GateValveView {
  update(frame: Frame): void;
}

export function createGateValve(
  layer: d3.Selection<SVGGElement, unknown, null, undefined>,
  at: ValvePlace,
  /** Whether this frame is summarised (playing faster than slow), not shown step by step. */
  aggregated: (frame: Frame) => boolean,
): GateValveView {
  layer
    .append('defs')
    .append('marker')
    .attr('id', 'gate-arrow')
    .attr('viewBox', '0 0 8 8')
    .attr('refX', 7)
    .attr('refY', 4)
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('markerWidth', 9)
    .attr('markerHeight', 9)
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,0 L8,4 L0,8 Z')
    .attr('fill', POSITIVE);
  const top = Math.min(...at.intoYs);
  const lane = layer
    .append('path')
    .attr('class', 'gate-path')
    .attr('data-testid', 'gate-lane')
    .attr('fill', 'none')
    .attr('stroke', POSITIVE)
    .attr(
      'd',
      `M${at.fromX},${at.y} L${at.x - RADIUS},${at.y} M${at.x + RADIUS},${at.y} L${at.intoX - 8},${at.y} ` +
        `Q${at.intoX},${at.y} ${at.intoX},${at.y - 8} L${at.intoX},${top}`,
    );
  // One arrow into each neuron of layer 3: z = h2 + g e is what layer 3 reads.
  const arrows = layer
    .append('g')
    .attr('class', 'gate-into')
    .selectAll('path')
    .data(at.intoYs)
    .join('path')
    .attr('data-into', (_, i) => i)
    .attr('d', (y) => `M${at.intoX},${y} L${at.layer3X - 1},${y}`)
    .attr('fill', 'none')
    .attr('stroke', POSITIVE)
    .attr('marker-end', 'url(#gate-arrow)');
  layer
    .append('text')
    .attr('class', 'gate-label')
    .attr('x', at.intoX - 4)
    .attr('y', at.y - 12)
    .attr('text-anchor', 'end')
    .text('+ g·e into layer 3');
  const valve = layer
    .append('g')
    .attr('class', 'gate-valve')
    .attr('data-gate', '')
    .attr('data-open', 'false')
    .attr('transform', `translate(${at.x},${at.y})`);
  valve.append('circle').attr('r', RADIUS);
  // Closed: a bar across the lane. Open: an arrow along it (the way the extra input flows).
  const bar = valve
    .append('line')
    .attr('class', 'gate-bar')
    .attr('y1', -RADIUS + 3)
    .attr('y2', RADIUS - 3);
  const arrow = valve
    .append('path')
    .attr('class', 'gate-open-arrow')
    .attr('d', 'M-5,-6 L7,0 L-5,6 Z')
    .attr('fill', POSITIVE)
    .attr('opacity', 0);
  const label = valve.append('text').attr('class', 'gate-label').attr('data-testid', 'gate-label');
  const lines = [0, 1].map((i) =>
    label
      .append('tspan')
      .attr('x', RADIUS + 5)
      .attr('y', 14 + 11 * i)
      .node()!,
  );
  valve.append('title').text('The gate g = sigmoid(G e + bg) on the extra path into layer 3');

  const strip = layer.append('g').attr('class', 'gate-strip').attr('data-testid', 'gate-strip');
  const stripWidth = at.intoX - 14 - at.stripLeft;
  const stripY = at.y - 40;
  strip
    .append('text')
    .attr('x', at.stripLeft)
    .attr('y', stripY - 4)
    .text('gate, last steps');

  return {
    update(frame) {
      if (frame.arch.kind !== 'dian') return;
      const trace = frame.arch.gateTrace;
      if (trace.length === 0) return;
      const last = trace[trace.length - 1];
      const open = frame.step > 0 && !Number.isNaN(last);
      const summary = aggregated(frame);
      const window = gateWindow(trace, frame.step);
      const share = window.steps > 0 ? window.opens / window.steps : 0;
      const openness = summary ? share : open ? 1 : 0;
      const shownG = summary ? window.meanG : open ? last : 0;
      const valveNode = valve.node()!;
      setAttr(valveNode, 'data-open', String(open));
      setAttr(valveNode, 'data-value', open ? last.toFixed(4) : '0');
      setAttr(valveNode, 'data-summary', summary ? 'true' : 'false');
      setAttr(valveNode, 'data-open-share', share.toFixed(4));
      valve.classed('open', summary ? share > 0 : open);
      valveText(window, { open, g: last }, summary).forEach((text, i) => setText(lines[i], text));
      const look = {
        bar: summary || open ? 0 : 1,
        arrow: summary ? 0.3 + 0.7 * share : open ? 1 : 0,
        'stroke-opacity': 0.12 + 0.88 * shownG * openness,
        'stroke-width': 2 + 4 * shownG * openness,
      };
      if (summary) {
        // Many steps a frame: no animation to run, and values written only when they change.
        for (const s of [bar, arrow, lane, arrows]) s.interrupt();
        setAttr(bar.node()!, 'opacity', String(look.bar));
        setAttr(arrow.node()!, 'opacity', look.arrow.toFixed(2));
        for (const name of ['stroke-opacity', 'stroke-width'] as const) {
          setAttr(lane.node()!, name, look[name].toFixed(2));
          arrows.each(changedAttr(name, () => look[name].toFixed(2)));
        }
      } else {
        bar.transition().duration(TRANSITION_MS).attr('opacity', look.bar);
        arrow.transition().duration(TRANSITION_MS).attr('opacity', look.arrow);
        for (const s of [lane, arrows])
          s.transition()
            .duration(TRANSITION_MS)
            .attr('stroke-opacity', look['stroke-opacity'])
            .attr('stroke-width', look['stroke-width']);
      }

      const cellWidth = stripWidth / trace.length;
      strip
        .selectAll<SVGRectElement, number>('rect')
        .data(Array.from(trace))
        .join((enter) => enter.append('rect').attr('y', stripY).attr('height', 10))
        .each(changedAttr('x', (_, i) => String(at.stripLeft + i * cellWidth)))
        .each(changedAttr('width', () => String(Math.max(1, cellWidth - 1))))
        .each(
          changedAttr('fill', (g, i) =>
            frame.step - (trace.length - 1 - i) < 1 ? 'transparent' : Number.isNaN(g) ? '#ddd' : POSITIVE,
          ),
        )
        .each(changedAttr('fill-opacity', (g) => (Number.isNaN(g) ? '1' : (0.25 + 0.75 * g).toFixed(2))));
    },
  };
}
