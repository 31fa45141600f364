/** A small multi-series line chart in SVG (loss curves, comparisons). Framework-free; cheap to update often. */
import * as d3 from 'd3';

export interface Series {
  key: string;
  color: string;
  dashed?: boolean;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

/** What the axes say (a chart made `labelled`), and a fixed range of values, if any (else 0 to the largest). */
export interface Axes {
  x: string;
  y: string;
  yDomain?: [number, number];
}

export interface LineChartView {
  /** `marks`: steps to mark with a vertical line labelled "edited" (the network was edited there). */
  update(series: Series[], marks?: readonly number[], axes?: Axes): void;
  destroy(): void;
}

const PLAIN = { top: 6, right: 8, bottom: 18, left: 34 };
/** Room for the axes' titles. */
const LABELLED = { top: 6, right: 12, bottom: 30, left: 46 };

export function createLineChart(svgElement: SVGSVGElement, { labelled = false } = {}): LineChartView {
  const MARGIN = labelled ? LABELLED : PLAIN;
  const svg = d3.select(svgElement);
  const width = svgElement.viewBox.baseVal.width;
  const height = svgElement.viewBox.baseVal.height;
  const x = d3.scaleLinear().range([MARGIN.left, width - MARGIN.right]);
  const y = d3.scaleLinear().range([height - MARGIN.bottom, MARGIN.top]);
  const xAxis = svg.append('g').attr('transform', `translate(0,${height - MARGIN.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${MARGIN.left},0)`);
  const lines = svg.append('g');
  const markLayer = svg.append('g').attr('class', 'edit-marks');
  const [xTitle, yTitle] = labelled
    ? [
        svg
          .append('text')
          .attr('class', 'axis-title')
          .attr('data-axis', 'x')
          .attr('text-anchor', 'middle')
          .attr('x', (MARGIN.left + width - MARGIN.right) / 2)
          .attr('y', height - 4),
        svg
          .append('text')
          .attr('class', 'axis-title')
          .attr('data-axis', 'y')
          .attr('text-anchor', 'middle')
          .attr('transform', `translate(10,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`),
      ]
    : [];
  let shownDomains = '';

  return {
    update(series, marks = [], axes) {
      xTitle?.text(axes?.x ?? '');
      yTitle?.text(axes?.y ?? '');
      const all = series.flatMap((s) => Array.from(s.xs, (xv, i) => [xv, s.ys[i]] as const));
      const finite = all.filter(([, yv]) => Number.isFinite(yv));
      if (finite.length === 0) {
        lines.selectAll('path').remove();
        markLayer.selectAll('*').remove();
        return;
      }
      const [x0, x1] = d3.extent(finite, (p) => p[0]) as [number, number];
      // Nice domains on both axes: they change now and then as the curves grow, not with every frame, and the axes
      // (dozens of elements to lay out) are redrawn only then.
      x.domain([x0, Math.max(x0 + 1, x1)]).nice(4);
      y.domain(
        axes?.yDomain ?? [
          0,
          Math.max(
            1e-3,
            d3.max(finite, (p) => p[1])!,
          ),
        ],
      ).nice(3);
      const domains = `${x.domain()} ${y.domain()}`;
      if (domains !== shownDomains) {
        shownDomains = domains;
        xAxis.call(d3.axisBottom(x).ticks(4, 's'));
        yAxis.call(d3.axisLeft(y).ticks(3));
      }
      lines
        .selectAll<SVGPathElement, Series>('path')
        .data(series, (s) => s.key)
        .join((enter) =>
          enter.append('path').attr('class', 'series').attr('fill', 'none').attr('stroke-width', 1.5),
        )
        .attr('data-series', (s) => s.key)
        .attr('stroke', (s) => s.color)
        .attr('stroke-dasharray', (s) => (s.dashed ? '4 3' : null))
        .attr('d', (s) =>
          d3
            .line<number>()
            .defined((i) => Number.isFinite(s.ys[i]))
            .x((i) => x(s.xs[i]))
            .y((i) => y(s.ys[i]))(d3.range(s.xs.length)),
        );
      const [top, bottom] = [MARGIN.top, height - MARGIN.bottom];
      markLayer
        .selectAll<SVGGElement, number>('g.edit-mark')
        .data(marks.filter((m) => m >= x.domain()[0] && m <= x.domain()[1]))
        .join((enter) => {
          const g = enter.append('g').attr('class', 'edit-mark');
          g.append('line').attr('y1', top).attr('y2', bottom);
          g.append('text')
            .attr('y', top + 7)
            .attr('x', 2)
            .text('edited');
          return g;
        })
        .attr('data-step', (m) => m)
        .attr('transform', (m) => `translate(${x(m)},0)`);
    },
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
