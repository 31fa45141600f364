import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_SLICES } from '../registry';
import { COMMON_FIELDS, TASK_FIELDS, TRAINING_FIELDS, VIEW_FIELDS } from '../common';
import type { Table } from '../fields';
import { QUOTE_LENGTH } from '../limits';
import { decodeLink } from '../link';
import { createRng } from '../rng';
import { checkTrained } from '../trained';
import { validateSpec } from '../validate';
import { hostileLink, type HostileKind } from './hostile';

export const FUZZ_LINKS = 6000;

const TABLES: Record<string, Table> = {
  task: TASK_FIELDS,
  training: TRAINING_FIELDS,
  view: VIEW_FIELDS,
  ...Object.fromEntries(Object.entries(ARCHITECTURE_SLICES).map(([k, s]) => [k, s.fields])),
};

/** The words a problem about this path may use: the path or a shorter prefix of it, or its row's name. */
function namesOf(path: string): string[] {
  const cuts = [...path.matchAll(/[.[]/g)].map((m) => m.index);
  const prefixes = [...cuts.filter((i) => i > 0).map((i) => path.slice(0, i)), path];
  const [at, key] = path.split('.');
  const row = key === undefined ? (COMMON_FIELDS as Table)[at] : TABLES[at]?.[key.split('[')[0]];
  return row ? [...prefixes, row.name] : prefixes;
}

describe('hostile links (seeded fuzz)', () => {
  it(`${FUZZ_LINKS.toLocaleString('en')} hostile links: no exception, a valid spec or problems naming the field, no pollution`, () => {
    const rng = createRng(12);
    const seen = new Map<HostileKind, number>();
    let exceptions = 0;
    for (let i = 0; i < FUZZ_LINKS; i++) {
      const link = hostileLink(rng);
      seen.set(link.kind, (seen.get(link.kind) ?? 0) + 1);
      let decoded: ReturnType<typeof decodeLink>;
      try {
        decoded = decodeLink(link.hash);
      } catch {
        exceptions++;
        continue;
      }
      const { spec, problems, trained, unusable } = decoded;
      // decodeLink catches what it throws itself: a caught exception counts as one too.
      if (problems.some((p) => p.startsWith('the link could not be read'))) {
        exceptions++;
        continue;
      }
      expect(validateSpec(spec).problems).toEqual([]);
      if (trained) expect(checkTrained(trained)).toEqual(trained);
      // User text is quoted shortened: no problem carries the 100k string (or any long stretch of it).
      for (const p of problems) expect(p).not.toMatch(new RegExp(`x{${QUOTE_LENGTH + 1}}`));
      if (link.kind === 'nonObject' || link.kind === 'bomb') expect(unusable).toBe(true);
      // A damaged link that loads with nothing to say is the link it was made from.
      // (Cut to "#", it is no link at all: the defaults, which a page with a running experiment ignores.)
      if (link.kind === 'damaged' && problems.length === 0 && link.hash !== '#')
        expect(decoded).toEqual(decodeLink(link.original!));
      if (link.kind === 'field' && problems.length > 0) {
        const names = namesOf(link.path!);
        expect(
          problems.some((p) => names.some((n) => p.includes(n))),
          `${link.path}: ${problems.join(' | ')}`,
        ).toBe(true);
      }
    }
    expect(exceptions).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Every kind was drawn many times.
    expect(Math.min(...seen.values())).toBeGreaterThan(200);
    expect(seen.size).toBe(10);
  });
});
