/** A comparison driver for tests whose queued work runs in order, as the runner's chain runs it. */
import type { FromEngine } from '../../protocol';
import { ComparisonDriver } from '../comparisonDriver';

export function testDriver() {
  const posted: FromEngine[] = [];
  let chain = Promise.resolve();
  const d = new ComparisonDriver(
    // Copied, as postMessage copies: the driver's runs grow in place.
    (m) => void posted.push(structuredClone(m)),
    (work) => void (chain = chain.then(work)),
  );
  const reports = () => posted.flatMap((m) => (m.type === 'comparison' ? [m.progress] : []));
  /** Waits until `done`, then until the queued work is idle. */
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 5));
    await chain;
  };
  return { d, reports, until };
}
