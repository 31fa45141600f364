/** The real engine runner on the cpu backend (Node), for tests: what it posts, and a wait for a condition on it. */
import type { FromEngine } from '../../protocol';
import { EngineRunner, type MakeSession } from '../runner';

export function cpuRunner({
  autoAck = false,
  makeSession,
}: { autoAck?: boolean; makeSession?: MakeSession } = {}) {
  const posted: FromEngine[] = [];
  let wake: (() => void) | undefined;
  const runner: EngineRunner = new EngineRunner(
    (m) => {
      posted.push(m);
      // A page that has drawn each frame at once.
      if (autoAck && m.type === 'frame') runner.handle({ type: 'frameAck' });
      wake?.();
    },
    async () => ({ backend: 'cpu', adapter: 'none', adapterDescription: 'test', failures: [] }),
    undefined,
    makeSession,
  );
  /** Waits until what was posted satisfies `done`. */
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((r) => (wake = r));
  };
  const frames = () => posted.flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
  return { runner, posted, until, frames };
}
