import { useCallback, useEffect, useRef } from 'react';
import type { Frame } from '../../../protocol';
import { NEGATIVE, POSITIVE } from '../../kit/colors';
import { useFrames } from '../../kit/useFrames';
import { createRecentChart, type RecentChartView } from './recentChart';

/**
 * Live: the last rewarded steps as a strip chart under the plane. With K outputs (one per class) each step shows the
 * output of its class's neuron (target 1) and that output's reward; the metrics cover all outputs.
 */
export function RecentSteps() {
  const svgRef = useRef<SVGSVGElement>(null);
  const view = useRef<RecentChartView>(undefined);
  useEffect(() => {
    view.current = createRecentChart(svgRef.current!);
    return () => view.current?.destroy();
  }, []);
  useFrames(
    useCallback((f: Frame) => void (f.arch.kind === 'live' && view.current?.update(f.arch.recent)), []),
  );
  return (
    <figure className="recent-steps">
      <svg
        ref={svgRef}
        className="recent-chart"
        viewBox="0 0 300 60"
        role="img"
        aria-label="Last steps: output (bars, blue = rewarded, orange = punished) and target (dots); with one output per class, the output of the step's class"
      />
      <figcaption className="legend recent-legend" data-testid="recent-legend">
        <span>Last 48 rewarded steps, oldest left:</span>
        <span>
          <i className="swatch" style={{ background: POSITIVE }} /> output, rewarded
        </span>
        <span>
          <i className="swatch" style={{ background: NEGATIVE }} /> output, punished
        </span>
        <span>
          <i className="dot" /> target
        </span>
        <span>bar height: the output (0–1); paler: a reward nearer 0</span>
      </figcaption>
    </figure>
  );
}
