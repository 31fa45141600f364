/** Properties every field table must have, checked row by row over the whole spec. */
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { COMMON_FIELDS, TASK_FIELDS, TRAINING_FIELDS, VIEW_FIELDS } from './common';
import { defaultSpec } from './defaults';
import { rowProblem, type Row, type Table } from './fields';
import { decodeLink, encodeLink } from './link';
import { randomSpec } from './random';
import { ARCHITECTURE_SLICES } from './registry';
import { ARCHITECTURES, type ExperimentSpec } from './spec';
import { validateSpec } from './validate';

/** Each table with where it sits in the spec: the top level, or the object under a key. */
const TABLES: { at?: string; table: Table }[] = [
  { table: COMMON_FIELDS },
  { at: 'task', table: TASK_FIELDS },
  { at: 'training', table: TRAINING_FIELDS },
  { at: 'view', table: VIEW_FIELDS },
  ...ARCHITECTURES.map((at) => ({ at, table: ARCHITECTURE_SLICES[at].fields })),
];
const ROWS = TABLES.flatMap(({ at, table }) => Object.entries(table).map(([key, row]) => ({ at, key, row })));

/** The spec as untrusted JSON with one field set to `value`. */
function withField(spec: ExperimentSpec, at: string | undefined, key: string, value: unknown) {
  const data = JSON.parse(JSON.stringify(spec)) as Record<string, Record<string, unknown>>;
  (at === undefined ? data : data[at])[key] = value;
  return data;
}

/** Values a row must refuse, each with the message that names it. */
function invalidValues(row: Row): [unknown, string][] {
  if (row.kind === 'boolean') return [['yes', `${row.name} must be true or false`]];
  if (row.kind === 'oneOf')
    return [['no-such-option', `${row.name} must be one of ${row.options.join(', ')}`]];
  if (row.kind === 'text') {
    const long = `${row.name} must be text of at most ${row.maxLength} characters`;
    const bad: [unknown, string][] = [
      [42, long],
      ['f'.repeat(row.maxLength + 1), long],
    ];
    return row.pattern
      ? [...bad, ['g'.repeat(row.maxLength), `${row.name} must be ${row.patternWords}`]]
      : bad;
  }
  const range = `${row.name} must be a number from ${row.min} to ${row.max}`;
  if (row.kind === 'integer')
    return [
      [row.min - 1, range],
      [row.max + 1, range],
      [row.min + 0.5, `${row.name} must be a whole number`],
    ];
  const nudge = (x: number) => Math.max(Math.abs(x) * 1e-9, Number.MIN_VALUE);
  return [
    [row.min - nudge(row.min), range],
    [row.max + nudge(row.max), range],
  ];
}

describe('the spec tables', () => {
  it('every row has a name and a label, and a default its own row accepts', () => {
    expect(ROWS.length).toBeGreaterThan(40);
    for (const { row } of ROWS) {
      expect(row.name && row.label).toBeTruthy();
      expect(rowProblem(row, row.default)).toBeUndefined();
    }
  });

  it("every architecture's defaults validate clean and unchanged", () => {
    for (const architecture of ARCHITECTURES) {
      const spec = defaultSpec(architecture);
      expect(validateSpec(spec)).toEqual({ spec, problems: [] });
    }
  });

  it('random specs validate clean, round-trip through a link, and reach every option and architecture', () => {
    const rng = createRng(5);
    const seen = new Map<string, Set<unknown>>();
    for (let i = 0; i < 300; i++) {
      const spec = randomSpec(rng);
      expect(validateSpec(spec).problems).toEqual([]);
      expect(decodeLink(encodeLink(spec))).toEqual({ spec, problems: [], trained: undefined });
      for (const { at, key } of ROWS) {
        const value = (at === undefined ? spec : spec[at as keyof ExperimentSpec]) as Record<string, unknown>;
        seen.set(`${at}.${key}`, (seen.get(`${at}.${key}`) ?? new Set()).add(value[key]));
      }
    }
    for (const { at, key, row } of ROWS) {
      if (row.kind === 'oneOf')
        expect([...seen.get(`${at}.${key}`)!].sort()).toEqual([...row.options].sort());
      if (row.kind === 'boolean') expect(seen.get(`${at}.${key}`)!.size).toBe(2);
    }
  });

  it('a value outside a row is refused with its name, replaced by its default, and the rest is kept', () => {
    const rng = createRng(9);
    for (const { at, key, row } of ROWS) {
      for (const [bad, message] of invalidValues(row)) {
        const base = randomSpec(rng);
        const expected = validateSpec(withField(base, at, key, row.default));
        const got = validateSpec(withField(base, at, key, bad));
        // Named by its path, then in the row's words (once, when the row's name is its path).
        const path = at ? `${at}.${key}` : key;
        expect(got.problems).toContain(row.name === path ? message : `${path}: ${message}`);
        expect(got.problems.length).toBe(expected.problems.length + 1);
        expect(got.spec).toEqual(expected.spec);
      }
    }
  });

  it('a 2-D Live reward task on a sequence data task is refused, and the result is valid', () => {
    const spec = defaultSpec('live');
    spec.task.kind = 'parity';
    spec.live = {
      ...spec.live,
      task: '2d',
      layers: [['x1', 'x2'], ['h0'], ['out']],
      sources: { out: ['h0'] },
    };
    const { spec: fixed, problems } = validateSpec(spec);
    expect(problems).toContain('the Live 2-D reward task needs a 2-D data task');
    expect(fixed.live.task).toBe('temporal-xor');
    expect(fixed.live.layers[0]).toEqual(['in']);
    expect(validateSpec(fixed).problems).toEqual([]);
  });
});
