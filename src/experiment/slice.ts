/** What each architecture's slice of the spec brings to the experiment's registry. */
import type { CommonSpec } from './common';
import type { RandomSource, Table } from './fields';

export interface ArchitectureSlice<S> {
  /** The architecture in words, for messages and the event log. */
  name: string;
  /** The slice's scalar fields; the structured ones (lists, graphs) have readers of their own. */
  fields: Table;
  defaults(): S;
  /** The slice from untrusted data (the record under the architecture's key), given the common part read first. */
  read(raw: Record<string, unknown>, common: CommonSpec, problems: string[]): S;
  /** A random valid slice that fits the common part (for property tests). */
  random(rng: RandomSource, common: CommonSpec): S;
}
