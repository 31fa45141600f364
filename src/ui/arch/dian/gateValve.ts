/**
 * DIAN's gate drawn as a valve on the extra path. On an active iteration the valve turns open, the path lights
 * with strength g and the value shows; on an inactive one it closes. When frames are sampled (many steps per
 * frame) the valve shows the running mean of g and a strip summarises the open/closed rhythm.
 */
import * as d3 from 'd3';
// d3's bundle is marked side-effect free, so the transition methods must be installed explicitly.
import 'd3-transition';
import type { Frame } from '../../../protocol';
import { POSITIVE } from '../../kit/colors';
import { changedAttr, setAttr, setText } from '../../kit/domWrites';

const RADIUS = 11;
const TRANSITION_MS = 180;
const format = d3.format('.2f');

/** Where the gate valve sits, and where its path comes from and joins layer 2. */
export interface ValvePlace {
  x: number;
  y: number;
  fromX: number;
  joinX: number;
  joinY: number;
}

export interface GateValveView {
  update(frame: Frame): void;
}

export function createGateValve(
  layer: d3.Selection<SVGGElement, unknown, null, undefined>,
  at: ValvePlace,
  width: number,
): GateValveView {
  const lane = layer.append('path').attr('class', 'gate-path').attr('fill', 'none').attr('stroke', POSITIVE);
  lane.attr(
    'd',
    `M${at.fromX},${at.y} L${at.x - RADIUS},${at.y} M${at.x + RADIUS},${at.y} ` +
      `C${at.joinX},${at.y} ${at.joinX},${at.y} ${at.joinX},${at.joinY}`,
  );
  const valve = layer
    .append('g')
    .attr('class', 'gate-valve')
    .attr('data-gate', '')
    .attr('data-open', 'false')
    .attr('transform', `translate(${at.x},${at.y})`);
  valve.append('circle').attr('r', RADIUS);
  const bar = valve
    .append('line')
    .attr('x1', -RADIUS + 3)
    .attr('x2', RADIUS - 3)
    .attr('transform', 'rotate(90)');
  const label = valve
    .append('text')
    .attr('class', 'gate-label')
    .attr('y', RADIUS + 12)
    .attr('text-anchor', 'middle');
  valve.append('title').text('The gate g = sigmoid(G e + bg) on the extra path into layer 3');

  const stripX = at.joinX + 44;
  const strip = layer.append('g').attr('class', 'gate-strip').attr('data-testid', 'gate-strip');
  strip
    .append('text')
    .attr('x', stripX)
    .attr('y', at.y - 10)
    .text('gate, last iterations');
  let previousStep = -1;

  return {
    update(frame) {
      if (frame.arch.kind !== 'dian') return;
      const trace = frame.arch.gateTrace;
      if (trace.length === 0) return;
      const last = trace[trace.length - 1];
      const open = frame.step > 0 && !Number.isNaN(last);
      const sampled = previousStep >= 0 && frame.step - previousStep > 1;
      previousStep = frame.step;
      const known = Array.from(trace).filter((_, i) => frame.step - (trace.length - 1 - i) >= 1);
      const opened = known.filter((g) => !Number.isNaN(g));
      const meanG = opened.length > 0 ? d3.mean(opened)! : 0;
      // Sampled: the valve's angle is the share of open iterations and its label the mean g.
      const openness = sampled ? opened.length / Math.max(1, known.length) : open ? 1 : 0;
      const shownG = sampled ? meanG : open ? last : 0;
      setAttr(valve.node()!, 'data-open', String(open));
      setAttr(valve.node()!, 'data-value', open ? last.toFixed(4) : '0');
      valve.classed('open', open);
      const barAngle = `rotate(${90 * (1 - openness)})`;
      const laneLook = {
        'stroke-opacity': 0.12 + 0.88 * shownG * openness,
        'stroke-width': 2 + 4 * shownG * openness,
      };
      setText(label.node()!, sampled ? `mean g ${format(meanG)}` : open ? `g ${format(last)}` : 'closed');
      if (sampled) {
        // Many steps a frame: no animation to run, and values written only when they change.
        bar.interrupt();
        lane.interrupt();
        setAttr(bar.node()!, 'transform', barAngle);
        for (const [name, value] of Object.entries(laneLook)) setAttr(lane.node()!, name, value.toFixed(2));
      } else {
        bar.transition().duration(TRANSITION_MS).attr('transform', barAngle);
        lane
          .transition()
          .duration(TRANSITION_MS)
          .attr('stroke-opacity', laneLook['stroke-opacity'])
          .attr('stroke-width', laneLook['stroke-width']);
      }

      const cellWidth = (width - 10 - stripX) / trace.length;
      strip
        .selectAll<SVGRectElement, number>('rect')
        .data(Array.from(trace))
        .join((enter) =>
          enter
            .append('rect')
            .attr('y', at.y - 4)
            .attr('height', 12),
        )
        .each(changedAttr('x', (_, i) => String(stripX + i * cellWidth)))
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
