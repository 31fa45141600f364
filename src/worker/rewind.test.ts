import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { defaultSpec, type Architecture } from '../experiment';
import type { Frame, FromEngine, ToEngine } from '../protocol';
import { EngineRunner } from './runner';
import { createSession, type Session } from '../engine';
import { MAX_KEPT, nextMark, Rewind } from './rewind';

/** The real runner on the cpu backend, collecting what it posts. */
function harness() {
  const posted: FromEngine[] = [];
  let wake: (() => void) | undefined;
  const runner = new EngineRunner(
    (m) => {
      posted.push(m);
      if (m.type === 'frame') runner.handle({ type: 'frameAck' });
      wake?.();
    },
    async () => ({ backend: 'cpu', adapter: 'none', adapterDescription: 'test', failures: [] }),
  );
  const count = (type: FromEngine['type']) => posted.filter((m) => m.type === type).length;
  /** Sends a message and waits for `n` more messages of `type`. */
  const send = async (message: ToEngine, type: FromEngine['type'], n = 1) => {
    const target = count(type) + n;
    runner.handle(message);
    while (count(type) < target) await new Promise<void>((r) => (wake = r));
  };
  const frames = () => posted.flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
  const kept = () => (posted.filter((m) => m.type === 'checkpoints').at(-1) as { steps: number[] }).steps;
  const weights = async () => {
    await send({ type: 'exportWeights' }, 'weights');
    return posted.at(-1) as Extract<FromEngine, { type: 'weights' }>;
  };
  return { send, frames, kept, weights, posted };
}

const lastFrame = (frames: Frame[]) => frames.at(-1)!;

describe('rewind: kept steps', () => {
  it('are 5/4 apart and at least one apart: 0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38', () => {
    const marks = [0];
    while (marks.length < 14) marks.push(nextMark(marks.at(-1)!));
    expect(marks).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38]);
    // 60 of them reach past 600,000 steps before any is thinned out.
    let step = 0;
    for (let i = 1; i < MAX_KEPT; i++) step = nextMark(step);
    expect(step).toBeGreaterThan(600_000);
  });
});

describe.each(['mlp', 'dian', 'wormhole'] as Architecture[])('rewind (%s)', (architecture) => {
  it('looks back at a kept step exactly, and training on from it repeats the run bit for bit', async () => {
    const h = harness();
    // Adam: its moment slots are part of what is put back (and the batch order).
    const spec = defaultSpec(architecture);
    spec.training.optimizer = 'adam';
    spec.training.learningRate = 0.01;
    await h.send({ type: 'load', spec }, 'frame');
    const original = new Map<number, Frame>();
    for (let i = 0; i < 20; i++) {
      await h.send({ type: 'step', steps: 1 }, 'frame');
      original.set(lastFrame(h.frames()).step, lastFrame(h.frames()));
    }
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 19]);
    const at20 = await h.weights();

    await h.send({ type: 'rewind', step: 9 }, 'frame');
    const back = lastFrame(h.frames());
    expect([back.step, back.rewound, back.playing]).toEqual([9, true, false]);
    expect(back.metrics).toEqual(original.get(9)!.metrics);
    expect(back.weights).toEqual(original.get(9)!.weights);
    // Looking back keeps the later steps, to look forward again, and where the run was.
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 20]);
    await h.send({ type: 'rewind', step: 20 }, 'frame');
    expect(lastFrame(h.frames()).weights).toEqual(original.get(20)!.weights);
    await h.send({ type: 'rewind', step: 15 }, 'frame');
    expect(lastFrame(h.frames()).metrics).toEqual(original.get(15)!.metrics);
    await h.send({ type: 'rewind', step: 9 }, 'frame');

    // Training on from 9: the steps kept after it go, and 11 steps give the weights of step 20 exactly.
    await h.send({ type: 'step', steps: 11 }, 'frame');
    expect(lastFrame(h.frames()).rewound).toBeUndefined();
    expect((await h.weights()).weights).toEqual(at20.weights);
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 20]);
  });
});

/** The rewirings the page heard from message `from` on (one Step per frame: at most 8 per step, none elided). */
const rewiresFrom = (posted: FromEngine[], from: number) =>
  posted
    .slice(from)
    .flatMap((m) => (m.type === 'events' ? m.events : []))
    .flatMap((e) => (e.kind === 'rewire' ? [e] : []));

