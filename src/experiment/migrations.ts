/**
 * Schema migrations: MIGRATIONS[v] turns a spec of schema v into schema v + 1. A link of any older version is
 * walked up to the current one before validation. Schema 1 is the first published one, so the list is empty;
 * each future change adds its step here and a frozen link of the old version to link.test.ts.
 */
import { SCHEMA_VERSION } from './spec';

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Record<number, Migration> = {};

export function migrate(data: unknown, version: number): unknown {
  let current = data;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step || typeof current !== 'object' || current === null) return current;
    current = { ...step(current as Record<string, unknown>), version: v + 1 };
  }
  return current;
}
