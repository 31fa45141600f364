/** The MLP's part of the experiment spec: the plain baseline, as in the TensorFlow Playground. */
import { defaultsOf, field, randomFields, readFields, type ValuesOf } from '../../fields';
import { randomWidths, readWidths } from '../../hiddenLayers';
import type { ArchitectureSlice } from '../../slice';

export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const MLP_FIELDS = {
  activation: field.oneOf({ name: 'activation', label: 'Activation', options: ACTIVATIONS, default: 'tanh' }),
};

export interface MlpSpec extends ValuesOf<typeof MLP_FIELDS> {
  /** Widths of the hidden layers, input to output. The output layer (1 logit) is implied. */
  hiddenLayers: number[];
}

const DEFAULT_HIDDEN = [4, 2];

export const MLP_SLICE: ArchitectureSlice<MlpSpec> = {
  name: 'MLP',
  fields: MLP_FIELDS,
  defaults: () => ({ hiddenLayers: [...DEFAULT_HIDDEN], ...defaultsOf(MLP_FIELDS) }),
  read: (raw, _, problems) => ({
    hiddenLayers: readWidths(raw.hiddenLayers, DEFAULT_HIDDEN, problems, 'mlp.hiddenLayers'),
    ...readFields(MLP_FIELDS, raw, problems, 'mlp'),
  }),
  random: (rng) => ({ hiddenLayers: randomWidths(rng), ...randomFields(MLP_FIELDS, rng) }),
};
