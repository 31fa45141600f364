/**
 * Exact continuation: a session copied through a link (weights, step and training state) takes the same next
 * steps as the session it was copied from — on cpu, bit for bit — for every gradient-trained architecture, every
 * optimizer, and both training paths (the fused kernels and tfjs's optimizers).
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  decodeLink,
  defaultSpec,
  encodeLink,
  type ExperimentSpec,
  type OptimizerKind,
  type Trained,
} from '../../experiment';
import { createSession, type Session } from '..';

type Kind = 'mlp' | 'dian' | 'wormhole';

function specFor(kind: Kind, optimizer: OptimizerKind): ExperimentSpec {
  const spec = defaultSpec(kind);
  spec.backend = 'cpu';
  spec.training.optimizer = optimizer;
  spec.training.learningRate = optimizer === 'adam' ? 0.01 : 0.03;
  spec.task.noise = 0.2;
  return spec;
}

/** The sender's weights, step and state, through the link's text and back. */
async function shared(spec: ExperimentSpec, sender: Session): Promise<Trained> {
  const trained: Trained = {
    step: sender.step,
    weights: await sender.exportWeights(),
    state: await sender.exportTrainingState(),
  };
  return decodeLink(encodeLink(spec, trained)).trained!;
}

/** Ten more steps one at a time: each step's training loss, then the weights. */
async function tenMore(session: Session) {
  const losses: number[] = [];
  for (let i = 0; i < 10; i++) {
    await session.train(1);
    losses.push((await session.evaluate()).trainLoss);
  }
  return { losses, weights: await session.exportWeights() };
}

const CASES = (['mlp', 'dian', 'wormhole'] as const).flatMap((kind) =>
  (['sgd', 'momentum', 'adam'] as const).flatMap((optimizer) =>
    [true, false].map((fused) => ({ kind, optimizer, fused, path: fused ? 'fused' : 'tfjs optimizer' })),
  ),
);

describe('exact continuation through a link', () => {
  it.each(CASES)(
    '$kind with $optimizer ($path): the receiver takes the next 10 steps the sender takes, exactly',
    async ({ kind, optimizer, fused }) => {
      const spec = specFor(kind, optimizer);
      const sender = await createSession(spec, { fused });
      expect('isFused' in sender && sender.isFused).toBe(fused);
      // 37 steps of batch 10 over 250 training points: into the second epoch, in calls of several steps.
      await sender.train(20);
      await sender.train(17);
      const trained = await shared(spec, sender);
      expect(trained.state?.optimizer).toBe(optimizer);

      const receiver = await createSession(spec, { fused });
      receiver.importWeights(trained.weights, trained.step);
      await receiver.importTrainingState(trained.state!);
      // What it took is what it holds, to the last bit (Adam's b1^t, b2^t included).
      expect(await receiver.exportTrainingState()).toEqual(trained.state);
      // The same weights without the state: a fresh optimizer and batch order (old links).
      const fresh = await createSession(spec, { fused });
      fresh.importWeights(trained.weights, trained.step);

      const [a, b, c] = [await tenMore(sender), await tenMore(receiver), await tenMore(fresh)];
      expect(b.losses).toEqual(a.losses);
      expect(b.weights).toEqual(a.weights);
      expect(receiver.step).toBe(sender.step);
      // Without the state the run goes elsewhere: the test can tell.
      expect(c.losses).not.toEqual(a.losses);
      [sender, receiver, fresh].forEach((s) => s.dispose());
    },
  );

  it('a Wormhole paused mid-call passes on the batches it gave back', async () => {
    // Open gates and at most 9 plain sweeps: some solves do not converge, and "pause" ends a call there.
    const spec = specFor('wormhole', 'momentum');
    spec.wormhole = { ...spec.wormhole, gateBias: 1, solver: 'plain', maxIter: 9, onNonConvergence: 'pause' };
    const sender = await createSession(spec);
    let state = (await sender.exportTrainingState())!;
    for (let call = 0; call < 6 && state.batches.givenBack.length === 0; call++) {
      await sender.train(10);
      state = (await sender.exportTrainingState())!;
    }
    expect(state.batches.givenBack.length).toBeGreaterThan(0);
    const trained = await shared(spec, sender);
    const receiver = await createSession(spec);
    receiver.importWeights(trained.weights, trained.step);
    await receiver.importTrainingState(trained.state!);
    for (const s of [sender, receiver]) await s.train(10);
    expect(receiver.step).toBe(sender.step);
    expect(await receiver.exportWeights()).toEqual(await sender.exportWeights());
    expect(await receiver.exportTrainingState()).toEqual(await sender.exportTrainingState());
    [sender, receiver].forEach((s) => s.dispose());
  });

  it.each([true, false])(
    'a state saved by one path (fused: %s) is taken up by the other: the same numbers, and the same run to float32 rounding',
    async (fused) => {
      const spec = specFor('dian', 'adam');
      const sender = await createSession(spec, { fused });
      await sender.train(37);
      const trained = await shared(spec, sender);
      const receiver = await createSession(spec, { fused: !fused });
      receiver.importWeights(trained.weights, trained.step);
      await receiver.importTrainingState(trained.state!);
      expect(await receiver.exportTrainingState()).toEqual(trained.state);
      const fresh = await createSession(spec, { fused: !fused });
      fresh.importWeights(trained.weights, trained.step);
      const [a, b, c] = [await tenMore(sender), await tenMore(receiver), await tenMore(fresh)];
      const gap = (x: typeof a) =>
        Math.max(
          ...Object.keys(a.weights).flatMap((n) =>
            x.weights[n].values.map((v, i) => Math.abs(v - a.weights[n].values[i])),
          ),
        );
      expect(gap(b)).toBeLessThan(1e-5);
      expect(gap(c)).toBeGreaterThan(1e-3);
      [sender, receiver, fresh].forEach((s) => s.dispose());
    },
  );

  it('refuses a state for another optimizer or network, changing nothing', async () => {
    const spec = specFor('mlp', 'momentum');
    const sender = await createSession(spec);
    await sender.train(5);
    const state = (await sender.exportTrainingState())!;
    const receiver = await createSession(spec);
    const before = await receiver.exportTrainingState();
    const slot = state.slots[0];
    for (const bad of [
      { ...state, optimizer: 'adam' as const, slots: [slot, slot], beta: [0.5, 0.5] as [number, number] },
      { ...state, slots: [{ ...slot, 'dense0/kernel': [1, 2] }] },
      { ...state, batches: { ...state.batches, cursor: 250 } },
    ])
      await expect(receiver.importTrainingState(bad)).rejects.toThrow();
    expect(await receiver.exportTrainingState()).toEqual(before);
    [sender, receiver].forEach((s) => s.dispose());
  });

  it.each([true, false])('exporting and importing the state leaks no tensors (fused: %s)', async (fused) => {
    const spec = specFor('mlp', 'adam');
    const session = await createSession(spec, { fused });
    await session.train(3);
    const state = (await session.exportTrainingState())!;
    await session.importTrainingState(state);
    await session.train(1);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await session.importTrainingState((await session.exportTrainingState())!);
      await session.train(1);
    }
    expect(tf.memory().numTensors).toBe(before);
    session.dispose();
  });
});
