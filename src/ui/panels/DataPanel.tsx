import {
  COMMON_FIELDS,
  FEATURES,
  isDataTask,
  isSequenceTask,
  LIVE_FIELDS,
  liveTakesData,
  numberControl,
  takesDataTasks,
  TASK_FIELDS,
  TASKS,
  TRAINING_FIELDS,
  type DataTaskKind,
  withLiveTask,
  type TaskKind,
} from '../../experiment';
import { DATA_SOURCES } from '../../experiment/data/sources';
import { engine, useAppStore } from '../appState';
import { CsvImport } from '../csv/CsvImport';
import { applyCsv, useCsvImport } from '../csv/droppedCsv';
import { Checkbox, NumberField, Select, Slider } from '../kit/controls';
import { TaskThumbnails } from './TaskThumbnails';

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
const NOISE_HINTS: Record<Exclude<TaskKind, DataTaskKind>, string> = {
  circle: 'label noise: points stay on the rings, labelled by a jittered copy',
  xor: 'label noise: points stay in their quadrants, labelled by a jittered copy',
  gaussian: 'wider blobs: variance 0.5 at 0% to 4 at 50%',
  spiral: 'jitters each point by up to ±noise',
  moons: "jitters each point by a normal of this standard deviation (in the moons' units, as scikit-learn)",
  parity: 'flips each label with this probability',
  'temporal-xor': 'flips each label with this probability',
  adding: 'flips each label with this probability',
};

export function DataPanel() {
  const { task, training, seed, architecture } = useAppStore((s) => s.spec);
  // Only Live's 2-D reward task shows this panel under Live: it takes no sequence task and no CSV yet.
  const live = architecture === 'live';
  const updateSpec = useAppStore((s) => s.updateSpec);
  const csvImport = useCsvImport();
  const tasks = TASKS.filter(
    (t) => (!isDataTask(t) || takesDataTasks(architecture, t)) && !(live && isSequenceTask(t)),
  );
  const kind = task.kind;
  const chooseTask = (next: TaskKind) => {
    // The user's CSV is chosen by loading one (the import), unless the page has the one the spec names.
    if (next === 'csv' && engine.userData()?.hash !== task.dataHash) return csvImport.open();
    updateSpec((d) => {
      d.task.kind = next;
      // 64 pixels: two of them say little; the principal components show the classes apart.
      if (next === 'digits') d.view.plane = 'pca';
      // Live's 2-D reward task takes the Data task's inputs and classes (one output per class for K > 2).
      if (d.architecture === 'live' && d.live.task === '2d') d.live = withLiveTask(d.live, '2d', next);
      // Under another architecture a task Live's 2-D reward task cannot take moves that (hidden) choice to
      // temporal XOR, as a link pairing them does: the experiment would be refused for a setting not shown.
      else if (d.live.task === '2d' && (isSequenceTask(next) || !liveTakesData(next)))
        d.live = withLiveTask(d.live, LIVE_FIELDS.task.default, next);
    });
  };
  return (
    <section className="panel data" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <Select<TaskKind>
        label="Task"
        value={task.kind}
        options={tasks.map((t) => ({ value: t, label: TASK_LABELS[t] }))}
        onChange={chooseTask}
      />
      <TaskThumbnails labels={TASK_LABELS} onPick={chooseTask} />
      <DataSourceLine kind={kind} />
      {takesDataTasks(architecture) && (
        <button
          type="button"
          aria-expanded={csvImport.shown}
          title="Train on a table of your own: a CSV file with a header row"
          onClick={() => (csvImport.shown ? csvImport.close() : csvImport.open())}
        >
          Your CSV…
        </button>
      )}
      {csvImport.shown && <CsvImport onUse={(use) => void applyCsv(use)} />}
      <Slider
        label={TASK_FIELDS.trainRatio.label}
        value={Math.round(task.trainRatio * 100)}
        min={TASK_FIELDS.trainRatio.min * 100}
        max={TASK_FIELDS.trainRatio.max * 100}
        step={10}
        display={`${Math.round(task.trainRatio * 100)}%`}
        onChange={(v) => updateSpec((d) => void (d.task.trainRatio = v / 100))}
      />
      {!isDataTask(kind) && (
        <Slider
          label={TASK_FIELDS.noise.label}
          value={Math.round(task.noise * 100)}
          min={TASK_FIELDS.noise.min * 100}
          max={TASK_FIELDS.noise.max * 100}
          step={5}
          display={`${Math.round(task.noise * 100)}%`}
          hint={NOISE_HINTS[kind]}
          onChange={(v) => updateSpec((d) => void (d.task.noise = v / 100))}
        />
      )}
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
      {isDataTask(kind) ? (
        <Checkbox
          label={TASK_FIELDS.standardise.label}
          checked={task.standardise}
          onChange={(on) => updateSpec((d) => void (d.task.standardise = on))}
        />
      ) : isSequenceTask(kind) ? (
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
                  title={`Feed ${f} of each point to the network as an input`}
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

/** Where the task's data comes from: a bundled set's source and licence, the moons' generator, the user's file. */
function DataSourceLine({ kind }: { kind: TaskKind }) {
  const task = useAppStore((s) => s.spec.task);
  let text: string | undefined;
  if (kind === 'digits' || kind === 'iris') {
    const { source, licence } = DATA_SOURCES[kind];
    text = `${source}. Licence: ${licence}. Shipped with the app.`;
  } else if (kind === 'moons') text = "Generated as scikit-learn's make_moons (seeded), scaled to the plane.";
  else if (kind === 'csv')
    text = `Your data: ${task.dataName || 'a CSV'}, ${task.dataRows} rows (SHA-256 ${task.dataHash.slice(0, 12)}…).`;
  if (!text) return null;
  return (
    <p className="data-source" data-testid="data-source">
      {text}
    </p>
  );
}
