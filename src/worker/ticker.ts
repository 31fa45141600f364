/**
 * Runs the next tick of play after a delay. A zero delay goes through a MessageChannel: nested setTimeout(0) is
 * clamped (about 5 ms per tick measured in a worker), which at full speed left a quarter of the time idle.
 * Scheduling again, or cancelling, drops the tick that was waiting.
 */
export function createTicker(run: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    if (e.data === generation) run();
  };
  // In Node (tests) an open port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    generation++;
  };
  return {
    schedule(delay: number): void {
      cancel();
      if (delay > 0) timer = setTimeout(run, delay);
      else channel.port2.postMessage(generation);
    },
    cancel,
  };
}
