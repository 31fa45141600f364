/**
 * The DIAN's baselines (docs/DESIGN.md 1.1), as pure edits of the spec the user set: the DIAN as specified, a plain
 * MLP of the same widths (relu), the DIAN with the gate always on, and with the gate never on. The comparison
 * panel and the bench train exactly these.
 */
import type { ExperimentSpec } from '../../spec';

/** The compared models, each made from the spec the user set. */
export const DIAN_VARIANTS: { label: string; make: (spec: ExperimentSpec) => ExperimentSpec }[] = [
  { label: 'DIAN (periodic gate)', make: (s) => ({ ...s, dian: { ...s.dian, schedule: 'periodic' } }) },
  {
    label: 'MLP (same widths)',
    make: (s) => ({
      ...s,
      architecture: 'mlp',
      mlp: { hiddenLayers: [s.dian.layer1, s.dian.layer2], activation: 'relu' },
    }),
  },
  {
    label: 'DIAN (gate always on)',
    make: (s) => ({ ...s, dian: { ...s.dian, schedule: 'always', evaluation: 'on' } }),
  },
  {
    label: 'DIAN (gate never on)',
    make: (s) => ({ ...s, dian: { ...s.dian, schedule: 'never', evaluation: 'off' } }),
  },
];
