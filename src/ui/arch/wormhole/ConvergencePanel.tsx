import { useCallback, useEffect, useRef, useState } from 'react';
import type { FixedPointReplay, Frame } from '../../../protocol';
import { createConvergenceView, type ConvergenceView } from './convergence';
import { setText } from '../../kit/domWrites';
import { useFrames } from '../../kit/useFrames';
import { PickSample } from './PickSample';
import { shownSweep } from './shownSweep';

const REPLAY_MS = 250;

const stopText = (r: FixedPointReplay) =>
  r.stop === 'tol' ? 'tol (converged)' : r.stop === 'maxIter' ? 'maxIter (not converged)' : 'diverged';

/**
 * Replays the selected sample's fixed-point solve sweep by sweep (click the output plane, or pick a training point
 * by number, to pick a sample); the sweep shown is shared with the graph (shownSweep.ts).
 * Frames update it through refs, not React renders.
 */
export function ConvergencePanel() {
  const plotRef = useRef<SVGSVGElement>(null);
  const statesRef = useRef<SVGSVGElement>(null);
  const sliderRef = useRef<HTMLInputElement>(null);
  const fields = useRef<Record<string, HTMLElement | null>>({});
  const view = useRef<ConvergenceView>(undefined);
  const replay = useRef<FixedPointReplay>(undefined);
  const timer = useRef<ReturnType<typeof setInterval>>(undefined);
  const sweepShown = useRef(0);
  /** A sweep held by the replay controls: the graph shows it, and frames keep it (until Back to live). */
  const held = useRef(false);
  const [holding, setHolding] = useState(false);

  const show = useCallback((sweep: number) => {
    const r = replay.current;
    if (!r) return;
    const s = Math.max(1, Math.min(sweep, r.iterations));
    sweepShown.current = s;
    view.current?.update(r, s);
    shownSweep.set({ replay: r, sweep: s, onGraph: held.current });
    const residual = (r.residualKind === 'abs' ? r.absResidual : r.relResidual).at(-1)!;
    const set = (key: string, text: string) => fields.current[key] && setText(fields.current[key]!, text);
    set('iterations', String(r.iterations));
    set('residual', residual.toExponential(2));
    set('stop', stopText(r));
    set('sweep', `sweep ${s} of ${r.iterations}`);
    const t = r.training;
    const failed = t !== undefined && (t.forward.stop !== 'tol' || (t.adjoint && t.adjoint.stop !== 'tol'));
    fields.current.training?.classList.toggle('not-converged', failed);
    set(
      'training',
      t
        ? `Last training step: its batch took ${t.forward.iterations} sweeps (${t.forward.stop})` +
            (t.adjoint
              ? `; the adjoint solve ${t.adjoint.iterations} iterations (${t.adjoint.stop}).`
              : '; unrolled gradient.')
        : 'No training step yet.',
    );
    set(
      'sample',
      `Sample (${r.point[0].toFixed(2)}, ${r.point[1].toFixed(2)}): click the output plane or pick a training ` +
        'point below to pick another.',
    );
    fields.current.stop?.classList.toggle('not-converged', r.stop !== 'tol');
    sliderRef.current!.max = String(r.iterations);
    sliderRef.current!.value = String(s);
  }, []);

  useEffect(() => {
    view.current = createConvergenceView(plotRef.current!, statesRef.current!);
    return () => {
      clearInterval(timer.current);
      view.current?.destroy();
      shownSweep.set(undefined);
    };
  }, []);
  useFrames(
    useCallback(
      (frame: Frame) => {
        if (frame.arch.kind !== 'wormhole') return;
        replay.current = frame.arch.fixedPoint;
        const { forward, adjoint } = frame.arch.failures;
        for (const [key, n] of [
          ['forward', forward],
          ['adjoint', adjoint],
        ] as const) {
          const field = fields.current[key];
          if (!field) continue;
          setText(field, String(n));
          field.classList.toggle('not-converged', n > 0);
        }
        if (timer.current === undefined)
          show(held.current ? sweepShown.current : frame.arch.fixedPoint.iterations);
      },
      [show],
    ),
  );

  /** Holds a sweep (the graph shows it) and stops an animation. */
  const hold = (sweep: number) => {
    clearInterval(timer.current);
    timer.current = undefined;
    held.current = true;
    setHolding(true);
    show(sweep);
  };
  const startReplay = () => {
    hold(1);
    let sweep = 1;
    timer.current = setInterval(() => {
      sweep++;
      show(sweep);
      if (sweep >= (replay.current?.iterations ?? 0)) {
        clearInterval(timer.current);
        timer.current = undefined;
      }
    }, REPLAY_MS);
  };
  const backToLive = () => {
    clearInterval(timer.current);
    timer.current = undefined;
    held.current = false;
    setHolding(false);
    show(replay.current?.iterations ?? 1);
  };

  const ref = (key: string) => (el: HTMLElement | null) => void (fields.current[key] = el);
  return (
    <section className="panel convergence" aria-labelledby="convergence-title" data-testid="convergence">
      <h2 id="convergence-title">Convergence of one sample</h2>
      <p className="note" ref={ref('sample')}>
        Waiting for a solve.
      </p>
      <dl className="metrics">
        <dt>Sweeps</dt>
        <dd data-testid="fp-iterations" ref={ref('iterations')}>
          –
        </dd>
        <dt>Final residual</dt>
        <dd data-testid="fp-residual" ref={ref('residual')}>
          –
        </dd>
        <dt>Stopped by</dt>
        <dd data-testid="fp-stop" ref={ref('stop')}>
          –
        </dd>
      </dl>
      <p className="note">
        Training solves that did not converge (maxIter or diverged), since the network was built:
      </p>
      <dl className="metrics">
        <dt>Forward (fixed point)</dt>
        <dd data-testid="fp-failures-forward" ref={ref('forward')}>
          –
        </dd>
        <dt>Adjoint (gradient)</dt>
        <dd data-testid="fp-failures-adjoint" ref={ref('adjoint')}>
          –
        </dd>
      </dl>
      <svg
        ref={plotRef}
        viewBox="0 0 320 130"
        className="residual-plot"
        role="img"
        aria-label="Residual per sweep, log scale, with the tol line"
      />
      <div className="replay-controls">
        <button
          type="button"
          onClick={startReplay}
          title="Replay the selected sample's solve, sweep by sweep"
        >
          Animate sweeps
        </button>
        <button
          type="button"
          aria-label="Previous sweep"
          title="Hold the sweep before: the graph shows the neuron states and gates then"
          onClick={() => hold(sweepShown.current - 1)}
        >
          ◀
        </button>
        <input
          ref={sliderRef}
          type="range"
          aria-label="Sweep"
          title="Show the layer states and residual at this sweep of the solve"
          min={1}
          max={1}
          defaultValue={1}
          onChange={(e) => hold(Number(e.target.value))}
        />
        <button
          type="button"
          aria-label="Next sweep"
          title="Hold the sweep after: the graph shows the neuron states and gates then"
          onClick={() => hold(sweepShown.current + 1)}
        >
          ▶
        </button>
        <span ref={ref('sweep')} data-testid="fp-sweep">
          sweep –
        </span>
        <button
          type="button"
          disabled={!holding}
          title="Let the graph show the latest frame again instead of the held sweep"
          onClick={backToLive}
        >
          Back to live
        </button>
      </div>
      <p className="note">
        {holding
          ? 'The graph shows each neuron’s state and each wormhole’s gate at this sweep.'
          : 'Animate or step the sweeps to watch them on the graph.'}
      </p>
      <PickSample />
      <p className="note" data-testid="fp-training" ref={ref('training')}>
        No training step yet.
      </p>
      <svg
        ref={statesRef}
        viewBox="0 0 320 110"
        className="state-rows"
        role="img"
        aria-label="Layer states at this sweep"
      />
    </section>
  );
}
