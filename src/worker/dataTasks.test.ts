import { describe, expect, it } from 'vitest';
import { defaultSpec, type ExperimentSpec } from '../experiment';
import type { DataTable } from '../experiment/data';
import type { FromEngine, ToEngine } from '../protocol';
import { EngineRunner } from './runner';

/** The runner on the cpu backend, collecting what it posts. */
function harness() {
  const posted: FromEngine[] = [];
  let wake: (() => void) | undefined;
  const runner = new EngineRunner(
    (m) => {
      posted.push(m);
      wake?.();
    },
    async () => ({ backend: 'cpu', adapter: 'none', adapterDescription: 'test', failures: [] }),
  );
  const send = async (msg: ToEngine, type: FromEngine['type'], count = 1) => {
    runner.handle(msg);
    // An error ends the wait (the test then fails on what it expected, not by a timeout).
    while (posted.filter((m) => m.type === type).length < count && !posted.some((m) => m.type === 'error'))
      await new Promise<void>((r) => (wake = r));
  };
  const last = <T extends FromEngine['type']>(type: T) =>
    posted.filter((m): m is Extract<FromEngine, { type: T }> => m.type === type).at(-1)!;
  return { posted, send, last };
}

const withTask = (tweak: (s: ExperimentSpec) => void) => {
  const spec = defaultSpec('mlp');
  tweak(spec);
  return spec;
};

const USER: DataTable = {
  features: ['a', 'b', 'c'],
  x: Float32Array.from({ length: 30 }, (_, i) => (i * 7) % 11),
  y: Float32Array.from({ length: 10 }, (_, i) => i % 3),
  classes: ['x', 'y', 'z'],
};

describe('data tasks through the worker', () => {
  it('loads iris: four inputs, three classes, a plane of two inputs over their own extent, and trains', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: withTask((s) => (s.task.kind = 'iris')) }, 'frame');
    const { layout } = h.last('loaded');
    expect(layout.inputs).toHaveLength(4);
    expect(layout.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(layout.head).toEqual({ kind: 'classes', k: 3 });
    expect(layout.plane).toMatchObject({
      x: 'sepal length',
      y: 'sepal width',
      note: 'the other inputs held at their mean',
    });
    expect(layout.plane.extent.x[0]).toBeLessThan(layout.plane.extent.x[1]);
    expect(layout.plane.extent.x).not.toEqual([-6, 6]);
    expect(layout.train.length + layout.test.length).toBe(150 * 3);
    await h.send({ type: 'step', steps: 5 }, 'frame');
    // Frames wait for the page's ack of the one before.
    await h.send({ type: 'frameAck' }, 'frame', 2);
    expect(h.last('frame').frame.step).toBe(5);
  });

  it('refuses a CSV task without its data, with the message, keeping the experiment that runs', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: defaultSpec('mlp') }, 'frame');
    const csv = withTask((s) => ((s.task.kind = 'csv'), (s.task.dataName = 'mine.csv')));
    await h.send({ type: 'load', spec: csv }, 'loadRefused');
    expect(h.last('loadRefused')).toEqual({
      type: 'loadRefused',
      message: 'this experiment uses your own data "mine.csv": load that CSV to run it',
      running: true,
    });
  });

  it('loads a CSV task with the table sent in the load message, PCA on the plane', async () => {
    const h = harness();
    const spec = withTask((s) => ((s.task.kind = 'csv'), (s.view.plane = 'pca')));
    await h.send({ type: 'load', spec, userData: USER }, 'frame');
    const { layout } = h.last('loaded');
    expect(layout.inputs).toEqual(['a', 'b', 'c']);
    expect(layout.plane).toMatchObject({ x: 'PC1', y: 'PC2' });
    expect(layout.classes).toEqual(['x', 'y', 'z']);
  });

  it('runs the Wormhole on iris: a sample clicked on the plane is solved as the row there', async () => {
    const h = harness();
    const spec = withTask((s) => ((s.architecture = 'wormhole'), (s.task.kind = 'iris')));
    await h.send({ type: 'load', spec }, 'frame');
    await h.send({ type: 'selectSample', point: [0.5, -0.5] }, 'frame');
    await h.send({ type: 'frameAck' }, 'frame', 2);
    const frame = h.last('frame').frame;
    expect(frame.arch).toMatchObject({ kind: 'wormhole' });
    expect(h.posted.some((m) => m.type === 'error' || m.type === 'loadRefused')).toBe(false);
  });

  it('sends digits with the test rows as 8x8 images', async () => {
    const h = harness();
    await h.send({ type: 'load', spec: withTask((s) => (s.task.kind = 'digits')) }, 'loaded');
    const { layout } = h.last('loaded');
    expect(layout.images).toMatchObject({ width: 8, height: 8 });
    expect(layout.images!.test.length).toBe((layout.test.length / 3) * 64);
  });
});
