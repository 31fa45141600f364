/**
 * Slow motion on a page slow to draw (issue 14: "slow motion skips the first step of every Play, 0 -> 2"): the
 * worker trains the next step only once the last one's frame went out, so the page gets every step's frame.
 */
import { describe, expect, it } from 'vitest';
import { defaultSpec, SPEEDS } from '../experiment';
import { cpuRunner } from './testing/cpuRunner';

describe('play at a watched speed', () => {
  it('sends a frame of every step even when the page acks each frame late', async () => {
    const { runner, until, frames } = cpuRunner();
    const frameCount = (n: number) => until(() => frames().length >= n);
    const slow = SPEEDS.findIndex((s) => s.label === 'slow');
    runner.handle({ type: 'load', spec: { ...defaultSpec('mlp'), speed: slow } });
    await frameCount(1);
    runner.handle({ type: 'frameAck' });
    runner.handle({ type: 'play' });
    // The page takes 350 ms to draw each frame: three and a half steps at 10 steps a second.
    for (let n = 2; n <= 5; n++) {
      await frameCount(n);
      await new Promise((r) => setTimeout(r, 350));
      runner.handle({ type: 'frameAck' });
    }
    runner.handle({ type: 'pause' });
    expect(
      frames()
        .map((f) => f.step)
        .slice(1, 5),
    ).toEqual([0, 1, 2, 3]);
  });
});
