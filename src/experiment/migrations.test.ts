import { describe, expect, it } from 'vitest';
import { migrate, migrationsProblem, MIGRATIONS, type Migration } from './migrations';
import { SCHEMA_VERSION } from './spec';

/** Schema 2 renamed `rate` to `lr`; schema 3 doubled it. */
const steps: Migration[] = [
  { from: 1, up: ({ rate, ...rest }) => ({ ...rest, lr: rate }) },
  { from: 2, up: (old) => ({ ...old, lr: (old.lr as number) * 2 }) },
];

describe('schema migrations', () => {
  it('the real list goes up one version at a time to the current schema', () => {
    expect(migrationsProblem(MIGRATIONS, SCHEMA_VERSION)).toBeUndefined();
  });

  it('walks an old spec up every step to the target version', () => {
    expect(migrate({ version: 1, rate: 0.25, seed: 7 }, 1, steps, 3)).toEqual({
      data: { version: 3, lr: 0.5, seed: 7 },
    });
    expect(migrate({ version: 2, lr: 0.25 }, 2, steps, 3)).toEqual({ data: { version: 3, lr: 0.5 } });
    expect(migrate({ version: 3, lr: 0.25 }, 3, steps, 3)).toEqual({ data: { version: 3, lr: 0.25 } });
  });

  it('refuses a version that has no step, instead of passing it through', () => {
    const fromTwo = steps.slice(1);
    expect(migrationsProblem(fromTwo, 3)).toBeUndefined();
    expect(migrate({ version: 1, rate: 0.25 }, 1, fromTwo, 3)).toEqual({
      problem: "the link's schema 1 is too old for this version of the playground",
    });
  });

  it('finds a list that skips a version, stops short or starts below schema 1, and refuses to use it', () => {
    const up = (old: Record<string, unknown>) => old;
    expect(migrationsProblem([{ from: 1, up }], 3)).toBe('the last migration is from schema 1, not 2');
    expect(migrationsProblem([], 2)).toBe('no migration leads to schema 2');
    expect(migrationsProblem([], 1)).toBeUndefined();
    expect(
      migrationsProblem(
        [
          { from: 1, up },
          { from: 3, up },
        ],
        4,
      ),
    ).toBe('the migration after schema 1 is from schema 3');
    expect(migrationsProblem([{ from: 0, up }], 1)).toBe('a migration is from schema 0');
    expect(migrate({}, 1, [{ from: 1, up }], 3).problem).toMatch(/cannot read older links .*schema 1, not 2/);
  });
});
