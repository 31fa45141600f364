import { describe, expect, it } from 'vitest';
import { DIAN_EXAMPLES } from './examples';

// Valid specs, links that round-trip and one-line captions: src/experiment/examples.test.ts, for every example.
describe('the curated DIAN examples', () => {
  it("the valve's rhythm plays in slow motion, gate every second step; the comparison example differs from the default", () => {
    const [rhythm, baselines] = DIAN_EXAMPLES.map((e) => e.spec);
    expect([rhythm.speed, rhythm.dian.period, rhythm.dian.schedule]).toEqual([0, 2, 'periodic']);
    expect(baselines.task.kind).toBe('xor');
  });
});
