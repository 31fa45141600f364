/**
 * Pause within one frame (issue 10): a Wormhole frame with maps solves thousands of fixed points, tens of ms of
 * typed-array work. It runs in slices (engine/core/nextTask.ts), so a Pause that comes meanwhile is heard at
 * once: 'stopped' goes out before the frame is done, naming the step the frame is of.
 */
import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment';
import type { FromEngine } from '../protocol';
import { cpuRunner } from './testing/cpuRunner';

const withMaps = (m: FromEngine) => m.type === 'frame' && m.frame.heatmap.length > 0;

describe('Pause during a frame with maps', () => {
  it("is answered by 'stopped' before that frame is done, with the frame's step", async () => {
    const spec = defaultSpec('wormhole');
    spec.wormhole = { ...spec.wormhole, hidden: [16, 16, 16], tol: 1e-9 };
    const { runner, posted, until } = cpuRunner({ autoAck: true });
    runner.handle({ type: 'load', spec });
    await until(() => posted.some(withMaps));
    const from = posted.length;
    runner.handle({ type: 'step', steps: 1 });
    // The next task of the event loop: the step and its frame started on the runner's promise chain (microtasks);
    // unsliced, they would finish before this runs.
    setImmediate(() => runner.handle({ type: 'pause' }));
    await until(
      () => posted.slice(from).some(withMaps) && posted.slice(from).some((m) => m.type === 'stopped'),
    );
    const after = posted.slice(from);
    const stopped = after.findIndex((m) => m.type === 'stopped');
    const frame = after.findIndex(withMaps);
    expect(stopped).toBeLessThan(frame);
    expect(after[stopped]).toEqual({ type: 'stopped', step: 1 });
    expect(after[frame].type === 'frame' && after[frame].frame.step).toBe(1);
  });

  it("behind a queued Step is answered once that Step has trained: 'stopped' names the step after it", async () => {
    const { runner, posted, until } = cpuRunner({ autoAck: true });
    runner.handle({ type: 'load', spec: defaultSpec('mlp') });
    await until(() => posted.some(withMaps));
    const from = posted.length;
    runner.handle({ type: 'step', steps: 3 });
    runner.handle({ type: 'pause' });
    await until(() => posted.slice(from).some((m) => m.type === 'stopped'));
    const stopped = posted.slice(from).filter((m) => m.type === 'stopped');
    expect(stopped).toEqual([{ type: 'stopped', step: 3 }]);
  });
});
