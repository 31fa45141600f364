import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../experiment';
import { DataFeed } from './dataFeed';

describe('the data feed', () => {
  it('draws the batches it was given back first, then goes on as if they had never been drawn', () => {
    const spec = defaultSpec('mlp');
    spec.task.numSamples = 40; // 20 training points: batches of 10 cross epochs (new permutations) often
    const draw = (feed: DataFeed, n: number) => Array.from({ length: n }, () => Array.from(feed.nextBatch()));
    const [steady, rewound] = [new DataFeed(spec), new DataFeed(spec)];
    const expected = draw(steady, 9);
    // Draw 5 (across an epoch's end), give back the last 3 in two calls, latest drawn first.
    const drawn = draw(rewound, 5);
    rewound.giveBack(Int32Array.from(drawn.slice(3).flat()));
    rewound.giveBack(Int32Array.from(drawn[2]));
    expect([...drawn.slice(0, 2), ...draw(rewound, 7)]).toEqual(expected);
    steady.dispose();
    rewound.dispose();
  });

  it("a feed given another feed's batch order draws what that one draws next, at any point of an epoch", () => {
    const spec = defaultSpec('mlp');
    // 20 training points: with batches of 5 an epoch can end exactly (cursor at its end), with 7 mid-batch.
    spec.task.numSamples = 40;
    const draw = (feed: DataFeed, n: number) => Array.from({ length: n }, () => Array.from(feed.nextBatch()));
    for (const [batchSize, drawn] of [
      [5, 0],
      [5, 4],
      [5, 6],
      [7, 3],
      [7, 5],
    ]) {
      spec.training.batchSize = batchSize;
      const sender = new DataFeed(spec);
      draw(sender, drawn);
      if (drawn === 5) sender.giveBack(Int32Array.from(sender.nextBatch().subarray(2)));
      const order = JSON.parse(JSON.stringify(sender.exportOrder()));
      const receiver = new DataFeed(spec);
      receiver.importOrder(order);
      expect(draw(receiver, 12)).toEqual(draw(sender, 12));
      // A fresh feed (no order put back) draws otherwise, unless nothing had been drawn.
      if (drawn > 0) expect(draw(new DataFeed(spec), 12)).not.toEqual(draw(sender, 12));
      sender.dispose();
      receiver.dispose();
    }
  });

  it('refuses a batch order that does not fit its training set, changing nothing', () => {
    const spec = defaultSpec('mlp');
    spec.task.numSamples = 40;
    const [feed, twin] = [new DataFeed(spec), new DataFeed(spec)];
    const good = feed.exportOrder();
    for (const bad of [
      { ...good, cursor: 20 },
      { ...good, givenBack: [3, 20] },
      { ...good, rng: -1 },
      { ...good, rng: 2 ** 32 },
    ])
      expect(() => feed.importOrder(bad)).toThrow(/batch order/);
    expect(Array.from(feed.nextBatch())).toEqual(Array.from(twin.nextBatch()));
    feed.dispose();
    twin.dispose();
  });
});
