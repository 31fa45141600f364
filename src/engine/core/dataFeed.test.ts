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
});
