/** The final numbers of a comparison's models: losses and test accuracy, or a Live arm's own metrics. */
import type { ComparisonRun } from '../../protocol';
import { liveValueText, LIVE_WINDOW } from './liveVerdict';
import { accuracyText, isRegression } from './verdict';

/** A blue, B orange (then the DIAN presets' third and fourth). */
export const COLORS = ['#0877bd', '#f59322', '#2ca25f', '#333333'];

function Model({ run, index }: { run: ComparisonRun; index: number }) {
  return (
    <td>
      <span className="swatch" style={{ background: COLORS[index] }} /> {run.label}
    </td>
  );
}

export function ComparisonTable({ runs }: { runs: ComparisonRun[] }) {
  if (runs.every((r) => r.live)) return <LiveTable runs={runs} />;
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
            <Model run={r} index={i} />
            <td>{r.trainLoss.at(-1)!.toFixed(3)}</td>
            <td>{r.testLoss.at(-1)!.toFixed(3)}</td>
            <td>{accuracyText(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A Live network has no test set: its squared error, accuracy and mean reward over its last rewarded steps. */
function LiveTable({ runs }: { runs: ComparisonRun[] }) {
  const last = `(last ${LIVE_WINDOW} rewarded steps)`;
  return (
    <table className="comparison-table">
      <thead>
        <tr>
          <th>Model</th>
          <th>Squared error {last}</th>
          <th>Accuracy {last}</th>
          <th>Mean reward {last}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r, i) => (
          <tr key={r.label}>
            <Model run={r} index={i} />
            <td>{r.trainLoss.at(-1)!.toFixed(3)}</td>
            <td>{liveValueText(r, 'accuracy')}</td>
            <td>{liveValueText(r, 'meanReward')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
