import { ACTIVATIONS, numberControl, OPTIMIZERS, REGULARIZATIONS, TRAINING_FIELDS } from '../../experiment';
import { useAppStore } from '../appState';
import { NumberField, Select } from '../kit/controls';

export function ModelPanel() {
  const { training, mlp, architecture } = useAppStore((s) => s.spec);
  const updateSpec = useAppStore((s) => s.updateSpec);
  return (
    <section className="panel model" aria-labelledby="model-title">
      <h2 id="model-title">Training</h2>
      <NumberField
        {...numberControl(TRAINING_FIELDS.learningRate)}
        value={training.learningRate}
        onChange={(v) => updateSpec((d) => void (d.training.learningRate = v))}
      />
      {architecture === 'mlp' && (
        <Select
          label="Activation"
          value={mlp.activation}
          options={ACTIVATIONS}
          onChange={(v) => updateSpec((d) => void (d.mlp.activation = v))}
        />
      )}
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
