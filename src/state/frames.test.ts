import { describe, expect, it } from 'vitest';
import type { Frame } from '../protocol';
import { createFrameChannel } from './frames';
import { testFrame } from './testing';

const withMaps = (step: number): Frame => ({
  ...testFrame(step),
  heatmap: new Float32Array([0.5]),
  heatmapRes: 1,
});

describe('frame channel', () => {
  it('a frame without maps is drawn with the last heatmap', () => {
    const frames = createFrameChannel();
    frames.publishFrame(withMaps(1));
    frames.publishFrame(testFrame(2));
    expect(Array.from(frames.latestFrame()!.heatmap)).toEqual([0.5]);
  });

  it('the history keeps one point per step', () => {
    const frames = createFrameChannel();
    for (const step of [1, 1, 2]) frames.publishFrame(testFrame(step));
    expect(frames.latestHistory().map((p) => p.step)).toEqual([1, 2]);
  });

  it('a step back (weights restored after a divergence) cuts the history after it', () => {
    const frames = createFrameChannel();
    for (const step of [1, 2, 3, 2]) frames.publishFrame(testFrame(step));
    expect(frames.latestHistory().map((p) => p.step)).toEqual([1, 2]);
  });

  it('a look back (rewind) keeps the history after it; training on from it cuts it there', () => {
    const frames = createFrameChannel();
    const look = (step: number): Frame => ({ ...testFrame(step), rewound: true });
    for (const step of [1, 2, 3, 5, 8]) frames.publishFrame(testFrame(step));
    frames.publishFrame(look(3));
    frames.publishFrame(look(5));
    frames.publishFrame(testFrame(5)); // a frame of the same step (another view of it) is no training
    expect(frames.latestHistory().map((p) => p.step)).toEqual([1, 2, 3, 5, 8]);
    expect(frames.latestFrame()!.step).toBe(5);
    frames.publishFrame(look(2));
    frames.publishFrame(testFrame(3)); // one step trained on from 2
    expect(frames.latestHistory().map((p) => p.step)).toEqual([1, 2, 3]);
    frames.publishFrame(testFrame(4));
    expect(frames.latestHistory().map((p) => p.step)).toEqual([1, 2, 3, 4]);
  });

  it("the history keeps an architecture's own numbers (Live's mean reward), not its maps", () => {
    const frames = createFrameChannel();
    const recent = new Float32Array([0, 1, 0.5, 0]);
    frames.publishFrame({ ...testFrame(1), arch: { kind: 'live', meanReward: -0.25, recent } });
    const [point] = frames.latestHistory();
    expect(point.meanReward).toBe(-0.25);
    expect('recent' in point || 'kind' in point).toBe(false);
  });

  it('a new subscriber is handed the latest frame at once', () => {
    const frames = createFrameChannel();
    frames.publishFrame(testFrame(4));
    const steps: number[] = [];
    frames.subscribeFrames((frame) => steps.push(frame.step));
    expect(steps).toEqual([4]);
  });

  it('two channels share nothing', () => {
    const a = createFrameChannel();
    const b = createFrameChannel();
    a.publishFrame(testFrame(4));
    expect(b.latestFrame()).toBeUndefined();
  });
});
