import { randomCommon } from './common';
import type { RandomSource } from './fields';
import { eachSlice } from './registry';
import type { ExperimentSpec } from './spec';

/** A random valid spec, every field drawn from its table or its slice's generator: for property tests. */
export function randomSpec(rng: RandomSource): ExperimentSpec {
  const common = randomCommon(rng);
  return { ...common, ...eachSlice((slice) => slice.random(rng, common)) };
}
