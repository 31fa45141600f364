/** The Live graph for K-class tasks (issue 13): its inputs and outputs, their validation, and task switches. */
import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../defaults';
import { validateSpec } from '../../validate';
import { defaultLiveGraphFor, liveInputsFor, liveOutputsFor } from './graph';
import { applyLiveEdit, withLiveTask } from './edits';

const onIris = (live: object) => {
  const spec = defaultSpec('live');
  return { ...spec, task: { ...spec.task, kind: 'iris' }, live: { ...spec.live, task: '2d', ...live } };
};

describe('the Live graph of a K-class task', () => {
  it('has one input per column and, for K > 2 classes, one output per class reading the inputs, h1, h2', () => {
    expect(liveInputsFor('2d', 'iris')).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(liveInputsFor('2d', 'digits')).toHaveLength(64);
    expect(liveInputsFor('2d', 'moons')).toEqual(['x1', 'x2']);
    expect(liveInputsFor('parity', 'iris')).toEqual(['in']);
    expect(liveOutputsFor('2d', 'digits')).toEqual(Array.from({ length: 10 }, (_, k) => `out${k}`));
    expect(liveOutputsFor('2d', 'moons')).toEqual(['out']);
    const x = ['x1', 'x2', 'x3', 'x4'];
    expect(defaultLiveGraphFor('2d', 'iris')).toEqual({
      layers: [x, ['h0', 'h1', 'h2'], ['out0', 'out1', 'out2']],
      sources: {
        h0: x,
        h1: [...x, 'h0'],
        h2: [...x, 'h0'],
        out0: [...x, 'h1', 'h2'],
        out1: [...x, 'h1', 'h2'],
        out2: [...x, 'h1', 'h2'],
      },
    });
    // Two classes: the graph of before.
    expect(defaultLiveGraphFor('2d', 'moons').layers).toEqual([['x1', 'x2'], ['h0', 'h1', 'h2'], ['out']]);
  });

  it('validation: the default graph for iris is valid; a wrong output count is named by its path', () => {
    expect(validateSpec(onIris(defaultLiveGraphFor('2d', 'iris'))).problems).toEqual([]);
    const one = validateSpec(
      onIris({
        ...defaultLiveGraphFor('2d', 'iris'),
        layers: [['x1', 'x2', 'x3', 'x4'], ['h0', 'h1', 'h2'], ['out0']],
      }),
    );
    expect(one.problems).toContain(
      'live.layers[2]: 3 output neurons for 3 classes (iris; one per class, not 1)',
    );
    expect(one.spec.live.layers.at(-1)).toEqual(['out0', 'out1', 'out2']);
    // The 2-D graph of before on iris: both its inputs and its output are said.
    const old = validateSpec(
      onIris({ layers: [['x1', 'x2'], ['h0'], ['out']], sources: { h0: ['x1'], out: ['h0'] } }),
    );
    expect(old.problems).toEqual([
      'live.layers[0]: the Live task 2d on iris needs the inputs x1, x2, x3, x4',
      'live.layers[2]: 3 output neurons for 3 classes (iris; one per class, not 1)',
    ]);
    // Two outputs on a 2-class task: one output (each reward task judges one output).
    const spec = defaultSpec('live');
    const two = { ...spec, live: { ...spec.live, layers: [['in'], ['h0', 'h1', 'h2'], ['out', 'o2']] } };
    expect(validateSpec(two).problems).toContain(
      'live.layers[2]: one output neuron (each reward task judges one output)',
    );
    // Edits keep the K outputs (an output cannot be removed).
    const live = validateSpec(onIris(defaultLiveGraphFor('2d', 'iris'))).spec.live;
    expect(applyLiveEdit(live, { kind: 'connect', source: 'out1', neuron: 'out0' }).error).toBeUndefined();
    expect(applyLiveEdit(live, { kind: 'removeNeuron', id: 'out1' }).error).toMatch(/hidden/);
  });

  it('the user CSV is not taken yet; the beta fidelity takes K outputs (its reinforce loops over them)', () => {
    const csv = onIris(defaultLiveGraphFor('2d', 'iris'));
    csv.task.kind = 'csv';
    expect(validateSpec(csv).problems[0]).toMatch(/does not take your own data tables yet \(task csv\)/);
    const beta = onIris({ ...defaultLiveGraphFor('2d', 'iris'), fidelity: 'beta' });
    expect(validateSpec(beta).problems).toEqual([]);
  });

  it('switching the Data task refits inputs and outputs, and back', () => {
    const circle = withLiveTask(defaultSpec('live').live, '2d', 'circle');
    const iris = withLiveTask(circle, '2d', 'iris');
    expect(iris.layers).toEqual(defaultLiveGraphFor('2d', 'iris').layers);
    expect(iris.sources).toEqual(defaultLiveGraphFor('2d', 'iris').sources);
    const digits = withLiveTask(iris, '2d', 'digits');
    expect(digits.layers[0]).toHaveLength(64);
    expect(digits.layers.at(-1)).toHaveLength(10);
    const back = withLiveTask(digits, '2d', 'moons');
    expect(back.layers).toEqual([['x1', 'x2'], ['h0', 'h1', 'h2'], ['out']]);
    expect(back.sources.out).toEqual(['x1', 'x2', 'h1', 'h2']);
    expect(
      validateSpec({
        ...defaultSpec('live'),
        task: { ...defaultSpec('live').task, kind: 'moons' },
        live: back,
      }).problems,
    ).toEqual([]);
    // The same task again: nothing changes.
    expect(withLiveTask(iris, '2d', 'iris')).toEqual(iris);
    // To K outputs the reference firing (which learns away from each class) becomes sigmoid; a choice the user
    // made is kept, and going back to one output keeps what is set.
    expect(circle.activation).toBe('reference');
    expect(iris.activation).toBe('sigmoid');
    expect(withLiveTask({ ...circle, activation: 'tanh' }, '2d', 'iris').activation).toBe('tanh');
    expect(back.activation).toBe('sigmoid');
  });
});
