/** Train and test loss over steps, as an SVG line chart. Framework-free; updated once per animation frame. */
import * as d3 from 'd3';
import type { HistoryPoint } from '../../state/frames';

export interface LossChartView {
  update(history: readonly HistoryPoint[]): void;
  destroy(): void;
}

const MARGIN = { top: 6, right: 8, bottom: 18, left: 34 };

export function createLossChart(svgElement: SVGSVGElement): LossChartView {
  const svg = d3.select(svgElement);
  const width = svgElement.viewBox.baseVal.width;
  const height = svgElement.viewBox.baseVal.height;
  const x = d3.scaleLinear().range([MARGIN.left, width - MARGIN.right]);
  const y = d3.scaleLinear().range([height - MARGIN.bottom, MARGIN.top]);
  const xAxis = svg.append('g').attr('transform', `translate(0,${height - MARGIN.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${MARGIN.left},0)`);
  const series = [
    { key: 'trainLoss' as const, cls: 'train', color: '#777' },
    { key: 'testLoss' as const, cls: 'test', color: '#111' },
  ];
  const paths = series.map((s) =>
    svg
      .append('path')
      .attr('class', `loss-line ${s.cls}`)
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', 1.5),
  );

  return {
    update(history) {
      if (history.length === 0) {
        paths.forEach((p) => p.attr('d', null));
        return;
      }
      x.domain([history[0].step, Math.max(history[0].step + 1, history.at(-1)!.step)]);
      const maxLoss = d3.max(history, (p) => Math.max(p.trainLoss, p.testLoss)) ?? 1;
      y.domain([0, Math.max(1e-3, maxLoss)]).nice();
      xAxis.call(d3.axisBottom(x).ticks(4, 's'));
      yAxis.call(d3.axisLeft(y).ticks(3));
      series.forEach((s, i) =>
        paths[i].attr(
          'd',
          d3.line<HistoryPoint>(
            (p) => x(p.step),
            (p) => y(p[s.key]),
          )(history as HistoryPoint[]),
        ),
      );
    },
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