/** Live's defaults (learning rate 1.5: it rewires within tens of steps); the beta code from weights at 0. */
function liveLoad(fidelity: 'readme' | 'beta'): ToEngine {
  const spec = defaultSpec('live');
  spec.live.fidelity = fidelity;
  if (fidelity === 'readme') return { type: 'load', spec };
  // The beta code rewires only weights at exactly 0: a second source of each neuron starts there.
  const w = (values: number[]) => ({ shape: [values.length], values });
  const weights = {
    'neuron/h0': w([1]),
    'neuron/h1': w([1, 0]),
    'neuron/h2': w([1, 0]),
    'neuron/out': w([1, 0]),
  };
  // Seed 2 rewires at steps 2 and 25.
  return { type: 'load', spec: { ...spec, seed: 2, live: { ...spec.live, depth: 4 } }, weights, step: 0 };
}

describe.each(['readme', 'beta'] as const)('rewind (live, %s)', (fidelity) => {
  it('looks back at a kept step exactly; training on repeats its frames and rewirings bit for bit', async () => {
    const h = harness();
    await h.send(liveLoad(fidelity), 'frame');
    const original = new Map<number, Frame>();
    for (let i = 0; i < 40; i++) {
      await h.send({ type: 'step', steps: 1 }, 'frame');
      original.set(lastFrame(h.frames()).step, lastFrame(h.frames()));
    }
    const rewired = rewiresFrom(h.posted, 0);
    expect(rewired.filter((e) => e.step > 9).length).toBeGreaterThan(0);
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38]);

    await h.send({ type: 'rewind', step: 9 }, 'frame');
    const { rewound, ...back } = lastFrame(h.frames());
    expect(rewound).toBe(true);
    expect(back).toEqual(original.get(9));
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38, 40]);
    await h.send({ type: 'rewind', step: 40 }, 'frame');
    expect(lastFrame(h.frames()).weights).toEqual(original.get(40)!.weights);
    await h.send({ type: 'rewind', step: 9 }, 'frame');

    // Step by step from 9: every frame and every rewiring as the run had them; the steps kept after 9 go.
    const from = h.posted.length;
    for (let step = 10; step <= 40; step++) {
      await h.send({ type: 'step', steps: 1 }, 'frame');
      expect(lastFrame(h.frames())).toEqual(original.get(step));
    }
    expect(rewiresFrom(h.posted, from)).toEqual(rewired.filter((e) => e.step > 9));
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38]);
  });
});

describe('rewind (live): edits', () => {
  const spec = defaultSpec('live');
  /** Loads the defaults and trains `steps` Steps of one step each (every kept step is kept). */
  const trained = async (steps: number) => {
    const h = harness();
    await h.send({ type: 'load', spec }, 'frame');
    for (let i = 0; i < steps; i++) await h.send({ type: 'step', steps: 1 }, 'frame');
    return h;
  };

  it('a graph edit starts the kept steps afresh at its step; looking back then shows the edited graph', async () => {
    const h = await trained(20);
    await h.send({ type: 'rewind', step: 9 }, 'frame');
    const before = lastFrame(h.frames());
    // h1 reads h2 too (the step before's value: same layer), which changes what every later step trains.
    await h.send({ type: 'edit', edit: { kind: 'connect', source: 'h2', neuron: 'h1' } }, 'checkpoints');
    // The steps before 9 are another graph's (going back to them would undo the edit), and after 9 another run's.
    expect(h.kept()).toEqual([9]);
    const edited = lastFrame(h.frames());
    expect([edited.step, edited.weights.length]).toEqual([9, before.weights.length + 1]);
    await h.send({ type: 'step', steps: 5 }, 'frame');
    expect(h.kept()).toEqual([9, 14]);
    const at14 = lastFrame(h.frames());
    await h.send({ type: 'rewind', step: 9 }, 'frame');
    expect(lastFrame(h.frames()).weights).toEqual(edited.weights);
    await h.send({ type: 'step', steps: 5 }, 'frame');
    expect(lastFrame(h.frames()).weights).toEqual(at14.weights);
  });

  it('moving a neuron keeps them (where a neuron is drawn is not part of the run)', async () => {
    const h = await trained(5);
    await h.send({ type: 'edit', edit: { kind: 'move', id: 'h1', x: 0.3, y: 0.7 } }, 'frame');
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5]);
    await h.send({ type: 'rewind', step: 2 }, 'frame');
    expect(lastFrame(h.frames()).rewound).toBe(true);
  });

  it('a reward by hand drops the steps kept from its step on and keeps the rewarded one', async () => {
    const h = await trained(12);
    await h.send({ type: 'rewind', step: 5 }, 'frame');
    const before = lastFrame(h.frames());
    await h.send({ type: 'reward', reward: -1 }, 'frame');
    const rewarded = lastFrame(h.frames());
    expect(rewarded.arch).toMatchObject({ rewarded: (before.arch as { rewarded: number }).rewarded + 1 });
    expect(h.kept()).toEqual([0, 1, 2, 3, 4, 5]);
    await h.send({ type: 'rewind', step: 0 }, 'frame');
    await h.send({ type: 'rewind', step: 5 }, 'frame');
    expect(lastFrame(h.frames()).weights).toEqual(rewarded.weights);
    expect(lastFrame(h.frames()).arch).toEqual(rewarded.arch);
  });
});

