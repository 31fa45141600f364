import { describe, expect, it } from 'vitest';
import { createSession, defaultSpec } from '..';

/** The page keeps the last frame's weights to restart the engine from (src/state/lastGood.ts): they must be flat
 * in the order and shapes of the session's weight layout. */
describe('a frame carries the weights flat in the weight layout order', () => {
  for (const kind of ['mlp', 'dian', 'live', 'wormhole'] as const) {
    it(kind, async () => {
      const session = await createSession(defaultSpec(kind));
      await session.train(3);
      const exported = await session.exportWeights();
      const frame = await session.snapshot();
      const expected = session.weightLayout.flatMap(({ name, shape }) => {
        expect(exported[name].shape).toEqual(shape);
        return exported[name].values.map(Math.fround);
      });
      expect(Array.from(frame.weights)).toEqual(expected);
      // And weights imported from there give the same frame: the restart's round trip.
      const again = await createSession(defaultSpec(kind));
      let offset = 0;
      const map = Object.fromEntries(
        session.weightLayout.map(({ name, shape }) => {
          const n = shape.reduce((a, b) => a * b, 1);
          const values = Array.from(frame.weights.subarray(offset, (offset += n)));
          return [name, { shape, values }];
        }),
      );
      again.importWeights(map, frame.step);
      expect(again.step).toBe(3);
      expect(Array.from((await again.snapshot()).weights)).toEqual(Array.from(frame.weights));
      session.dispose();
      again.dispose();
    });
  }
});
