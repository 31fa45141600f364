import {
  DIAN_COUNTINGS,
  DIAN_INITS,
  DIAN_ITERATIONS,
  DIAN_SCHEDULES,
  DIAN_SOURCES,
  FINAL_ACTIVATIONS,
  GATE_POLICIES,
  DIAN_FIELDS,
  numberControl,
} from '../../../experiment';
import { NumberField, Select } from '../../kit/controls';
import { useSlice } from '../../kit/useSlice';

const label = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** The options of the Dynamic Input Activation network (docs/DESIGN.md 1.1). */
export function DianPanel() {
  const [dian, set] = useSlice('dian');
  return (
    <section className="panel dian" aria-labelledby="dian-title">
      <h2 id="dian-title">Gated extra input</h2>
      <NumberField {...numberControl(DIAN_FIELDS.period)} value={dian.period} onChange={set('period')} />
      <Select
        label="Iteration"
        value={dian.iteration}
        options={label(DIAN_ITERATIONS, { step: 'training step', epoch: 'epoch' })}
        onChange={set('iteration')}
      />
      <Select
        label="Count iterations"
        value={dian.counting}
        options={label(DIAN_COUNTINGS, {
          from1: 'from 1 (gate opens on step 2)',
          from0: 'from 0, as the paper loop (opens on step 1)',
        })}
        onChange={set('counting')}
      />
      <Select
        label="Initialisation"
        value={dian.init}
        options={label(DIAN_INITS, {
          glorot: 'Glorot normal, zero biases',
          pytorch: "PyTorch's nn.Linear default",
        })}
        onChange={set('init')}
      />
      <Select
        label="Extra path source"
        value={dian.source}
        options={label(DIAN_SOURCES, { x: 'input x', h1: 'layer 1' })}
        onChange={set('source')}
      />
      <Select
        label="Final activation"
        value={dian.finalActivation}
        options={label(FINAL_ACTIVATIONS, { none: 'none (logit)', relu: 'relu (as the reference code)' })}
        onChange={set('finalActivation')}
      />
      <Select
        label="Gate when evaluating"
        value={dian.evaluation}
        options={label(GATE_POLICIES, { on: 'on', off: 'off', parity: 'as the step parity says' })}
        onChange={set('evaluation')}
      />
      <Select
        label="Schedule"
        value={dian.schedule}
        options={label(DIAN_SCHEDULES, {
          periodic: 'every period (the paper)',
          always: 'always on (ablation)',
          never: 'never on (ablation)',
        })}
        onChange={set('schedule')}
      />
    </section>
  );
}
