import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../protocol';
import { createRewireCoalescer, createSolveCoalescer } from './rewires';

const rewire = (
  step: number,
  change: 'connect' | 'disconnect',
): Extract<EngineEvent, { kind: 'rewire' }> => ({
  kind: 'rewire',
  change,
  source: 'in',
  neuron: 'h0',
  reward: -1,
  step,
});

describe('rewiring events between frames', () => {
  it('lists a few one by one, in order, with nothing elided', () => {
    const c = createRewireCoalescer(3);
    [rewire(1, 'connect'), rewire(2, 'disconnect')].forEach(c.add);
    expect(c.flush()).toEqual([rewire(1, 'connect'), rewire(2, 'disconnect')]);
    expect(c.flush()).toEqual([]);
  });

  it('counts what goes beyond the latest few, by kind and step range', () => {
    const c = createRewireCoalescer(2);
    const events = [
      rewire(1, 'connect'),
      rewire(2, 'disconnect'),
      rewire(3, 'disconnect'),
      rewire(5, 'connect'),
      rewire(6, 'connect'),
    ];
    events.forEach(c.add);
    expect(c.flush()).toEqual([
      { kind: 'rewires-elided', connects: 1, disconnects: 2, fromStep: 1, step: 3 },
      rewire(5, 'connect'),
      rewire(6, 'connect'),
    ]);
  });
});

const solve = (
  step: number,
  stop: 'maxIter' | 'diverged',
  kind: 'forward' | 'adjoint' = 'forward',
): Extract<EngineEvent, { kind: 'solve' }> => ({
  kind: 'solve',
  solve: kind,
  step,
  stop,
  iterations: 50,
  paused: false,
});

describe('unconverged solves between frames', () => {
  it('lists the latest few and counts the rest by solve (forward, adjoint) and how they stopped', () => {
    const c = createSolveCoalescer(1);
    [
      solve(4, 'maxIter'),
      solve(4, 'maxIter', 'adjoint'),
      solve(7, 'diverged'),
      solve(8, 'diverged', 'adjoint'),
      solve(8, 'maxIter', 'adjoint'),
      solve(9, 'maxIter'),
      solve(12, 'maxIter'),
    ].forEach(c.add);
    expect(c.flush()).toEqual([
      {
        kind: 'solves-elided',
        forward: { maxIter: 2, diverged: 1 },
        adjoint: { maxIter: 2, diverged: 1 },
        fromStep: 4,
        step: 9,
      },
      solve(12, 'maxIter'),
    ]);
    expect(c.flush()).toEqual([]);
  });
});
