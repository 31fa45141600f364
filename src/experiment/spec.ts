/** The experiment spec: plain, serialisable data. It is what a share link will carry. */
import type { CommonSpec } from './common';
import type { DianSpec } from './arch/dian/slice';
import type { LiveSpec } from './arch/live/slice';
import type { MlpSpec } from './arch/mlp/slice';
import type { WormholeSpec } from './arch/wormhole/slice';

export * from './kinds';
export type { CommonSpec } from './common';

/** One slice per architecture, under the architecture's id (the registry's keys). */
export interface ArchitectureSpecs {
  mlp: MlpSpec;
  dian: DianSpec;
  live: LiveSpec;
  wormhole: WormholeSpec;
}

/** Every slice is carried whatever the architecture: switching architecture (or a link) keeps the others' settings. */
export interface ExperimentSpec extends CommonSpec, ArchitectureSpecs {}

/** Trained weights by name (docs/DESIGN.md section 4): kernels are [in, out], values row-major. */
export interface WeightValues {
  shape: number[];
  values: number[];
}
export type WeightMap = Record<string, WeightValues>;
