/**
 * What the plane shows for data of more than two inputs: two chosen inputs (the others held at their mean) or
 * the first two principal components of the inputs (computed in the worker).
 */
import { isDataTask, PLANE_VIEWS, VIEW_FIELDS } from '../../experiment';
import { useAppStore } from '../appState';
import { Select } from '../kit/controls';

const VIEW_LABELS: Record<(typeof PLANE_VIEWS)[number], string> = {
  inputs: 'two inputs (others at their mean)',
  pca: 'PCA of the inputs',
};

export function PlaneAxes() {
  const view = useAppStore((s) => s.spec.view);
  const dataTask = useAppStore((s) => isDataTask(s.spec.task.kind));
  const inputs = useAppStore((s) => s.runtime.layout?.inputs);
  const updateSpec = useAppStore((s) => s.updateSpec);
  if (!dataTask || !inputs || inputs.length <= 2) return null;
  const options = inputs.map((name, i) => ({ value: String(i), label: name }));
  // An axis past the inputs (a link made for wider data) reads as the first or second input.
  const at = (i: number, fallback: number) => String(i < inputs.length ? i : fallback);
  const setAxis = (key: 'planeX' | 'planeY', other: 'planeX' | 'planeY') => (value: string) =>
    updateSpec((d) => {
      // Choosing the other axis's input swaps the two: the plane needs two different inputs.
      if (Number(value) === d.view[other]) d.view[other] = d.view[key];
      d.view[key] = Number(value);
    });
  return (
    <div className="plane-axes">
      <Select
        label={VIEW_FIELDS.plane.label}
        value={view.plane}
        options={PLANE_VIEWS.map((v) => ({ value: v, label: VIEW_LABELS[v] }))}
        onChange={(v) => updateSpec((d) => void (d.view.plane = v))}
      />
      {view.plane === 'inputs' && (
        <>
          <Select
            label={VIEW_FIELDS.planeX.label}
            value={at(view.planeX, 0)}
            options={options}
            onChange={setAxis('planeX', 'planeY')}
          />
          <Select
            label={VIEW_FIELDS.planeY.label}
            value={at(view.planeY, 1)}
            options={options}
            onChange={setAxis('planeY', 'planeX')}
          />
        </>
      )}
    </div>
  );
}
