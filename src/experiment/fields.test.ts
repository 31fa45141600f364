import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { TRAINING_FIELDS, VIEW_FIELDS } from './common';
import { field, numberControl, randomFields, readFields, readRecord } from './fields';
import { WORMHOLE_FIELDS } from './arch/wormhole/slice';

describe('field tables', () => {
  it('keeps valid values, defaults missing ones, and replaces invalid ones with the messages links report', () => {
    const problems: string[] = [];
    const training = readFields(
      TRAINING_FIELDS,
      { learningRate: 0, batchSize: 2.5, optimizer: 'rmsprop', regularization: 'l2' },
      problems,
      'training',
    );
    expect(training).toEqual({
      learningRate: 0.03,
      batchSize: 10,
      optimizer: 'sgd',
      regularization: 'l2',
      regularizationRate: 0,
    });
    expect(problems).toEqual([
      'training.learningRate: learning rate must be a number from 0.000001 to 1000',
      'training.batchSize: batch size must be a whole number',
      'training.optimizer: optimizer must be one of sgd, momentum, adam',
    ]);
  });

  it('names booleans, tiny ranges and non-objects as before', () => {
    const problems: string[] = [];
    readFields(VIEW_FIELDS, { discretize: 'yes' }, problems, 'view');
    readFields(WORMHOLE_FIELDS, { tol: 0, maxIter: 501 }, problems, 'wormhole');
    readRecord([1, 2], 'training', problems);
    expect(problems).toEqual([
      'view.discretize must be true or false',
      'wormhole.tol must be a number from 1e-12 to 0.5',
      'wormhole.maxIter must be a number from 1 to 500',
      'training is not an object',
    ]);
  });

  it('draws random values inside each range, ends included, and every option', () => {
    const table = {
      rate: field.number({ name: 'rate', label: 'Rate', min: -2, max: 3, default: 0 }),
      count: field.integer({ name: 'count', label: 'Count', min: 4, max: 6, default: 5 }),
      mode: field.oneOf({ name: 'mode', label: 'Mode', options: ['a', 'b', 'c'] as const, default: 'a' }),
    };
    const rng = createRng(3);
    const draws = Array.from({ length: 400 }, () => randomFields(table, rng));
    expect(draws.every((d) => d.rate >= -2 && d.rate <= 3)).toBe(true);
    expect(new Set(draws.map((d) => d.rate))).toContain(-2);
    expect(new Set(draws.map((d) => d.rate))).toContain(3);
    expect([...new Set(draws.map((d) => d.count))].sort()).toEqual([4, 5, 6]);
    expect([...new Set(draws.map((d) => d.mode))].sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives a number input its label and range', () => {
    expect(numberControl(TRAINING_FIELDS.batchSize)).toEqual({
      label: 'Batch size',
      min: 1,
      max: 1000,
      integer: true,
    });
    expect(numberControl(WORMHOLE_FIELDS.damping)).toEqual({
      label: 'Damping',
      min: 0.01,
      max: 1,
      integer: false,
    });
  });
});
