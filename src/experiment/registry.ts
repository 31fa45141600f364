/**
 * The experiment's registry: each architecture's slice of the spec. A new architecture adds its slice to
 * ArchitectureSpecs (spec.ts) and one line here; defaults, validation and random specs iterate this record.
 */
import { DIAN_SLICE } from './arch/dian/slice';
import { LIVE_SLICE } from './arch/live/slice';
import { MLP_SLICE } from './arch/mlp/slice';
import { WORMHOLE_SLICE } from './arch/wormhole/slice';
import type { ArchitectureSlice } from './slice';
import { ARCHITECTURES, type Architecture, type ArchitectureSpecs } from './spec';

export type { ArchitectureSlice };

export const ARCHITECTURE_SLICES: { [K in Architecture]: ArchitectureSlice<ArchitectureSpecs[K]> } = {
  mlp: MLP_SLICE,
  dian: DIAN_SLICE,
  live: LIVE_SLICE,
  wormhole: WORMHOLE_SLICE,
};

/** Every architecture's slice, each made by `make` in ARCHITECTURES order. */
export function eachSlice(
  make: <K extends Architecture>(
    slice: ArchitectureSlice<ArchitectureSpecs[K]>,
    key: K,
  ) => ArchitectureSpecs[K],
): ArchitectureSpecs {
  const slices = {} as Record<Architecture, unknown>;
  for (const key of ARCHITECTURES) slices[key] = make(ARCHITECTURE_SLICES[key], key);
  return slices as ArchitectureSpecs;
}
