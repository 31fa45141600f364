import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../engine';
import { defaultSpec, type Architecture, type ExperimentSpec, type WeightMap } from '../experiment';
import type { FromEngine, ToEngine } from '../protocol';
import { cpuRunner } from './testing/cpuRunner';
import { setWeight } from './weightEdit';

function specOf(architecture: Architecture): ExperimentSpec {
  const spec = defaultSpec(architecture);
  // Adam: an optimizer with state (two moments per weight) that the edit must carry over.
  spec.training.optimizer = 'adam';
  return spec;
}

const clone = (w: WeightMap): WeightMap => structuredClone(w);
const noPost = () => undefined;

describe('setting one weight by hand', () => {
  it.each(['mlp', 'dian', 'wormhole'] as const)(
    '%s: the session holds the typed value, and its next step is that of a session built with it',
    async (architecture) => {
      const spec = specOf(architecture);
      const edited: Session = await createSession(spec);
      await edited.train(4);
      const before = await edited.exportWeights();
      const state = await edited.exportTrainingState();
      const name = Object.keys(before)[0];
      expect(await setWeight(edited, { name, index: 1, value: -1.75 }, noPost)).toBe(true);
      const after = await edited.exportWeights();
      expect(after[name].values[1]).toBe(-1.75);
      // Nothing else moved, and the step is kept.
      const expected = clone(before);
      expected[name].values[1] = -1.75;
      expect(after).toEqual(expected);
      expect(edited.step).toBe(4);

      // A session built with those weights and the same optimizer state and batch order.
      const built = await createSession(spec);
      built.importWeights(expected, 4);
      await built.importTrainingState(state!);
      // And one that was not edited, to show that the edit matters to the step.
      const unedited = await createSession(spec);
      unedited.importWeights(before, 4);
      await unedited.importTrainingState(state!);
      await Promise.all([edited.train(1), built.train(1), unedited.train(1)]);
      const stepped = await edited.exportWeights();
      expect(stepped).toEqual(await built.exportWeights());
      expect(stepped).not.toEqual(await unedited.exportWeights());
      for (const s of [edited, built, unedited]) s.dispose();
    },
    60_000,
  );

  it('refuses a value that is not a finite weight, a weight it does not have or a value past its end, changing nothing', async () => {
    const session = await createSession(specOf('mlp'));
    const before = await session.exportWeights();
    const name = Object.keys(before)[0];
    const size = before[name].values.length;
    const said: string[] = [];
    const post = (m: FromEngine) => void (m.type === 'weightRefused' && said.push(m.message));
    for (const edit of [
      { name, index: 0, value: NaN },
      { name, index: 0, value: Infinity },
      { name, index: 0, value: 2e6 },
      { name: 'nope', index: 0, value: 1 },
      { name, index: size, value: 1 },
      { name, index: -1, value: 1 },
      { name, index: 0.5, value: 1 },
    ])
      expect(await setWeight(session, edit, post)).toBe(false);
    expect(said).toEqual([
      ...Array(3).fill('The weight was not changed: a weight must be a number within ±1000000.'),
      'The weight was not changed: this network has no weight "nope".',
      `The weight was not changed: weight ${name} has no value ${size} (it has ${size}).`,
      `The weight was not changed: weight ${name} has no value -1 (it has ${size}).`,
      `The weight was not changed: weight ${name} has no value 0.5 (it has ${size}).`,
    ]);
    expect(await session.exportWeights()).toEqual(before);
    session.dispose();
  });

  it('Dynamic-Live: the neuron keeps summing to 1, a value outside 0-1 is refused, and its list can be put back', async () => {
    const session = await createSession(defaultSpec('live'));
    await session.train(30);
    const before = await session.exportWeights();
    const said: string[] = [];
    const post = (m: FromEngine) => void (m.type === 'weightRefused' && said.push(m.message));
    // out reads h1 and h2: setting the first to 0.8 leaves 0.2 for the second, whatever they were.
    expect(await setWeight(session, { name: 'neuron/out', index: 0, value: 0.8 }, post)).toBe(true);
    const after = await session.exportWeights();
    expect(after['neuron/out'].values[0]).toBe(0.8);
    expect(after['neuron/out'].values[1]).toBeCloseTo(0.2, 12);
    expect({ ...after, 'neuron/out': before['neuron/out'] }).toEqual(before);
    expect(session.step).toBe(30);
    expect(await setWeight(session, { name: 'neuron/out', index: 0, value: 1.5 }, post)).toBe(false);
    expect(said).toEqual([
      'The weight was not changed: a Dynamic-Live weight is from 0 to 1 (the weights of out sum to 1, none negative).',
    ]);
    const restore = before['neuron/out'].values;
    expect(await setWeight(session, { name: 'neuron/out', index: 0, value: 0.8, restore }, post)).toBe(true);
    const back = (await session.exportWeights())['neuron/out'].values;
    back.forEach((w, j) => expect(w).toBeCloseTo(restore[j], 12));
    session.dispose();
    // A list is a Live neuron's only.
    const mlp = await createSession(defaultSpec('mlp'));
    const name = Object.keys(await mlp.exportWeights())[0];
    expect(await setWeight(mlp, { name, index: 0, value: 1, restore: [1] }, post)).toBe(false);
    expect(said.at(-1)).toMatch(/only a Dynamic-Live neuron takes a list of weights/);
    mlp.dispose();
  });

  it('through the worker protocol: the frame after setWeight shows the value at its place in the flat weights', async () => {
    const { runner, posted, until, frames } = cpuRunner({ autoAck: true });
    const send = async (message: ToEngine, done: () => boolean) => {
      runner.handle(message);
      await until(done);
    };
    await send({ type: 'load', spec: defaultSpec('mlp') }, () => frames().length === 1);
    const layout = posted.find((m) => m.type === 'loaded')!.layout;
    // The second weight of the layout, its third value: the flat index is the first weight's size plus 2.
    const offset = layout.weights[0].shape.reduce((a, b) => a * b, 1) + 2;
    await send(
      { type: 'setWeight', edit: { name: layout.weights[1].name, index: 2, value: 0.625 } },
      () => frames().length === 2,
    );
    expect(frames()[1].weights[offset]).toBe(0.625);
    expect(frames()[1].heatmapRes).toBeGreaterThan(0);
    // A refused edit: a message, no frame, and play is not touched.
    await send({ type: 'setWeight', edit: { name: 'nope', index: 0, value: 1 } }, () =>
      posted.some((m) => m.type === 'weightRefused'),
    );
    expect(frames()).toHaveLength(2);
  });
});
