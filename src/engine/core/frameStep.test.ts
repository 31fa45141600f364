import { describe, expect, it } from 'vitest';
import { createSession, defaultSpec } from '..';

/**
 * Play's frames are double-buffered on the WGSL kernels (src/worker/framePipeline.ts): the next tick trains while a
 * frame reads back. The frame must say the step its numbers are of, not the step reached when the read-back came
 * (it said the later one, so slow motion on a GPU showed 0 -> 2 on every Play: issue 14).
 */
describe("a frame's step is the step it was asked at, even when training goes on while it reads back", () => {
  for (const kind of ['mlp', 'dian'] as const) {
    it(kind, async () => {
      // The op path's train counts its steps before it returns, as the WGSL path does (no read-back).
      const session = await createSession(defaultSpec(kind), { fused: false });
      await session.train(1);
      const reading = session.snapshot();
      // Trains before the read-back above has come back (its continuation runs after this synchronous start).
      const training = session.train(1);
      const [frame] = await Promise.all([reading, training]);
      expect(session.step).toBe(2);
      expect(frame.step).toBe(1);
      // Its weights are step 1's too: a snapshot asked now (step 2) has others.
      const now = await session.snapshot();
      expect(now.step).toBe(2);
      expect(Array.from(now.weights)).not.toEqual(Array.from(frame.weights));
    });
  }
});
