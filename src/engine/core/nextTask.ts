/**
 * Waits for the next task of the event loop, not a microtask: a message that came in the meantime (Pause) is
 * handled before the work goes on. A MessageChannel in a worker (setTimeout(0) is clamped there, ~5 ms measured),
 * setImmediate in Node (tests).
 */
type Resolve = () => void;

let post: ((resolve: Resolve) => void) | undefined;

function poster(): (resolve: Resolve) => void {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  if (immediate) return (resolve) => void immediate(resolve);
  const waiting: Resolve[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  // In Node (tests) an open port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  };
}

export const nextTask = (): Promise<void> => new Promise<void>((resolve) => (post ??= poster())(resolve));

/** Long work in slices: `due()` is true once `sliceMs` have passed since the last yield (then await nextTask). */
export function slicer(sliceMs: number, now: () => number = () => performance.now()) {
  let since = now();
  return {
    async yieldIfDue(): Promise<void> {
      if (now() - since < sliceMs) return;
      await nextTask();
      since = now();
    },
  };
}
