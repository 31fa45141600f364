/** What the log and the alerts say of each event the engine reports, of the backend it runs on and of a load. */
import { ARCHITECTURE_SLICES, type ExperimentSpec } from '../experiment';
import type { EngineEvent, FromEngine, Layout } from '../protocol';
import { describeMeasuredChoice } from './backendRates';

/** The backend line: where the engine runs, and with "auto" what it measured. */
export function readyLine(message: Extract<FromEngine, { type: 'ready' }>): string {
  const measured = message.rates ? `; ${describeMeasuredChoice(message.backend, message.rates)}` : '';
  return `engine running on ${message.backend} (WebGPU adapter: ${message.adapter})${measured}`;
}

/** The load line: what runs (its shape and architecture), on which task, from which seed. */
export function loadedLine({ inputs, layerWidths, arch }: Layout, spec: ExperimentSpec): string {
  const shape = [inputs.length, ...layerWidths].join('-');
  return `loaded a ${shape} ${ARCHITECTURE_SLICES[arch.kind].name} on the ${taskName(spec)} (seed ${spec.seed})`;
}

/** What Restart engine will do: go on from the last good step's weights, or start afresh with the settings. */
export function restartOffer(step: number | undefined): string {
  return step === undefined
    ? 'Your settings are kept.'
    : `Restart engine goes on from step ${step} with the weights of then, and keeps the history.`;
}

/** The engine answered nothing for `ms`. */
export function silentText(ms: number, step: number | undefined): string {
  return (
    `The engine stopped answering (nothing for ${Math.round(ms / 1000)} s): it is stuck in a computation ` +
    `or has closed. ${restartOffer(step)}`
  );
}

/** The task as the log names it: Dynamic-Live runs its own reward task (on the Data task's points for '2d'). */
function taskName(spec: ExperimentSpec): string {
  if (spec.architecture !== 'live') return `${spec.task.kind} task`;
  return spec.live.task === '2d' ? `2-D reward task on ${spec.task.kind}` : `${spec.live.task} reward task`;
}

export function describeEvent(event: EngineEvent): string {
  switch (event.kind) {
    case 'diverged':
      return (
        `Training diverged at step ${event.step}: the loss became NaN or infinite. Training is paused and the ` +
        `weights of step ${event.restoredStep} are back. Try a lower learning rate, then press Play.`
      );
    case 'backend-fallback':
      return `The ${event.wanted} backend could not start (${event.reason}); using the next one.`;
    case 'rewire':
      return `${event.change === 'connect' ? 'connected' : 'disconnected'} ${event.source} → ${event.neuron} (reward ${event.reward.toFixed(3)})`;
    case 'rewires-elided': {
      const n = event.connects + event.disconnects;
      return (
        `${n} more rewiring${n === 1 ? '' : 's'} (${event.connects} connected, ${event.disconnects} disconnected) ` +
        `in steps ${event.fromStep}-${event.step}, counted rather than listed`
      );
    }
    case 'solves-elided': {
      const { forward: f, adjoint: a } = event;
      const n = f.maxIter + f.diverged + a.maxIter + a.diverged;
      const part = (c: { maxIter: number; diverged: number }, what: string) =>
        `${c.maxIter + c.diverged} ${what} (${c.maxIter} hit maxIter, ${c.diverged} diverged)`;
      return (
        `${n} more training solve${n === 1 ? '' : 's'} did not converge in steps ${event.fromStep}-${event.step}: ` +
        `${part(f, 'forward')}, ${part(a, 'adjoint')}; counted rather than listed`
      );
    }
    case 'reward':
      return `you gave reward ${event.reward > 0 ? '+' : ''}${event.reward}`;
    case 'solve': {
      const what =
        event.solve === 'forward'
          ? `the fixed-point solve of training step ${event.step}`
          : `the adjoint solve (implicit gradient) of training step ${event.step}`;
      const unit = event.solve === 'forward' ? 'sweeps' : 'iterations';
      return (
        `${what} ${event.stop === 'diverged' ? 'diverged' : 'hit maxIter'} after ${event.iterations} ${unit}` +
        (event.paused ? ': training paused (raise maxIter or tol, or switch the solver)' : '')
      );
    }
  }
}
