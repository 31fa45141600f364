/**
 * A Live session's checkpoint holds everything that decides its future (Rewind, issue 14): a real session trained
 * N steps, put back to a kept step and trained on to N, gives bit for bit the weights, rewiring events, metrics,
 * outputs and counts of the original run, at every step after the kept one. Both fidelities, both update modes,
 * bit tasks with delays, the 2-D task and a table task with three outputs, several seeds, rewiring included.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultLiveGraphFor,
  defaultSpec,
  validateSpec,
  type ExperimentSpec,
  type LiveSpec,
} from '../../../experiment';
import { createSession, sessionOf } from '../..';
import type { LiveCheckpoint, LiveSession } from './session';

const N = 70;
const KEPT = [0, 1, 9, 24, 51, N];

function liveSpec(seed: number, live: Partial<LiveSpec>, taskKind?: ExperimentSpec['task']['kind']) {
  const spec = defaultSpec('live');
  spec.seed = seed;
  if (taskKind) spec.task.kind = taskKind;
  spec.live = { ...spec.live, ...live };
  if (live.task === '2d') spec.live = { ...spec.live, ...defaultLiveGraphFor('2d', taskKind) };
  const { spec: valid, problems } = validateSpec(spec);
  expect(problems).toEqual([]);
  return valid;
}

/**
 * A Live session of the spec. The beta code rewires only a weight that is exactly 0, which its unclamped updates
 * do not reach: its sessions start from weights (as a link may carry) with each first source of two or more at 0.
 */
async function live(spec: ExperimentSpec) {
  const s = sessionOf(await createSession(spec), 'live');
  if (spec.live.fidelity !== 'beta') return s;
  const weights = await s.exportWeights();
  for (const w of Object.values(weights))
    if (w.values.length > 1) w.values = w.values.map((_, i) => (i === w.values.length - 1 ? 1 : 0));
  s.importWeights(weights);
  return s;
}

/** Everything a step shows: the weights (float64), its events, and the frame's numbers (metrics, counts, outputs). */
async function stepTrace(s: LiveSession) {
  const { metrics, arch, neuronMaps, weights } = await s.snapshot();
  return {
    step: s.step,
    weights: await s.exportWeights(),
    frameWeights: weights,
    events: s.takeEvents(),
    metrics,
    arch,
    outputs: neuronMaps,
  };
}
type Trace = Awaited<ReturnType<typeof stepTrace>>;

/** Trains one step at a time up to N: the trace of each step after the session's current one. */
async function trainOn(s: LiveSession): Promise<Trace[]> {
  const out: Trace[] = [];
  while (s.step < N) {
    await s.train(1);
    out.push(await stepTrace(s));
  }
  return out;
}

const CASES: [string, Partial<LiveSpec>, ExperimentSpec['task']['kind']?][] = [
  ['readme, temporal XOR, recursive', { update: 'recursive' }],
  [
    'readme, temporal XOR, accumulate, proportional sharing',
    { update: 'accumulate', sharing: 'proportional' },
  ],
  [
    'readme, delayed reward d = 2 (trained from memory), auto',
    { task: 'delayed-reward', delay: 2, memory: 4 },
  ],
  ['readme, parity of 3 bits, p = 0.5', { task: 'parity', bits: 3, pRewire: 0.5 }],
  ['readme, 2-D circle, sigmoid firing', { task: '2d', activation: 'sigmoid' }, 'circle'],
  ['readme, iris (three outputs), accumulate', { task: '2d', update: 'accumulate' }, 'iris'],
  ['beta, temporal XOR', { fidelity: 'beta', depth: 4 }],
  ['beta, delayed recall d = 3', { fidelity: 'beta', task: 'delayed-recall', delay: 3, depth: 3 }],
  ['beta, iris (three outputs)', { fidelity: 'beta', task: '2d', depth: 3 }, 'iris'],
];

describe.each(CASES)('a Live checkpoint (%s)', (_, change, taskKind) => {
  it.each([1, 2, 7])(
    'puts the session back: training on from it repeats the run bit for bit (seed %i)',
    async (seed) => {
      const spec = liveSpec(seed, change, taskKind);
      const s = await live(spec);
      const kept = new Map<number, LiveCheckpoint>([[0, s.checkpoint()]]);
      const original: Trace[] = [];
      while (s.step < N) {
        await s.train(1);
        original.push(await stepTrace(s));
        if (KEPT.includes(s.step)) kept.set(s.step, s.checkpoint());
      }
      const after = (step: number) => original.filter((t) => t.step > step);

      // Back to each kept step (latest first, then the earliest again: a checkpoint is not used up), and on to N.
      for (const step of [51, 24, 9, 1, 0, 9]) {
        s.restoreCheckpoint(kept.get(step)!);
        expect(s.step).toBe(step);
        // Pending events of the steps trained before the look back were reported already.
        expect(s.takeEvents()).toEqual([]);
        expect(await trainOn(s)).toEqual(after(step));
      }
      // Into another session of the same spec that trained elsewhere: nothing of its own state is left.
      const other = await live(spec);
      await other.train(33);
      other.restoreCheckpoint(kept.get(24)!);
      expect(await trainOn(other)).toEqual(after(24));
      // The one at N is N's state: restored, it shows N's frame.
      s.restoreCheckpoint(kept.get(N)!);
      // (Its events were reported with step N: none is pending.)
      expect(await stepTrace(s)).toEqual({ ...original.at(-1)!, events: [] });
    },
  );
});

describe('a Live checkpoint, what the runs above cover', () => {
  it('rewiring happens in them after kept steps: in every case after step 9, in both fidelities after 24', async () => {
    const after = { readme: 0, beta: 0 };
    for (const [name, change, taskKind] of CASES) {
      let after9 = 0;
      for (const seed of [1, 2, 7]) {
        const s = await live(liveSpec(seed, change, taskKind));
        await s.train(N);
        const steps = s.takeEvents().flatMap((e) => (e.kind === 'rewire' ? [e.step] : []));
        after9 += steps.filter((step) => step > 9).length;
        after[change.fidelity ?? 'readme'] += steps.filter((step) => step > 24).length;
      }
      expect(after9, name).toBeGreaterThan(0);
    }
    expect(after.readme).toBeGreaterThan(0);
    expect(after.beta).toBeGreaterThan(0);
  });

  it('a checkpoint whose rewiring or task stream stood elsewhere does not repeat the run (both are needed)', async () => {
    const s = await live(liveSpec(1, { update: 'recursive' }));
    await s.train(9);
    s.takeEvents();
    const at9 = s.checkpoint();
    const truth = await trainOn(s);
    // The streams as they stand at N.
    const moved = s.checkpoint();
    const from = async (c: LiveCheckpoint) => (s.restoreCheckpoint(c), trainOn(s));
    expect(await from({ ...at9, rewiring: moved.rewiring })).not.toEqual(truth);
    expect(await from({ ...at9, task: moved.task })).not.toEqual(truth);
    expect(await from(at9)).toEqual(truth);
  });
});
