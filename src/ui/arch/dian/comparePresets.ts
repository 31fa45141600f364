/** The DIAN's comparisons, offered in the comparison panel beside the A/B: its baselines, and the repository's claim. */
import { dianArms } from '../../../experiment';
import { claimVerdict, verdict } from '../../compare/verdict';
import type { ComparePreset } from '../types';

export const DIAN_PRESETS: ComparePreset[] = [
  {
    value: 'baselines',
    label: 'the DIAN as set, and its baselines',
    note:
      'Same task, seed and data split: the DIAN as set, a plain MLP of the same widths (relu), and the DIAN with ' +
      'the gate always on and never on.',
    arms: (spec) => dianArms(spec, 'baselines'),
    verdict,
  },
  {
    value: 'paper',
    label: "the repository's claim (2 x 2)",
    note:
      "The repository's DIAN (layers 50 and 30, extra path from layer 1, PyTorch initialisation, iterations from 0) " +
      'and its baseline, both with the relu on the output its code has, and both with a linear output: same task, ' +
      'seeds and training settings (yours: its Adam at 1e-5 with a step schedule and gradient clipping is not ' +
      'reproduced). Made for the digits task.',
    arms: (spec) => dianArms(spec, 'paper'),
    verdict: (runs, step, testPoints) => `${verdict(runs, step, testPoints)} ${claimVerdict(runs)}`,
    // The claim is about handwritten digits: that task starts on it.
    preferred: (spec) => spec.task.kind === 'digits',
  },
];
