/**
 * Pause within one frame (issue 10): a Wormhole frame with maps solves thousands of fixed points, tens of ms of
 * typed-array work. It runs in slices (engine/core/nextTask.ts), so a Pause that comes meanwhile is heard at
 * once: 'stopped' goes out before the frame is done, naming the step the frame is of.
 */
import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment';
import type { FromEngine } from '../protocol';
import { createSession, type Session } from '../engine';
import type { MakeSession } from './runner';
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

  it("during a tick's training with a Step queued behind it: 'stopped' waits for the Step and names its step", async () => {
    let calls = 0;
    let pauseAt = Infinity;
    const makeSession: MakeSession = async (spec) => {
      const session = await createSession(spec);
      const train = session.train.bind(session);
      return Object.assign(session, {
        train: async (steps: number) => {
          // Training that spans tasks (a GPU's), during which a Step and a Pause arrive.
          await new Promise((r) => setImmediate(r));
          if (++calls === pauseAt) {
            runner.handle({ type: 'step', steps: 2 });
            runner.handle({ type: 'pause' });
          }
          await train(steps);
        },
      }) as Session;
    };
    const { runner, posted, until } = cpuRunner({ autoAck: true, makeSession });
    runner.handle({ type: 'load', spec: { ...defaultSpec('mlp'), speed: 3 } });
    await until(() => posted.some(withMaps));
    pauseAt = calls + 3;
    runner.handle({ type: 'play' });
    await until(() => posted.some((m) => m.type === 'stopped'));
    await until(() =>
      posted.some((m) => m.type === 'frame' && !m.frame.playing && m.frame.heatmap.length === 0),
    );
    const last = posted.filter((m) => m.type === 'frame').at(-1)!;
    const stopped = posted.filter((m) => m.type === 'stopped');
    expect(stopped).toHaveLength(1);
    expect(last.type === 'frame' && stopped[0].type === 'stopped' && stopped[0].step).toBe(
      last.type === 'frame' && last.frame.step,
    );
  });
});
