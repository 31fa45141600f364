import { defaultCommon } from './common';
import { eachSlice } from './registry';
import type { Architecture, ExperimentSpec } from './spec';

/** A complete, valid spec for an architecture. Defaults follow the TensorFlow Playground's where it has one. */
export function defaultSpec(architecture: Architecture = 'mlp'): ExperimentSpec {
  return { ...defaultCommon(), architecture, ...eachSlice((slice) => slice.defaults()) };
}
