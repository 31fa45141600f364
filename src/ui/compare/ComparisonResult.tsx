/** A comparison's result: its curves with a legend, the final numbers, the verdict, and whether it is stale or cancelled. */
import { useEffect, useRef } from 'react';
import type { ExperimentSpec } from '../../experiment';
import type { ComparisonRun } from '../../protocol';
import { cancellationText, staleness, type ComparisonRecord } from '../../state/comparison';
import { ARCHITECTURE_UI } from '../arch/registry';
import { createLineChart, type LineChartView } from '../views/lineChart';
import { abVerdict, accuracyText, isRegression } from './verdict';

/** A blue, B orange (then the DIAN presets' third and fourth). */
const COLORS = ['#0877bd', '#f59322', '#2ca25f', '#333333'];

/** The verdict of the comparison's kind: the A/B's, or its preset's. */
function verdictOf(kind: string) {
  if (kind === 'ab') return abVerdict;
  const presets = Object.values(ARCHITECTURE_UI).flatMap((ui) => ui.comparePresets ?? []);
  return presets.find((p) => p.value === kind)?.verdict ?? abVerdict;
}

export function ComparisonResult({ record, spec }: { record?: ComparisonRecord; spec: ExperimentSpec }) {
  const chartRef = useRef<SVGSVGElement>(null);
  const chart = useRef<LineChartView>(undefined);
  const shown = record?.progress?.runs;
  const runs = shown ?? [];

  useEffect(() => {
    chart.current = createLineChart(chartRef.current!);
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    chart.current?.update(
      (shown ?? []).flatMap((r, i) => [
        { key: `${r.label} test`, color: COLORS[i], xs: r.steps, ys: r.testLoss },
        { key: `${r.label} train`, color: COLORS[i], dashed: true, xs: r.steps, ys: r.trainLoss },
      ]),
    );
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
            viewBox="0 0 420 140"
            className="comparison-chart"
            role="img"
            aria-label="Loss curves of the compared models"
          />
          {runs.length > 0 && (
            <ul className="comparison-legend" data-testid="comparison-legend" aria-label="Legend">
              {runs.map((r, i) => (
                <li key={r.label}>
                  <span className="swatch" style={{ background: COLORS[i] }} /> {r.label}
                </li>
              ))}
              <li className="note">solid: test loss; dashed: training loss</li>
            </ul>
          )}
        </div>
        {record && progress && runs.length > 0 && (
          <div>
            <ComparisonTable runs={runs} />
            {progress.done && (
              <p className="verdict" data-testid="verdict">
                {verdictOf(record.kind)(runs, step, record.testPoints)}
              </p>
            )}
          </div>
        )}
      </div>
    </>
  );
}

function ComparisonTable({ runs }: { runs: ComparisonRun[] }) {
  return (
    <table className="comparison-table">
      <thead>
        <tr>
          <th>Model</th>
          <th>Training loss</th>
          <th>Test loss</th>
          <th>{isRegression(runs) ? 'Test loss over the seeds' : 'Test accuracy'}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r, i) => (
          <tr key={r.label}>
            <td>
              <span className="swatch" style={{ background: COLORS[i] }} /> {r.label}
            </td>
            <td>{r.trainLoss.at(-1)!.toFixed(3)}</td>
            <td>{r.testLoss.at(-1)!.toFixed(3)}</td>
            <td>{accuracyText(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