describe('rewind: what it does not do', () => {
  it('a step not kept answers with the frame where the session is, not a look back', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    await h.send({ type: 'step', steps: 10 }, 'frame');
    await h.send({ type: 'rewind', step: 6 }, 'frame');
    expect([lastFrame(h.frames()).step, lastFrame(h.frames()).rewound]).toEqual([10, undefined]);
  });

  it('a new load starts afresh', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'checkpoints');
    await h.send({ type: 'step', steps: 30 }, 'checkpoints');
    expect(h.kept()).toEqual([0, 30]);
    await h.send({ type: 'load', spec: { ...defaultSpec('mlp'), seed: 3 } }, 'checkpoints');
    expect(h.kept()).toEqual([0]);
  });
});

describe('rewind: what is not kept', () => {
  const KERNEL = 'dense0/kernel';
  const rewindWith = () => {
    const posted: FromEngine[] = [];
    const rewind = new Rewind((m) => void posted.push(m));
    const last = () => posted.at(-1) as Extract<FromEngine, { type: 'checkpoints' }>;
    return { rewind, last };
  };
  /** A real MLP session (cpu) whose step is set by hand and whose weights read NaN while `broken`. */
  async function session() {
    const real = await createSession(defaultSpec('mlp'));
    const exportWeights = real.exportWeights.bind(real);
    const control = { step: 0, broken: false };
    const s: Session = Object.assign(real, {
      exportWeights: async () => {
        const weights = await exportWeights();
        const k = weights[KERNEL];
        if (control.broken) weights[KERNEL] = { ...k, values: k.values.map(() => NaN) };
        return weights;
      },
    });
    Object.defineProperty(s, 'step', { get: () => control.step, set: (v: number) => (control.step = v) });
    return { s, control };
  }

  it('weights that diverged are not kept', async () => {
    const { rewind, last } = rewindWith();
    const { s, control } = await session();
    await rewind.reset(s);
    control.step = 1;
    control.broken = true;
    await rewind.trained(s);
    control.step = 2;
    control.broken = false;
    await rewind.trained(s);
    expect(last().steps).toEqual([0, 2]);
  });

  it('a session without a training state (the WGSL kernels) keeps none, and says why', async () => {
    const { rewind, last } = rewindWith();
    const { s } = await session();
    await rewind.reset(Object.assign(s, { exportTrainingState: async () => undefined }));
    expect(last().steps).toEqual([]);
    expect(last().unavailable).toMatch(/optimizer state on the GPU/);
  });

  it('a weight set by hand drops the steps kept from its step on, and keeps this one', async () => {
    const { rewind, last } = rewindWith();
    const { s, control } = await session();
    await rewind.reset(s);
    for (const step of [1, 2, 3, 4, 5]) {
      control.step = step;
      await rewind.trained(s);
    }
    expect(last().steps).toEqual([0, 1, 2, 3, 4, 5]);
    await rewind.goTo(s, 3);
    const weights = await s.exportWeights();
    const k = weights[KERNEL];
    s.importWeights({ ...weights, [KERNEL]: { ...k, values: k.values.map(() => 0.5) } }, 3);
    await rewind.edited(s);
    expect(last().steps).toEqual([0, 1, 2, 3]);
    await rewind.goTo(s, 0);
    await rewind.goTo(s, 3);
    expect((await s.exportWeights())[KERNEL].values.every((v) => v === 0.5)).toBe(true);
  });
});
