import { describe, expect, it } from 'vitest';
import { abArms, defaultSpec, type ExperimentSpec } from '../experiment';
import type { ComparisonProgress } from '../protocol';
import { cancellationText, changedSettings, staleness, type ComparisonRecord } from './comparison';
import { fakeEngine } from './testing';

const progress = (id: number, step: number, more: Partial<ComparisonProgress> = {}): ComparisonProgress => ({
  id,
  totalSteps: 100,
  done: step >= 100,
  cancelled: false,
  runs: ['A', 'B'].map((label) => ({
    label,
    steps: [0, step],
    trainLoss: [0.7, 0.5],
    testLoss: [0.7, 0.5],
    testAccuracy: [0.5, 0.8],
    seedAccuracies: [0.8],
    seedTestLosses: [0.5],
  })),
  ...more,
});

/** A started client with an A/B (tanh against relu) asked for, at main step `step`. */
function comparing(step = 0) {
  const f = fakeEngine();
  const a = f.store.getState().spec;
  const { arms } = abArms(a, { kind: 'activation', activation: 'relu' });
  if (step > 0) f.receive({ type: 'frame', frame: { ...frameAt(step) } });
  f.nextAnimationFrame();
  f.engine.compare({ steps: 100, seeds: 2, arms, kind: 'ab' });
  const sent = f.posted.at(-1) as Extract<(typeof f.posted)[number], { type: 'compare' }>;
  return { f, sent, record: () => f.store.getState().runtime.comparison! };
}

const frameAt = (step: number) => ({
  step,
  metrics: { trainLoss: 0.5, testLoss: 0.6, trainAccuracy: 0.7, testAccuracy: 0.8 },
  weights: new Float32Array(),
  heatmap: new Float32Array(),
  heatmapRes: 0,
  neuronMaps: new Float32Array(),
  neuronRes: 0,
  arch: { kind: 'mlp' as const },
  playing: false,
  stepsPerSecond: 0,
});

describe('a comparison in the state layer: stale results', () => {
  const a = defaultSpec('mlp');
  const record = (spec: ExperimentSpec): ComparisonRecord => ({
    id: 1,
    spec,
    step: 120,
    testPoints: 250,
    architectures: ['mlp'],
    kind: 'ab',
  });

  it('is not stale while the experiment is as compared, whatever the speed, view or backend', () => {
    const same = { ...a, speed: 0, backend: 'cpu' as const, view: { ...a.view, showTestData: true } };
    expect(staleness(record(a), same)).toBeUndefined();
  });

  it('says what changed, from what to what, and the step it was compared at', () => {
    const b = structuredClone(a);
    b.training.learningRate = 0.1;
    b.mlp.activation = 'relu';
    expect(staleness(record(a), b)).toBe(
      "Stale: compared at step 120 of the experiment, before you changed the learning rate (0.03 → 0.1) and the MLP's activation (tanh → relu).",
    );
    const c = structuredClone(a);
    c.mlp.hiddenLayers = [4, 2, 3];
    c.task.kind = 'xor';
    c.task.features = ['x1', 'x2', 'x1x2'];
    c.seed = 2;
    expect(changedSettings(a, c)).toEqual([
      'the seed (1 → 2)',
      'the task (circle → xor)',
      'the input features (x1, x2 → x1, x2, x1x2)',
      "the MLP's hidden layers (4-2 → 4-2-3)",
    ]);
    expect(changedSettings(a, { ...a, architecture: 'dian' })).toEqual(['the architecture (MLP → DIAN)']);
  });

  it("counts the settings of every compared architecture (B's too), and only theirs", () => {
    const b = structuredClone(a);
    b.wormhole.hidden = [3, 3];
    expect(staleness(record(a), b)).toBeUndefined();
    expect(staleness({ ...record(a), architectures: ['mlp', 'wormhole'] }, b)).toMatch(
      /before you changed the Wormhole's hidden layers \(6-6 → 3-3\)\.$/,
    );
  });
});

describe('a comparison in the state layer: cancellation is said', () => {
  it('keeps the experiment compared and the step it was at, and sends the arms with a fresh id', () => {
    const { f, sent, record } = comparing(37);
    expect(sent).toMatchObject({ type: 'compare', steps: 100, seeds: 2, id: 1 });
    expect(sent.arms!.map((arm) => arm.label)).toEqual(['A (activation tanh)', 'B (activation relu)']);
    expect(record()).toMatchObject({ id: 1, step: 37, architectures: ['mlp'], kind: 'ab' });
    expect(record().spec).toBe(f.store.getState().spec);
    f.receive({ type: 'comparison', progress: progress(1, 50) });
    expect(record().progress!.runs[0].steps).toEqual([0, 50]);
  });

  it.each<[string, (f: ReturnType<typeof fakeEngine>) => void, string]>([
    ['Play', (f) => f.engine.play(), 'you pressed Play'],
    ['Reset', (f) => f.engine.reset(), 'you pressed Reset'],
    [
      'a change',
      (f) => f.store.getState().updateSpec((d) => void (d.seed = 9)),
      'you changed the experiment',
    ],
    ['a link', (f) => f.engine.replace(defaultSpec('dian')), 'another experiment was loaded'],
    ['Cancel', (f) => f.engine.cancelCompare(), 'you cancelled it'],
    ['a crash', (f) => f.crash('gone'), 'the engine stopped'],
  ])('%s cancels a running comparison and says so, also when the engine reports late', (_, act, why) => {
    const { f, record } = comparing();
    f.receive({ type: 'comparison', progress: progress(1, 50) });
    act(f);
    expect(cancellationText(record())).toBe(`Comparison cancelled: ${why} (at step 50 of 100).`);
    // A report the engine sent before it saw the cancel does not bring it back to life.
    f.receive({ type: 'comparison', progress: progress(1, 100) });
    expect(record().cancelled).toBe(why);
    expect(record().progress!.done).toBe(false);
    // The engine's own cancelled report moves it to where it stopped; the reason stays the page's.
    f.receive({ type: 'comparison', progress: progress(1, 100, { done: false, cancelled: true }) });
    expect(cancellationText(record())).toBe(`Comparison cancelled: ${why} (at step 100 of 100).`);
  });

  it('a finished comparison is not cancelled by Play, and a report of an earlier comparison is let go', () => {
    const { f, record } = comparing();
    f.receive({ type: 'comparison', progress: progress(1, 100) });
    f.engine.play();
    expect(record().cancelled).toBeUndefined();
    f.engine.compare({ steps: 100, seeds: 1, kind: 'baselines', set: 'baselines' });
    expect(f.posted.at(-1)).toMatchObject({ type: 'compare', set: 'baselines', id: 2 });
    // The engine's cancel of the first, late: the second runs on.
    f.receive({ type: 'comparison', progress: progress(1, 100, { cancelled: true }) });
    expect(record().id).toBe(2);
    expect(record().cancelled).toBeUndefined();
    expect(record().progress).toBeUndefined();
  });

  it('an A/B the engine refuses is said as cancelled, with its reason', () => {
    const { f, record } = comparing();
    f.receive({
      type: 'comparison',
      progress: { id: 1, totalSteps: 100, done: false, cancelled: true, refused: 'no Live here', runs: [] },
    });
    expect(cancellationText(record())).toBe(
      'Comparison cancelled: the engine could not start it: no Live here (at step 0 of 100).',
    );
  });
});
