/** What the log and the alerts say of each event the engine reports. */
import type { EngineEvent } from '../protocol';

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
