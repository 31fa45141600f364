/**
 * What B changes: the kind of difference and its value, with controls that fit A's architecture (a Dynamic-Live A:
 * its own options and the seed).
 */
import {
  activationOf,
  COMPARED_ARCHITECTURES,
  defaultVariant,
  LAYER_WIDTH,
  LIVE_FIELDS,
  OPTIMIZERS,
  SHORT_NAMES,
  variantKind,
  variantKindsOf,
  widthsOf,
  type ExperimentSpec,
  type Variant,
} from '../../experiment';
import { NumberField, Select } from '../kit/controls';

export function VariantPicker({
  spec,
  variant,
  onChange,
  disabled,
}: {
  spec: ExperimentSpec;
  variant: Variant;
  onChange: (variant: Variant) => void;
  disabled: boolean;
}) {
  return (
    <>
      <Select
        label="B differs in"
        value={variantKind(variant)}
        options={variantKindsOf(spec)}
        onChange={(kind) => onChange(defaultVariant(spec, kind))}
        disabled={disabled}
      />
      <VariantValue spec={spec} variant={variant} onChange={onChange} disabled={disabled} />
    </>
  );
}

function VariantValue({
  spec,
  variant: v,
  onChange,
  disabled,
}: {
  spec: ExperimentSpec;
  variant: Variant;
  onChange: (variant: Variant) => void;
  disabled: boolean;
}) {
  switch (v.kind) {
    case 'architecture': {
      const options = COMPARED_ARCHITECTURES.map((a) => ({ value: a, label: SHORT_NAMES[a] }));
      return (
        <Select
          label="B's network"
          value={v.architecture as (typeof COMPARED_ARCHITECTURES)[number]}
          options={options}
          onChange={(architecture) => onChange({ ...v, architecture })}
          disabled={disabled}
        />
      );
    }
    case 'activation': {
      const { label, options } = activationOf(spec);
      return (
        <Select
          label={`B's ${label}`}
          value={v.activation}
          options={options}
          onChange={(activation) => onChange({ ...v, activation })}
          disabled={disabled}
        />
      );
    }
    case 'optimizer':
      return (
        <Select
          label="B's optimizer"
          value={v.optimizer}
          options={OPTIMIZERS}
          onChange={(optimizer) => onChange({ ...v, optimizer })}
          disabled={disabled}
        />
      );
    case 'learningRate':
      return (
        <NumberField
          label="B's learning rate"
          value={v.learningRate}
          min={1e-6}
          max={1000}
          onChange={(learningRate) => onChange({ ...v, learningRate })}
          disabled={disabled}
        />
      );
    case 'width': {
      const layers = widthsOf(spec).map((_, i) => ({ value: String(i), label: `layer ${i + 1}` }));
      return (
        <>
          <Select
            label="Hidden layer"
            value={String(v.layer)}
            options={layers}
            onChange={(layer) => onChange({ ...v, layer: Number(layer) })}
            disabled={disabled}
          />
          <NumberField
            label="B's width"
            value={v.width}
            min={LAYER_WIDTH.min}
            max={LAYER_WIDTH.max}
            integer
            onChange={(width) => onChange({ ...v, width })}
            disabled={disabled}
          />
        </>
      );
    }
    case 'live': {
      const row = LIVE_FIELDS[v.option];
      const label = `B's ${row.label}`;
      const help = `The value of ${row.label} that B trains with (A keeps ${String(spec.live[v.option])})`;
      return row.kind === 'oneOf' ? (
        <Select
          label={label}
          value={String(v.value)}
          options={row.options}
          onChange={(value) => onChange({ ...v, value })}
          disabled={disabled}
          help={help}
        />
      ) : (
        <NumberField
          label={label}
          value={Number(v.value)}
          min={row.min}
          max={row.max}
          integer={row.kind === 'integer'}
          onChange={(value) => onChange({ ...v, value })}
          disabled={disabled}
          help={help}
        />
      );
    }
    case 'seed':
      return (
        <NumberField
          label="B's seed"
          value={v.seed}
          min={0}
          max={2 ** 31 - 1}
          integer
          onChange={(seed) => onChange({ ...v, seed })}
          disabled={disabled}
        />
      );
  }
}
