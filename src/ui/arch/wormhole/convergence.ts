/**
 * The convergence view: one solve's residual per sweep on a log scale, falling towards the tol line, and the
 * layer states at the chosen sweep (each neuron a cell coloured by its value).
 */
import * as d3 from 'd3';
import type { FixedPointReplay } from '../../../protocol';
import { divergingCss } from '../../kit/colors';
import { changedAttr, setText } from '../../kit/domWrites';

export interface ConvergenceView {
  update(replay: FixedPointReplay, sweep: number): void;
  destroy(): void;
}

/** The right margin holds the tol line's label, outside the plot where the residual line never runs. */
const M = { top: 8, right: 52, bottom: 20, left: 40 };

export function createConvergenceView(plot: SVGSVGElement, states: SVGSVGElement): ConvergenceView {
  const svg = d3.select(plot);
  const { width, height } = plot.viewBox.baseVal;
  const x = d3.scaleLinear().range([M.left, width - M.right]);
  const y = d3
    .scaleLog()
    .range([height - M.bottom, M.top])
    .clamp(true);
  const xAxis = svg.append('g').attr('transform', `translate(0,${height - M.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${M.left},0)`);
  const tolLine = svg.append('line').attr('class', 'tol-line');
  const tolLabel = svg.append('text').attr('class', 'tol-label').attr('text-anchor', 'start');
  const line = svg.append('path').attr('class', 'residual-line').attr('fill', 'none');
  const marker = svg.append('circle').attr('class', 'sweep-marker').attr('r', 4);
  const stateSvg = d3.select(states);
  const stateBox = states.viewBox.baseVal;
  let shownDomains = '';

  return {
    update(replay, sweep) {
      const residual = replay.residualKind === 'abs' ? replay.absResidual : replay.relResidual;
      const floor = Math.min(replay.tol / 10, ...residual.filter((r) => r > 0));
      const values = residual.map((r) => Math.max(r, floor));
      x.domain([1, Math.max(2, replay.iterations)]);
      y.domain([floor, Math.max(1, ...values)]);
      // Axes redrawn only when their domains change (not with every frame of training); sweeps are whole numbers.
      const domains = `${x.domain()} ${y.domain()}`;
      if (domains !== shownDomains) {
        shownDomains = domains;
        const sweeps = x.ticks(Math.min(10, replay.iterations)).filter(Number.isInteger);
        xAxis.call(d3.axisBottom(x).tickValues(sweeps).tickFormat(d3.format('d')));
        yAxis.call(d3.axisLeft(y).ticks(4, '.0e'));
      }
      tolLine
        .attr('x1', M.left)
        .attr('x2', width - M.right)
        .attr('y1', y(replay.tol))
        .attr('y2', y(replay.tol));
      tolLabel
        .attr('x', width - M.right + 4)
        .attr('y', y(replay.tol) + 3)
        .text(`tol ${replay.tol}`);
      line.attr(
        'd',
        d3.line<number>(
          (_, i) => x(i + 1),
          (v) => y(v),
        )(values),
      );
      marker.attr('cx', x(sweep)).attr('cy', y(values[sweep - 1] ?? floor));

      // Layer states at this sweep: one row per layer, one cell per neuron.
      const state = replay.states[sweep - 1] ?? [];
      const cell = Math.min(22, (stateBox.width - 60) / Math.max(...replay.widths));
      let offset = 0;
      const rows = replay.widths.map((w, l) => {
        const row = { layer: l + 1, values: state.slice(offset, offset + w) };
        offset += w;
        return row;
      });
      stateSvg
        .selectAll<SVGGElement, (typeof rows)[number]>('g.state-row')
        .data(rows)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'state-row');
          g.append('text')
            .attr('x', 0)
            .attr('y', cell * 0.7);
          return g;
        })
        .each(changedAttr('transform', (_, i) => `translate(0,${i * (cell + 4)})`))
        .each(function (r) {
          setText(this.querySelector('text')!, `layer ${r.layer}`);
        })
        .selectAll<SVGRectElement, number>('rect')
        .data((r) => r.values)
        .join('rect')
        .each(changedAttr('x', (_, j) => String(56 + j * cell)))
        .each(changedAttr('width', () => String(cell - 2)))
        .each(changedAttr('height', () => String(cell - 2)))
        .each(changedAttr('fill', (v) => divergingCss(v)));
    },
    destroy() {
      svg.selectAll('*').remove();
      stateSvg.selectAll('*').remove();
    },
  };
}
