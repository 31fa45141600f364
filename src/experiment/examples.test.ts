import { describe, expect, it } from 'vitest';
import { ARCHITECTURES } from './kinds';
import { decodeLink, encodeLink } from './link';
import { validateSpec } from './validate';
import { EXAMPLES, exampleOf } from './examples';

describe('the Examples gallery', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))(
    '%s is a valid spec and a link that round-trips',
    (_, example) => {
      const validated = validateSpec(example.spec);
      expect(validated.problems).toEqual([]);
      expect(validated.spec).toEqual(example.spec);
      const decoded = decodeLink(encodeLink(example.spec));
      expect(decoded.problems).toEqual([]);
      expect(decoded.spec).toEqual(example.spec);
      expect(example.spec.architecture).toBe(example.architecture);
      // One line: a caption, not a tutorial.
      expect(example.lookFor.length).toBeLessThanOrEqual(260);
    },
  );

  it('ids are unique, and every architecture with examples has at least two', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const architecture of ARCHITECTURES) {
      const count = EXAMPLES.filter((e) => e.architecture === architecture).length;
      if (count > 0) expect(count, architecture).toBeGreaterThanOrEqual(2);
    }
  });

  it('recognises an example whatever its speed, view and backend, and not once the experiment changes', () => {
    for (const example of EXAMPLES) {
      const shown = structuredClone(example.spec);
      shown.speed = (shown.speed + 1) % 5;
      shown.backend = 'cpu';
      shown.view = { ...shown.view, showTestData: !shown.view.showTestData };
      expect(exampleOf(shown)?.id).toBe(example.id);
      // Through a link too (a shared example shows its caption).
      expect(exampleOf(decodeLink(encodeLink(shown)).spec)?.id).toBe(example.id);
      const changed = structuredClone(example.spec);
      changed.seed += 1;
      expect(exampleOf(changed)).toBeUndefined();
      const otherRate = structuredClone(example.spec);
      otherRate.training.learningRate *= 2;
      expect(exampleOf(otherRate)).toBeUndefined();
    }
  });
});
