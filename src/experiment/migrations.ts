/**
 * Schema migrations: each step turns a spec of schema `from` into schema `from + 1`. A link of an older version
 * is walked up to the current one before validation. Each change adds its step here and a frozen link of the old
 * version to link.test.ts.
 *   1 -> 2  the Wormhole: the old hard gate is 'relu', the old adjoint solve 'plain', and L1/L2 (which it
 *           ignored) off when it is the architecture (arch/wormhole/migrate.ts)
 */
import { wormholeFromSchema1 } from './arch/wormhole/migrate';
import { isRecord } from './fields';
import { SCHEMA_VERSION } from './spec';

export interface Migration {
  from: number;
  up: (old: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [{ from: 1, up: wormholeFromSchema1 }];

/** Why a list of steps cannot walk schemas up to `target`: steps must go up one version at a time, to it. */
export function migrationsProblem(steps: readonly Migration[], target: number): string | undefined {
  if (steps.length === 0) return target === 1 ? undefined : `no migration leads to schema ${target}`;
  const last = steps[steps.length - 1].from;
  if (last !== target - 1) return `the last migration is from schema ${last}, not ${target - 1}`;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].from !== steps[i - 1].from + 1)
      return `the migration after schema ${steps[i - 1].from} is from schema ${steps[i].from}`;
  }
  if (steps[0].from < 1) return `a migration is from schema ${steps[0].from}`;
  return undefined;
}

/**
 * Data of schema `version` walked up to `target`, or why it cannot be: an older version with no step is refused
 * (never passed through as if it were current). Data that is not an object is left for validation to name.
 */
export function migrate(
  data: unknown,
  version: number,
  steps: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): { data: unknown; problem?: undefined } | { problem: string; data?: undefined } {
  const broken = version < target && migrationsProblem(steps, target);
  if (broken) return { problem: `the playground cannot read older links (${broken})` };
  let current = data;
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step)
      return { problem: `the link's schema ${version} is too old for this version of the playground` };
    if (!isRecord(current)) return { data: current };
    current = { ...step.up(current), version: v + 1 };
  }
  return { data: current };
}
