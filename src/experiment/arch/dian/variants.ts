/**
 * The DIAN's baselines (docs/DESIGN.md 1.1), as pure edits of the spec the user set: the DIAN as specified, a plain
 * MLP of the same widths (relu), the DIAN with the gate always on, and with the gate never on. The comparison
 * panel and the bench train exactly these.
 */
import type { ComparisonArm } from '../../compare';
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

/** A set of models the comparison panel trains side by side. */
export type ComparisonSet = 'baselines' | 'paper';

/**
 * The claim of the DIAN's repository (87.34% against 56.74% for "a standard feedforward network" on handwritten
 * digits), as a 2 x 2: the DIAN and a plain MLP, each with the relu on the output that the repository's code puts
 * on both (its `RegularNN` applies relu after every layer, the output's too, before a cross-entropy loss: a class
 * whose logit is cut at 0 for every input can never win) and with a linear output (a fair baseline). The DIAN as
 * its code has it: layers of 50 and 30, the extra path from layer 1, PyTorch's initialisation, iterations counted
 * from 0. What the code does and these do not: Adam at 1e-5 with a step schedule and gradient clipping, and the
 * "intuition" module (it never changes the output); training here follows the user's settings, the same for all.
 */
export const DIAN_PAPER_VARIANTS: { label: string; make: (spec: ExperimentSpec) => ExperimentSpec }[] =
  (() => {
    const paperDian = (
      s: ExperimentSpec,
      finalActivation: 'relu' | 'none',
      schedule: 'periodic' | 'never',
    ) => ({
      ...s,
      architecture: 'dian' as const,
      dian: {
        ...s.dian,
        layer1: 50,
        layer2: 30,
        source: 'h1' as const,
        init: 'pytorch' as const,
        counting: 'from0' as const,
        finalActivation,
        schedule,
        evaluation: schedule === 'never' ? ('off' as const) : s.dian.evaluation,
      },
    });
    return [
      { label: "DIAN as the paper's code (relu output)", make: (s) => paperDian(s, 'relu', 'periodic') },
      { label: "the repository's baseline (MLP, relu output)", make: (s) => paperDian(s, 'relu', 'never') },
      { label: 'DIAN, linear output', make: (s) => paperDian(s, 'none', 'periodic') },
      { label: 'fair baseline (MLP, linear output)', make: (s) => paperDian(s, 'none', 'never') },
    ];
  })();

export const COMPARISON_SETS: Record<ComparisonSet, typeof DIAN_VARIANTS> = {
  baselines: DIAN_VARIANTS,
  paper: DIAN_PAPER_VARIANTS,
};

/** A DIAN preset's models, made from the running spec (as a DIAN, whatever the spec's architecture). */
export const dianArms = (spec: ExperimentSpec, set: ComparisonSet = 'baselines'): ComparisonArm[] =>
  COMPARISON_SETS[set].map((v) => ({ label: v.label, spec: v.make({ ...spec, architecture: 'dian' }) }));
