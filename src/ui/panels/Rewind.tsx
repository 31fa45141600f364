/**
 * Rewind: a scrubber over the steps the engine keeps (log-spaced: src/worker/rewind.ts). Moving it pauses and
 * shows that step's network, metrics and plane; Play or Step trains on from there, and the run after it is dropped.
 * Dynamic-Live too: its kept steps hold the whole session (memories, rewiring and task streams), and a graph edit
 * starts them afresh.
 * One look back is asked at a time: while the engine answers, the scrubber's latest position waits its turn.
 */
import { useCallback, useRef } from 'react';
import type { Frame } from '../../protocol';
import { engine, useAppStore } from '../appState';
import { Slider } from '../kit/controls';
import { useFrames } from '../kit/useFrames';

export function Rewind() {
  const live = useAppStore((s) => s.spec.architecture === 'live');
  const checkpoints = useAppStore((s) => s.runtime.checkpoints);
  const lookingAt = useAppStore((s) => s.runtime.lookingAt);
  const unavailable = useAppStore((s) => s.runtime.rewindUnavailable);
  const ready = useAppStore((s) => s.runtime.engine === 'ready');
  const asked = useRef<number>(undefined);
  const wanted = useRef<number>(undefined);

  const ask = (step: number) => {
    wanted.current = step;
    if (asked.current !== undefined) return;
    asked.current = step;
    engine.rewind(step);
  };
  useFrames(
    useCallback((frame: Frame) => {
      // The answer is the next paused frame: a look back, or (a step no longer kept, a load meanwhile) not.
      if (frame.playing || asked.current === undefined) return;
      asked.current = undefined;
      if (!frame.rewound) {
        // Not a look back (that step is no longer kept): the page shows where the run is.
        wanted.current = undefined;
        useAppStore.getState().setRuntime({ lookingAt: undefined });
      } else if (wanted.current !== undefined && wanted.current !== frame.step) ask(wanted.current);
    }, []),
  );

  if (unavailable)
    return (
      <p className="rewind-note" data-testid="rewind-note">
        Rewind keeps no steps here: {unavailable}.
      </p>
    );
  const last = checkpoints.length - 1;
  const index = lookingAt === undefined ? last : Math.max(0, checkpoints.indexOf(lookingAt));
  return (
    <div className="rewind" data-testid="rewind">
      <Slider
        label="Rewind"
        value={Math.max(0, index)}
        min={0}
        max={Math.max(0, last)}
        step={1}
        display={checkpoints.length ? `step ${checkpoints[Math.max(0, index)].toLocaleString('en')}` : '–'}
        onChange={(i) => ready && checkpoints[i] !== undefined && ask(checkpoints[i])}
        hint={
          lookingAt === undefined
            ? `${checkpoints.length} step${checkpoints.length === 1 ? '' : 's'} kept, log-spaced: move back to look at the run then` +
              (live ? ' (a graph edit starts them afresh: the steps before it are another network)' : '')
            : `looking back at step ${lookingAt.toLocaleString('en')}: Play or Step trains on from here (the run after it is dropped)`
        }
      />
    </div>
  );
}
