import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../appState';
import type { ComparisonProgress } from '../../../protocol';
import { createLineChart, type LineChartView } from '../../views/lineChart';
import { NumberField, Select } from '../../kit/controls';
import { engine } from '../../appState';
import type { ComparisonSet } from '../../../experiment';
import { accuracyText, claimVerdict, isRegression, verdict } from './verdict';

const SETS: { value: ComparisonSet; label: string }[] = [
  { value: 'baselines', label: 'the DIAN as set, and its baselines' },
  { value: 'paper', label: "the repository's claim (2 x 2)" },
];
const NOTES: Record<ComparisonSet, string> = {
  baselines:
    'Same task, seed and data split: the DIAN as set, a plain MLP of the same widths (relu), and the DIAN with the gate always on and never on.',
  paper:
    "The repository's DIAN (layers 50 and 30, extra path from layer 1, PyTorch initialisation, iterations from 0) " +
    'and its baseline, both with the relu on the output its code has, and both with a linear output: same task, ' +
    'seeds and training settings (yours: its Adam at 1e-5 with a step schedule and gradient clipping is not ' +
    'reproduced). Made for the digits task.',
};

const COLORS = ['#0877bd', '#333333', '#2ca25f', '#f59322'];

export function ComparisonPanel() {
  const comparison = useAppStore((s) => s.runtime.comparison);
  const layout = useAppStore((s) => s.runtime.layout);
  const task = useAppStore((s) => s.spec.task.kind);
  const [steps, setSteps] = useState(2000);
  const [seeds, setSeeds] = useState(1);
  const [chosenSet, setSet] = useState<ComparisonSet>();
  // The claim is about handwritten digits: that task starts on it.
  const set = chosenSet ?? ((task as string) === 'digits' ? 'paper' : 'baselines');
  const [shownSet, setShownSet] = useState<ComparisonSet>(set);
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
        {NOTES[set]} Solid lines: test loss; dashed: training loss (means over the seeds).
      </p>
      <div className="comparison-controls">
        <Select label="Compare" value={set} options={SETS} onChange={setSet} disabled={running} />
        <NumberField label="Seeds" value={seeds} min={1} max={10} integer onChange={setSeeds} />
        <NumberField
          label="Steps to compare"
          value={steps}
          min={50}
          max={20000}
          integer
          onChange={setSteps}
        />
        {running ? (
          <button type="button" onClick={engine.cancelCompare} title="Stop the comparison where it is">
            Cancel comparison
          </button>
        ) : (
          <button
            type="button"
            title="Train the DIAN and the chosen models side by side on this task (pauses training)"
            onClick={() => {
              setShownSet(set);
              engine.compare(steps, set, seeds);
            }}
          >
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
          <ComparisonTable
            comparison={comparison}
            testPoints={(layout?.test.length ?? 3) / 3}
            claim={shownSet === 'paper'}
          />
        )}
      </div>
    </section>
  );
}

function ComparisonTable({
  comparison,
  testPoints,
  claim,
}: {
  comparison: ComparisonProgress;
  testPoints: number;
  claim: boolean;
}) {
  const step = comparison.runs[0].steps.at(-1)!;
  return (
    <div>
      <table className="comparison-table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Training loss</th>
            <th>Test loss</th>
            <th>{isRegression(comparison.runs) ? 'Test loss over the seeds' : 'Test accuracy'}</th>
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
              <td>{accuracyText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.done && (
        <p className="verdict" data-testid="verdict">
          {verdict(comparison.runs, step, testPoints)}
          {claim && ` ${claimVerdict(comparison.runs)}`}
        </p>
      )}
    </div>
  );
}
