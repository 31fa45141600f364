import {
  COMMON_FIELDS,
  FEATURES,
  isSequenceTask,
  numberControl,
  TASK_FIELDS,
  TASKS,
  TRAINING_FIELDS,
  type TaskKind,
} from '../../experiment';
import { useAppStore } from '../appState';
import { NumberField, Select, Slider } from '../kit/controls';

const TASK_LABELS: Record<TaskKind, string> = {
  circle: 'Circle',
  xor: 'Exclusive or',
  gaussian: 'Gaussian',
  spiral: 'Spiral',
  moons: 'Two moons',
  parity: 'Parity of T bits (sequence)',
  'temporal-xor': 'XOR of first and last of T bits (sequence)',
  adding: 'Adding problem over T steps (sequence)',
  digits: 'Handwritten digits 8x8 (10 classes)',
  iris: 'Iris (3 classes)',
  csv: 'Your own data (CSV)',
};

/** What noise does to each task (the 2-D tasks' as in the TensorFlow Playground's dataset.ts). */
const NOISE_HINTS: Record<TaskKind, string> = {
  circle: 'label noise: points stay on the rings, labelled by a jittered copy',
  xor: 'label noise: points stay in their quadrants, labelled by a jittered copy',
  gaussian: 'wider blobs: variance 0.5 at 0% to 4 at 50%',
  spiral: 'jitters each point by up to ±noise',
  moons: "jitters each point by a normal of this standard deviation (in the moons' units, as scikit-learn)",
  parity: 'flips each label with this probability',
  'temporal-xor': 'flips each label with this probability',
  adding: 'flips each label with this probability',
  digits: 'no noise: the data as it is',
  iris: 'no noise: the data as it is',
  csv: 'no noise: the data as it is',
};

export function DataPanel() {
  const { task, training, seed } = useAppStore((s) => s.spec);
  const updateSpec = useAppStore((s) => s.updateSpec);
  return (
    <section className="panel data" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <Select<TaskKind>
        label="Task"
        value={task.kind}
        options={TASKS.map((t) => ({ value: t, label: TASK_LABELS[t] }))}
        onChange={(kind) => updateSpec((d) => void (d.task.kind = kind))}
      />
      <Slider
        label={TASK_FIELDS.trainRatio.label}
        value={Math.round(task.trainRatio * 100)}
        min={TASK_FIELDS.trainRatio.min * 100}
        max={TASK_FIELDS.trainRatio.max * 100}
        step={10}
        display={`${Math.round(task.trainRatio * 100)}%`}
        onChange={(v) => updateSpec((d) => void (d.task.trainRatio = v / 100))}
      />
      <Slider
        label={TASK_FIELDS.noise.label}
        value={Math.round(task.noise * 100)}
        min={TASK_FIELDS.noise.min * 100}
        max={TASK_FIELDS.noise.max * 100}
        step={5}
        display={`${Math.round(task.noise * 100)}%`}
        hint={NOISE_HINTS[task.kind]}
        onChange={(v) => updateSpec((d) => void (d.task.noise = v / 100))}
      />
      <NumberField
        {...numberControl(TRAINING_FIELDS.batchSize)}
        value={training.batchSize}
        onChange={(v) => updateSpec((d) => void (d.training.batchSize = v))}
      />
      <NumberField
        {...numberControl(COMMON_FIELDS.seed)}
        value={seed}
        onChange={(v) => updateSpec((d) => void (d.seed = v))}
      />
      {isSequenceTask(task.kind) ? (
        <NumberField
          {...numberControl(TASK_FIELDS.length)}
          value={task.length}
          onChange={(v) => updateSpec((d) => void (d.task.length = v))}
        />
      ) : (
        <fieldset className="features">
          <legend>Features</legend>
          {FEATURES.map((f) => {
            const on = task.features.includes(f);
            return (
              <label key={f} className="checkbox">
                <input
                  type="checkbox"
                  checked={on}
                  // The network needs at least one input.
                  disabled={on && task.features.length === 1}
                  onChange={() =>
                    updateSpec((d) => {
                      d.task.features = FEATURES.filter((g) => (g === f ? !on : d.task.features.includes(g)));
                    })
                  }
                />
                {f}
              </label>
            );
          })}
        </fieldset>
      )}
    </section>
  );
}
