/**
 * Small labelled form controls. Each has a visible label, which is also its accessible name, and a one-line help
 * (its title: shown on hover, read by screen readers as its description).
 */
import { helpFor } from './help';
import { readNumber } from './numberText';
import { useId, useState, type ReactNode } from 'react';

export function Field({
  label,
  children,
  hint,
}: {
  label: string;
  children: (id: string) => ReactNode;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[] | readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
  /** What the control does, in a line. */
  help?: string;
}) {
  const options = props.options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <Field label={props.label}>
      {(id) => (
        <select
          id={id}
          title={props.help ?? helpFor(props.label)}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value as T)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  display: string;
  onChange: (value: number) => void;
  hint?: string;
  help?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      {(id) => (
        <span className="slider">
          <input
            id={id}
            title={props.help ?? helpFor(props.label)}
            type="range"
            min={props.min}
            max={props.max}
            step={props.step}
            value={props.value}
            onChange={(e) => props.onChange(Number(e.target.value))}
          />
          <output htmlFor={id}>{props.display}</output>
        </span>
      )}
    </Field>
  );
}

/**
 * A number typed by the user: applied on Enter or blur when it parses and is in range; otherwise a message
 * says why and the running value stays.
 */
export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  onChange: (value: number) => void;
  disabled?: boolean;
  help?: string;
}) {
  const [text, setText] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const apply = () => {
    if (text === undefined) return;
    const read = readNumber(text, { ...props, current: props.value });
    if ('error' in read) setError(read.error);
    else {
      setError(undefined);
      props.onChange(read.value);
    }
    setText(undefined);
  };
  return (
    <Field label={props.label}>
      {(id) => (
        <>
          <input
            id={id}
            title={props.help ?? helpFor(props.label)}
            type="text"
            inputMode="decimal"
            className="number"
            value={text ?? String(props.value)}
            disabled={props.disabled}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setText(e.target.value)}
            onBlur={apply}
            onKeyDown={(e) => e.key === 'Enter' && apply()}
          />
          {error && (
            <span role="alert" className="field-error">
              {error}
            </span>
          )}
        </>
      )}
    </Field>
  );
}

/** A labelled checkbox (its label is its accessible name). */
export function Checkbox(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: string;
}) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        title={props.help ?? helpFor(props.label)}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}
