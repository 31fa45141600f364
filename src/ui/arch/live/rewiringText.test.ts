import { describe, expect, it } from 'vitest';
import { rewiringText } from './rewiringText';

const live = (rewirings: number, lastRewireStep: number) => ({
  kind: 'live' as const,
  meanReward: 0,
  recent: new Float32Array(0),
  rewirings,
  lastRewireStep,
});

describe('the rewiring counter', () => {
  it('says none yet, and why, before the first', () => {
    expect(rewiringText(live(0, -1))).toMatch(/^No rewiring yet: a weight must first be pushed to 0/);
  });

  it('counts them and names the step of the latest', () => {
    expect(rewiringText(live(1, 17))).toBe('1 rewiring so far, the last at step 17.');
    expect(rewiringText(live(12, 345))).toBe('12 rewirings so far, the last at step 345.');
  });

  it('says nothing for a frame without the counts', () => {
    expect(rewiringText({ kind: 'live', meanReward: 0, recent: new Float32Array(0) })).toBe('');
  });
});
