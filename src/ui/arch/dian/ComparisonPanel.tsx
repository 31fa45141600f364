import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../appState';
import type { ComparisonProgress } from '../../../protocol';
import { createLineChart, type LineChartView } from '../../views/lineChart';
import { NumberField } from '../../kit/controls';
import { engine } from '../../appState';
import { verdict } from './verdict';

const COLORS = ['#0877bd', '#333333', '#2ca25f', '#f59322'];
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function ComparisonPanel() {
  const comparison = useAppStore((s) => s.runtime.comparison);
  const layout = useAppStore((s) => s.runtime.layout);
  const [steps, setSteps] = useState(2000);
  const chartRef = useRef<SVGSVGElement>(null);
  const chart = useRef<LineChartView>(undefined);

  useEffect(() => {
    chart.current = createLineChart(chartRef.current!);
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    chart.current?.update(
      (comparison?.runs ?? []).flatMap((r, i) => [
        { key: `${r.label} test`, color: COLORS[i], xs: r.steps, ys: r.testLoss },
        { key: `${r.label} train`, color: COLORS[i], dashed: true, xs: r.steps, ys: r.trainLoss },
      ]),
    );
  }, [comparison]);

  const running = comparison !== undefined && !comparison.done && !comparison.cancelled;
  const step = comparison?.runs[0]?.steps.at(-1) ?? 0;
  return (
    <section className="panel comparison" aria-labelledby="comparison-title" data-testid="comparison">
      <h2 id="comparison-title">DIAN against its baselines</h2>
      <p className="note">
        Same task, seed and data split: the DIAN as set, a plain MLP of the same widths (relu), and the DIAN
        with the gate always on and never on. Solid lines: test loss; dashed: training loss.
      </p>
      <div className="comparison-controls">
        <NumberField
          label="Steps to compare"
          value={steps}
          min={50}
          max={20000}
          integer
          onChange={setSteps}
        />
        {running ? (
          <button type="button" onClick={engine.cancelCompare}>
            Cancel comparison
          </button>
        ) : (
          <button type="button" onClick={() => engine.compare(steps)}>
            Compare
          </button>
        )}
        {comparison && (
          <span className="progress" data-testid="comparison-progress">
            {comparison.cancelled ? 'cancelled at' : running ? 'running:' : 'done:'} step {step} of{' '}
            {comparison.totalSteps}
          </span>
        )}
      </div>
      <div className="comparison-body">
        <svg
          ref={chartRef}
          viewBox="0 0 420 140"
          className="comparison-chart"
          role="img"
          aria-label="Loss curves of the compared models"
        />
        {comparison && (
          <ComparisonTable comparison={comparison} testPoints={(layout?.test.length ?? 3) / 3} />
        )}
      </div>
    </section>
  );
}

function ComparisonTable({ comparison, testPoints }: { comparison: ComparisonProgress; testPoints: number }) {
  const step = comparison.runs[0].steps.at(-1)!;
  return (
    <div>
      <table className="comparison-table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Training loss</th>
            <th>Test loss</th>
            <th>Test accuracy</th>
          </tr>
        </thead>
        <tbody>
          {comparison.runs.map((r, i) => (
            <tr key={r.label}>
              <td>
                <span className="swatch" style={{ background: COLORS[i] }} /> {r.label}
              </td>
              <td>{r.trainLoss.at(-1)!.toFixed(3)}</td>
              <td>{r.testLoss.at(-1)!.toFixed(3)}</td>
              <td>{pct(r.testAccuracy.at(-1)!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.done && (
        <p className="verdict" data-testid="verdict">
          {verdict(comparison.runs, step, testPoints)}
        </p>
      )}
    </div>
  );
}
