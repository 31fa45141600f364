import { useCallback, useEffect, useRef } from 'react';
import { BACKENDS, COMMON_FIELDS, SPEEDS, type Architecture, type BackendChoice } from '../experiment';
import { describeMeasuredChoice } from '../state/backendRates';
import { engine, subscribeStopped } from './appState';
import type { Frame } from '../protocol';
import { useAppStore } from './appState';
import { ARCHITECTURE_UI } from './arch/registry';
import { resetRun } from './editHistory';
import { Select, Slider } from './kit/controls';
import { setText } from './kit/domWrites';
import { useFrames } from './kit/useFrames';

const ARCHITECTURE_OPTIONS = (Object.keys(ARCHITECTURE_UI) as Architecture[]).map((value) => ({
  value,
  label: ARCHITECTURE_UI[value].label,
}));

export function Toolbar() {
  const spec = useAppStore((s) => s.spec);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const playing = useAppStore((s) => s.runtime.playing);
  const engineState = useAppStore((s) => s.runtime.engine);
  const stepRef = useRef<HTMLSpanElement>(null);
  const rateRef = useRef<HTMLSpanElement>(null);

  useFrames(
    useCallback((frame: Frame) => {
      setText(stepRef.current!, String(frame.step));
      setText(rateRef.current!, frame.playing ? `${Math.round(frame.stepsPerSecond)} steps/s` : '');
    }, []),
  );
  // Pause: the step training stopped at comes before its frame.
  useEffect(
    () =>
      subscribeStopped((step) => {
        setText(stepRef.current!, String(step));
        setText(rateRef.current!, '');
      }),
    [],
  );

  const disabled = engineState !== 'ready';
  return (
    <div className="toolbar">
      <Select
        label="Architecture"
        value={spec.architecture}
        options={ARCHITECTURE_OPTIONS}
        onChange={(architecture) => updateSpec((d) => void (d.architecture = architecture))}
      />
      <div className="buttons">
        <button
          type="button"
          className="reset"
          onClick={resetRun}
          disabled={disabled}
          title="Reset (start over)"
        >
          Reset
        </button>
        <button
          type="button"
          className="play"
          onClick={playing ? engine.pause : engine.play}
          disabled={disabled}
          title="Play/Pause (space)"
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => engine.step(1)} disabled={disabled} title="Step (right arrow)">
          Step
        </button>
      </div>
      <div className="counter">
        <span className="counter-label">Step</span>
        <span data-testid="step" ref={stepRef}>
          0
        </span>
        <span className="rate" ref={rateRef} />
      </div>
      <Slider
        label="Speed"
        value={spec.speed}
        min={COMMON_FIELDS.speed.min}
        max={COMMON_FIELDS.speed.max}
        step={1}
        display={SPEEDS[spec.speed].label}
        onChange={(speed) => updateSpec((d) => void (d.speed = speed))}
      />
      <BackendControl />
    </div>
  );
}

function BackendControl() {
  const choice = useAppStore((s) => s.spec.backend);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const { backend, adapter, adapterDescription, backendRates, engine: state } = useAppStore((s) => s.runtime);
  return (
    <div className="backend">
      <Select<BackendChoice>
        label="Backend"
        value={choice}
        options={BACKENDS}
        onChange={(b) => updateSpec((d) => void (d.backend = b))}
      />
      <div className="backend-status" aria-live="polite">
        running on <strong data-testid="backend">{state === 'ready' ? backend : state}</strong>
        {state === 'ready' && backend && backendRates && (
          <span
            className="measured"
            data-testid="backend-measured"
            title="auto times a few steps on each backend"
          >
            {describeMeasuredChoice(backend, backendRates)}
          </span>
        )}
        {adapter && (
          <span className="adapter" data-testid="adapter" title={adapterDescription}>
            WebGPU adapter: {adapter === 'none' ? 'none' : `${adapter} (${adapterDescription})`}
          </span>
        )}
      </div>
    </div>
  );
}
