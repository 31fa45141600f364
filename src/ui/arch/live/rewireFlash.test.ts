import { describe, expect, it } from 'vitest';
import type { RewireNotice } from '../../appState';
import { coalesceRewires, createRewireBatch, type EdgeRewire } from './rewireFlash';

const n = (change: RewireNotice['change'], source: string, neuron: string, step = 5): RewireNotice => ({
  change,
  source,
  neuron,
  reward: -0.5,
  step,
});

describe('rewirings as the graph draws them', () => {
  it('a disconnect and a connect of the same edge within a frame are one "rewired"', () => {
    expect(coalesceRewires([n('disconnect', 'h0', 'h1'), n('connect', 'h0', 'h1')])).toEqual([
      { edge: 'h0->h1', change: 'rewired', reward: -0.5, step: 5 },
    ]);
    // The other order too (connected early in the call, pushed back to 0 later).
    expect(coalesceRewires([n('connect', 'h0', 'h1'), n('disconnect', 'h0', 'h1')])[0].change).toBe(
      'rewired',
    );
  });

  it('other edges keep their own change, in the order they first changed', () => {
    const out = coalesceRewires([
      n('disconnect', 'h0', 'h2', 3),
      n('disconnect', 'h0', 'h1', 3),
      n('connect', 'h0', 'h1', 4),
      n('connect', 'in', 'out', 4),
      n('connect', 'in', 'out', 4),
    ]);
    expect(out.map((r) => [r.edge, r.change, r.step])).toEqual([
      ['h0->h2', 'disconnect', 3],
      ['h0->h1', 'rewired', 4],
      ['in->out', 'connect', 4],
    ]);
  });

  it('batches the notices of one animation frame, and starts a new batch after it', () => {
    const frames: (() => void)[] = [];
    const applied: EdgeRewire[][] = [];
    const batch = createRewireBatch(
      (c) => applied.push(c),
      (run) => frames.push(run),
    );
    batch.add(n('disconnect', 'h0', 'h1'));
    batch.add(n('connect', 'h0', 'h1'));
    expect(frames).toHaveLength(1);
    expect(applied).toEqual([]);
    frames.shift()!();
    expect(applied.map((b) => b.map((r) => r.change))).toEqual([['rewired']]);
    // The next frame's connect alone grows in.
    batch.add(n('connect', 'h0', 'h1', 6));
    frames.shift()!();
    expect(applied[1]).toEqual([{ edge: 'h0->h1', change: 'connect', reward: -0.5, step: 6 }]);
  });

  it('drops what is pending when cleared', () => {
    const frames: (() => void)[] = [];
    const applied: EdgeRewire[][] = [];
    const batch = createRewireBatch(
      (c) => applied.push(c),
      (run) => frames.push(run),
    );
    batch.add(n('connect', 'h0', 'h1'));
    batch.clear();
    frames.shift()!();
    expect(applied).toEqual([]);
  });
});
