import { useAppStore } from '../appState';
import { helpFor } from '../kit/help';
import { PlaneAxes } from './PlaneAxes';

/** How the plane is drawn: with the test points, as a hard boundary, and which axes it has (data of many inputs). */
export function ViewOptions() {
  const view = useAppStore((s) => s.spec.view);
  const updateSpec = useAppStore((s) => s.updateSpec);
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          title={helpFor('Show test data')}
          checked={view.showTestData}
          onChange={(e) => updateSpec((d) => void (d.view.showTestData = e.target.checked))}
        />
        Show test data
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          title={helpFor('Discretize output')}
          checked={view.discretize}
          onChange={(e) => updateSpec((d) => void (d.view.discretize = e.target.checked))}
        />
        Discretize output
      </label>
      <PlaneAxes />
    </>
  );
}
