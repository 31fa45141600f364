import { readCommon } from './common';
import { isRecord, readRecord } from './fields';
import { eachSlice } from './registry';
import type { ExperimentSpec } from './spec';

export interface Validated {
  spec: ExperimentSpec;
  /** One short sentence per field that was wrong and replaced by its default. Empty when all was valid. */
  problems: string[];
}

/**
 * Turns untrusted data (a link, a file, a message) into a valid spec: every valid field is kept, every invalid
 * one is replaced by the default and named in `problems`. Never throws.
 */
export function validateSpec(input: unknown): Validated {
  const problems: string[] = [];
  if (!isRecord(input)) problems.push('the experiment is not an object');
  const raw = isRecord(input) ? input : {};
  const common = readCommon(raw, problems);
  const slices = eachSlice((slice, key) => slice.read(readRecord(raw[key], key, problems), common, problems));
  return { spec: { ...common, ...slices }, problems };
}
