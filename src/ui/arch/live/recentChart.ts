/** Live: the last rewarded steps — target (dots), output (bars) and reward (colour) — as a strip chart. */
import * as d3 from 'd3';
import { NEGATIVE, POSITIVE } from '../../kit/colors';
import { changedAttr } from '../../kit/domWrites';

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
      // Written only where they change: the strip scrolls by one step at a time, most bars keep their look.
      const level = (v: number) => y(Math.min(1, Math.max(0, v)));
      root
        .selectAll<SVGRectElement, (typeof rows)[number]>('rect')
        .data(rows)
        .join('rect')
        .each(changedAttr('x', (_, i) => x(i)!.toFixed(1)))
        .each(changedAttr('width', () => x.bandwidth().toFixed(1)))
        .each(changedAttr('y', (d) => level(d.output).toFixed(1)))
        .each(changedAttr('height', (d) => (y(0) - level(d.output)).toFixed(1)))
        .each(changedAttr('fill', (d) => (d.reward >= 0 ? POSITIVE : NEGATIVE)))
        .each(changedAttr('fill-opacity', (d) => (0.3 + 0.7 * Math.abs(d.reward)).toFixed(2)));
      root
        .selectAll<SVGCircleElement, (typeof rows)[number]>('circle')
        .data(rows)
        .join((enter) => enter.append('circle').attr('r', 2.5).attr('fill', '#111'))
        .each(changedAttr('cx', (_, i) => (x(i)! + x.bandwidth() / 2).toFixed(1)))
        .each(changedAttr('cy', (d) => y(d.target).toFixed(1)));
    },
    destroy() {
      root.remove();
    },
  };
}
