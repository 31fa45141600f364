/**
 * Compare any two (issue 14): the running experiment (A) against a variant (B) — another architecture, one option
 * changed, or another seed; for Dynamic-Live one of its own options or the seed — or an architecture's preset (the
 * DIAN's baselines and claim), trained side by side in the worker from 1-10 seeds, drawn on one chart with a
 * verdict that names the spread. A result made before the experiment changed says it is stale; one that Play, a
 * load or Reset cancelled says so (state/comparison.ts).
 */
import { useState } from 'react';
import { abArms, firstVariant, type Architecture, type ComparisonArm, type Variant } from '../../experiment';
import { comparisonRuns } from '../../state/comparison';
import { engine, useAppStore } from '../appState';
import { ARCHITECTURE_UI } from '../arch/registry';
import { NumberField, Select } from '../kit/controls';
import { ComparisonResult, CURVES_NOTE, LIVE_CURVES_NOTE } from './ComparisonResult';
import { VariantPicker } from './VariantPicker';

const AB = {
  value: 'ab',
  label: 'A against a variant (A/B)',
  note:
    'A is the experiment as it is now; B differs in the one thing you choose. Same task, data split and ' +
    'seeds (unless the seed is what differs); training pauses while they train.',
};

/** A Dynamic-Live A: B is a Live network too, on the same reward task. */
const LIVE_AB = {
  ...AB,
  note:
    'A is this Dynamic-Live network as it is now; B differs in one of its options or the seed. Same reward task ' +
    'and task settings, same seeds (unless the seed is what differs); a Live network is compared only with a ' +
    'Live network (it has no test set). Training pauses while they train.',
};

export function ComparePanel() {
  const spec = useAppStore((s) => s.spec);
  const record = useAppStore((s) => s.runtime.comparison);
  const presets = ARCHITECTURE_UI[spec.architecture].comparePresets ?? [];
  const [steps, setSteps] = useState(2000);
  const [seeds, setSeeds] = useState(1);
  const [chosen, setChosen] = useState<string>();
  const [choice, setChoice] = useState<{ architecture: Architecture; variant: Variant }>();
  const [problem, setProblem] = useState<string>();
  // Open from the start where the architecture brings its own comparisons (the DIAN's); else on request.
  const [opened, setOpened] = useState<boolean>();
  const open = opened ?? presets.length > 0;
  const ab = spec.architecture === 'live' ? LIVE_AB : AB;
  const options = [...presets, ab];
  const kind =
    options.find((o) => o.value === chosen)?.value ??
    (presets.find((p) => p.preferred?.(spec)) ?? presets[0] ?? ab).value;
  const preset = presets.find((p) => p.value === kind);
  // A choice made for another architecture (its activations, its layers) starts over from a default.
  const variant = choice?.architecture === spec.architecture ? choice.variant : firstVariant(spec);
  const running = comparisonRuns(record);
  const curves = spec.architecture === 'live' ? LIVE_CURVES_NOTE : CURVES_NOTE;

  const heading = (
    <h2 id="comparison-title">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls="comparison-content"
        title="Train this experiment (A) beside a variant (B) over a few seeds, and compare their curves"
        onClick={() => setOpened(!open)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Compare any two
      </button>
    </h2>
  );
  if (!open) {
    return (
      <section className="panel comparison" aria-labelledby="comparison-title" data-testid="comparison">
        {heading}
      </section>
    );
  }

  const start = () => {
    const made: { arms?: ComparisonArm[]; problem?: string } = preset
      ? { arms: preset.arms(spec) }
      : abArms(spec, variant);
    setProblem(made.problem);
    if (made.arms) engine.compare({ steps, seeds, arms: made.arms, kind });
  };

  return (
    <section className="panel comparison" aria-labelledby="comparison-title" data-testid="comparison">
      {heading}
      <div id="comparison-content">
        <p className="note">
          {(preset ?? ab).note} Curves are means over the seeds ({curves}).
        </p>
        <div className="comparison-controls">
          <Select
            label="Compare"
            value={kind}
            options={options.map(({ value, label }) => ({ value, label }))}
            onChange={setChosen}
            disabled={running}
          />
          {!preset && (
            <VariantPicker
              spec={spec}
              variant={variant}
              onChange={(v) => {
                setProblem(undefined);
                setChoice({ architecture: spec.architecture, variant: v });
              }}
              disabled={running}
            />
          )}
          <NumberField label="Seeds" value={seeds} min={1} max={10} integer onChange={setSeeds} />
          <NumberField
            label="Steps to compare"
            value={steps}
            min={50}
            max={20000}
            integer
            onChange={setSteps}
          />
          {running ? (
            <button
              type="button"
              onClick={engine.cancelCompare}
              title="Stop the comparison; training stays paused"
            >
              Cancel comparison
            </button>
          ) : (
            <button
              type="button"
              onClick={start}
              title="Train the models side by side in the engine for these steps and seeds (training pauses)"
            >
              Compare
            </button>
          )}
        </div>
        {problem && (
          <p role="alert" className="field-error" data-testid="comparison-problem">
            {problem}
          </p>
        )}
        <ComparisonResult record={record} spec={spec} />
      </div>
    </section>
  );
}
