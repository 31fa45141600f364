/** Live: the last rewarded steps — target (dots), output (bars) and reward (colour) — as a strip chart. */
import * as d3 from 'd3';
import { NEGATIVE, POSITIVE } from '../../kit/colors';

export interface RecentChartView {
  update(recent: Float32Array): void;
  destroy(): void;
}

export function createRecentChart(svgElement: SVGSVGElement): RecentChartView {
  const svg = d3.select(svgElement);
  const { width, height } = svgElement.viewBox.baseVal;
  const root = svg.append('g');
  const y = d3
    .scaleLinear()
    .domain([0, 1])
    .range([height - 4, 4]);
  return {
    update(recent) {
      const rows = d3.range(recent.length / 4).map((i) => ({
        target: recent[i * 4 + 1],
        output: recent[i * 4 + 2],
        reward: recent[i * 4 + 3],
      }));
      const x = d3.scaleBand<number>().domain(d3.range(rows.length)).range([0, width]).padding(0.2);
      root
        .selectAll('rect')
        .data(rows)
        .join('rect')
        .attr('x', (_, i) => x(i)!)
        .attr('width', x.bandwidth())
        .attr('y', (d) => y(Math.min(1, Math.max(0, d.output))))
        .attr('height', (d) => y(0) - y(Math.min(1, Math.max(0, d.output))))
        .attr('fill', (d) => (d.reward >= 0 ? POSITIVE : NEGATIVE))
        .attr('fill-opacity', (d) => 0.3 + 0.7 * Math.abs(d.reward));
      root
        .selectAll('circle')
        .data(rows)
        .join('circle')
        .attr('cx', (_, i) => x(i)! + x.bandwidth() / 2)
        .attr('cy', (d) => y(d.target))
        .attr('r', 2.5)
        .attr('fill', '#111');
    },
    destroy() {
      root.remove();
    },
  };
}
