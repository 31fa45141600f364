import { describe, expect, it } from 'vitest';
import { decodeLink } from '../../link';
import { validateSpec } from '../../validate';
import { DIAN_EXAMPLES, exampleLink } from './examples';

describe('the curated DIAN examples', () => {
  it('are DIAN experiments that validate as they are, each with its own id and a one-line caption', () => {
    expect(DIAN_EXAMPLES.length).toBeGreaterThanOrEqual(2);
    expect(new Set(DIAN_EXAMPLES.map((e) => e.id)).size).toBe(DIAN_EXAMPLES.length);
    for (const example of DIAN_EXAMPLES) {
      const spec = example.spec();
      expect(spec.architecture).toBe('dian');
      expect(validateSpec(spec)).toEqual({ spec, problems: [] });
      expect(example.caption).not.toContain('\n');
      expect(example.caption.length).toBeLessThanOrEqual(200);
    }
  });

  it('open from their links as they are', () => {
    for (const example of DIAN_EXAMPLES) {
      const decoded = decodeLink(exampleLink(example));
      expect(decoded.problems).toEqual([]);
      expect(decoded.spec).toEqual(example.spec());
    }
  });

  it("the valve's rhythm plays in slow motion, gate every second step; the comparison example differs from the default", () => {
    const [rhythm, baselines] = DIAN_EXAMPLES.map((e) => e.spec());
    expect([rhythm.speed, rhythm.dian.period, rhythm.dian.schedule]).toEqual([0, 2, 'periodic']);
    expect(baselines.task.kind).toBe('xor');
  });
});
