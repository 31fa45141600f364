import { describe, expect, it, vi } from 'vitest';
import { createFrameChannel } from './frames';
import { testFrame } from './testing';

describe('frame channel: edits on the history', () => {
  it('continueHistory keeps the history, marks the edit, and drops the last frame', () => {
    const frames = createFrameChannel();
    for (const step of [0, 1, 2]) frames.publishFrame(testFrame(step));
    frames.continueHistory(2, true);
    expect(frames.latestFrame()).toBeUndefined();
    const drawn = vi.fn();
    frames.subscribeFrames(drawn);
    frames.publishFrame(testFrame(3));
    expect(drawn.mock.lastCall?.[1].map((p: { step: number }) => p.step)).toEqual([0, 1, 2, 3]);
    expect(drawn.mock.lastCall?.[2]).toEqual([2]);
  });

  it('a new plane goes on unmarked; a history still empty takes no mark', () => {
    const frames = createFrameChannel();
    frames.continueHistory(0, true);
    frames.publishFrame(testFrame(0));
    frames.continueHistory(0, false);
    const drawn = vi.fn();
    frames.subscribeFrames(drawn);
    frames.publishFrame(testFrame(1));
    expect(drawn.mock.lastCall?.[2]).toEqual([]);
  });

  it('a step back cuts the marks after it; a reset forgets them', () => {
    const frames = createFrameChannel();
    for (const step of [0, 1, 2, 3]) frames.publishFrame(testFrame(step));
    frames.continueHistory(1, true);
    frames.continueHistory(3, true);
    const drawn = vi.fn();
    frames.subscribeFrames(drawn);
    frames.publishFrame(testFrame(2));
    expect(drawn.mock.lastCall?.[2]).toEqual([1]);
    frames.resetFrames();
    frames.publishFrame(testFrame(0));
    expect(drawn.mock.lastCall?.[2]).toEqual([]);
  });
});
