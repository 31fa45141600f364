import type { ReactNode } from 'react';
import { numberControl, OPTIMIZERS, REGULARIZATIONS, TRAINING_FIELDS } from '../../experiment';
import { useAppStore } from '../appState';
import { NumberField, Select } from '../kit/controls';

/** The training settings every gradient-trained network shares; `children` are the architecture's own. */
export function ModelPanel({ children }: { children?: ReactNode }) {
  const { training } = useAppStore((s) => s.spec);
  const updateSpec = useAppStore((s) => s.updateSpec);
  return (
    <section className="panel model" aria-labelledby="model-title">
      <h2 id="model-title">Training</h2>
      <NumberField
        {...numberControl(TRAINING_FIELDS.learningRate)}
        value={training.learningRate}
        onChange={(v) => updateSpec((d) => void (d.training.learningRate = v))}
      />
      {children}
      <Select
        label="Optimizer"
        value={training.optimizer}
        options={OPTIMIZERS}
        onChange={(v) => updateSpec((d) => void (d.training.optimizer = v))}
      />
      <Select
        label="Regularization"
        value={training.regularization}
        options={REGULARIZATIONS}
        onChange={(v) => updateSpec((d) => void (d.training.regularization = v))}
      />
      <NumberField
        {...numberControl(TRAINING_FIELDS.regularizationRate)}
        value={training.regularizationRate}
        onChange={(v) => updateSpec((d) => void (d.training.regularizationRate = v))}
      />
    </section>
  );
}
