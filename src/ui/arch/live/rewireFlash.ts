/**
 * Live rewiring, as the graph shows it (issue 14). The rewirings that arrive within one animation frame are drawn
 * together: an edge that disconnected and reconnected (or the reverse) within them is ONE "rewired" flash, not a
 * fade that a grow-in overwrites. Each edge keeps its latest change in data-change (and the step in
 * data-change-step) after the animation has ended.
 */
import * as d3 from 'd3';
import 'd3-transition';
import type { RewireNotice } from '../../appState';
import { NEGATIVE, POSITIVE } from '../../kit/colors';

export type EdgeChange = 'connect' | 'disconnect' | 'rewired';
/** The "rewired" flash: yellow, neither blue (connected) nor orange (punished). */
export const REWIRED = '#e6b800';

export interface EdgeRewire {
  edge: string;
  change: EdgeChange;
  /** The latest notice's reward and step for that edge. */
  reward: number;
  step?: number;
}

/** One change per edge, in the order edges first changed: both kinds within the batch make "rewired". */
export function coalesceRewires(notices: readonly RewireNotice[]): EdgeRewire[] {
  const byEdge = new Map<string, EdgeRewire>();
  for (const n of notices) {
    const edge = `${n.source}->${n.neuron}`;
    const seen = byEdge.get(edge);
    const change = seen && seen.change !== n.change ? 'rewired' : n.change;
    byEdge.set(edge, { edge, change, reward: n.reward, step: n.step });
  }
  return [...byEdge.values()];
}

/**
 * Collects notices and hands them over, coalesced, once per animation frame (`schedule`: requestAnimationFrame,
 * injectable for tests).
 */
export function createRewireBatch(
  apply: (changes: EdgeRewire[]) => void,
  schedule: (run: () => void) => unknown = requestAnimationFrame,
) {
  let pending: RewireNotice[] = [];
  let scheduled = false;
  return {
    add(notice: RewireNotice): void {
      pending.push(notice);
      if (scheduled) return;
      scheduled = true;
      schedule(() => {
        scheduled = false;
        const batch = pending;
        pending = [];
        if (batch.length > 0) apply(coalesceRewires(batch));
      });
    },
    /** Drops what is pending (the view is going away). */
    clear(): void {
      pending = [];
    },
  };
}

/** Animates one edge's change: a connection grows in, a disconnection fades, a rewiring flashes yellow. */
export function animateEdge(edge: SVGGElement, rewire: EdgeRewire): void {
  const g = d3.select(edge);
  g.attr('data-change', rewire.change).attr('data-change-step', rewire.step ?? null);
  const line = g.select<SVGPathElement>('path.edge-line');
  if (rewire.change === 'connect') {
    line
      .interrupt()
      .attr('stroke-width', 0)
      .attr('stroke', POSITIVE)
      .transition()
      .duration(600)
      .attr('stroke-width', 4);
  } else if (rewire.change === 'disconnect') {
    line
      .interrupt()
      .attr('stroke', NEGATIVE)
      .attr('stroke-opacity', 1)
      .transition()
      .duration(800)
      .attr('stroke-opacity', 0.35);
  } else {
    // Lost and regained within one frame: the edge stays; a yellow halo flashes over it and fades.
    line.interrupt().attr('stroke-opacity', null);
    g.selectAll('path.rewired-flash').interrupt().remove();
    g.insert('path', 'path.edge-line')
      .attr('class', 'rewired-flash')
      .attr('d', line.attr('d'))
      .attr('stroke', REWIRED)
      .attr('stroke-width', 9)
      .attr('fill', 'none')
      .attr('stroke-opacity', 0.9)
      .transition()
      .duration(900)
      .attr('stroke-opacity', 0)
      .remove();
  }
}

/** The reward pulses through the output neurons: a ring, blue when rewarded, orange when punished. */
export function pulse<D, P extends d3.BaseType, PD>(
  rings: d3.Selection<SVGCircleElement, D, P, PD>,
  reward: number,
  r: number,
): void {
  rings
    .interrupt()
    .attr('r', r)
    .attr('stroke', reward < 0 ? NEGATIVE : POSITIVE)
    .attr('stroke-opacity', 1)
    .transition()
    .duration(700)
    .attr('r', r * 2.2)
    .attr('stroke-opacity', 0);
}
