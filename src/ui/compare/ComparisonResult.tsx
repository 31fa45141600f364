/**
 * A comparison's result: its curves with a legend, the final numbers, the verdict, and whether it is stale or
 * cancelled. Dynamic-Live arms draw their own metrics (accuracy and mean reward over the last 100 rewarded steps).
 */
import { useEffect, useRef } from 'react';
import type { ExperimentSpec } from '../../experiment';
import type { ComparisonRun } from '../../protocol';
import { cancellationText, staleness, type ComparisonRecord } from '../../state/comparison';
import { ARCHITECTURE_UI } from '../arch/registry';
import { createLineChart, type Axes, type LineChartView, type Series } from '../views/lineChart';
import { COLORS, ComparisonTable } from './ComparisonTable';
import { liveAbVerdict, LIVE_WINDOW } from './liveVerdict';
import { abVerdict } from './verdict';

/** What the chart draws and its legend says: test and training loss, or a Live arm's own metrics. */
export const CURVES_NOTE = 'solid: test loss; dashed: training loss';
export const LIVE_CURVES_NOTE = `solid: accuracy; dashed: mean reward (over the last ${LIVE_WINDOW} rewarded steps)`;

const isLive = (runs: ComparisonRun[]) => runs.length > 0 && runs.every((r) => r.live);

function seriesOf(runs: ComparisonRun[]): { series: Series[]; axes: Axes } {
  if (isLive(runs))
    return {
      series: runs.flatMap((r, i) => [
        { key: `${r.label} accuracy`, color: COLORS[i], xs: r.steps, ys: r.live!.accuracy },
        { key: `${r.label} reward`, color: COLORS[i], dashed: true, xs: r.steps, ys: r.live!.meanReward },
      ]),
      axes: {
        x: 'training steps',
        y: 'accuracy, mean reward',
        yDomain: [-1, 1],
      },
    };
  return {
    series: runs.flatMap((r, i) => [
      { key: `${r.label} test`, color: COLORS[i], xs: r.steps, ys: r.testLoss },
      { key: `${r.label} train`, color: COLORS[i], dashed: true, xs: r.steps, ys: r.trainLoss },
    ]),
    axes: { x: 'training steps', y: 'loss (mean over seeds)' },
  };
}

/** The verdict of the comparison's kind: the A/B's (a Live A/B's in Live's terms), or its preset's. */
function verdictOf(kind: string, runs: ComparisonRun[]) {
  if (kind === 'ab') return isLive(runs) ? liveAbVerdict : abVerdict;
  const presets = Object.values(ARCHITECTURE_UI).flatMap((ui) => ui.comparePresets ?? []);
  return presets.find((p) => p.value === kind)?.verdict ?? abVerdict;
}

export function ComparisonResult({ record, spec }: { record?: ComparisonRecord; spec: ExperimentSpec }) {
  const chartRef = useRef<SVGSVGElement>(null);
  const chart = useRef<LineChartView>(undefined);
  const shown = record?.progress?.runs;
  const runs = shown ?? [];

  useEffect(() => {
    chart.current = createLineChart(chartRef.current!, { labelled: true });
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    const { series, axes } = seriesOf(shown ?? []);
    chart.current?.update(series, [], axes);
  }, [shown]);

  const progress = record?.progress;
  const step = runs[0]?.steps.at(-1) ?? 0;
  const cancelled = record && cancellationText(record);
  const stale = record && staleness(record, spec);
  return (
    <>
      {record && (
        <p className="progress" data-testid="comparison-progress" role="status">
          {cancelled ??
            (progress?.done
              ? `done: step ${step} of ${progress.totalSteps}`
              : progress
                ? `running: step ${step} of ${progress.totalSteps}`
                : 'starting…')}
        </p>
      )}
      {stale && (
        <p className="stale" data-testid="comparison-stale">
          {stale}
        </p>
      )}
      <div className="comparison-body">
        <div>
          <svg
            ref={chartRef}
            viewBox="0 0 420 150"
            className="comparison-chart"
            role="img"
            aria-label={
              isLive(runs)
                ? 'Accuracy and mean reward of the compared Dynamic-Live networks over training steps'
                : 'Loss curves of the compared models'
            }
          />
          {runs.length > 0 && (
            <ul className="comparison-legend" data-testid="comparison-legend" aria-label="Legend">
              {runs.map((r, i) => (
                <li key={r.label}>
                  <span className="swatch" style={{ background: COLORS[i] }} /> {r.label}
                </li>
              ))}
              <li className="note">{isLive(runs) ? LIVE_CURVES_NOTE : CURVES_NOTE}</li>
            </ul>
          )}
        </div>
        {record && progress && runs.length > 0 && (
          <div>
            <ComparisonTable runs={runs} />
            {progress.done && (
              <p className="verdict" data-testid="verdict">
                {verdictOf(record.kind, runs)(runs, step, record.testPoints)}
              </p>
            )}
          </div>
        )}
      </div>
    </>
  );
}
