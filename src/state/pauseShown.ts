/**
 * Pause on the page: the controls turn to Play with the engine's answer (the step training stopped at), in one
 * render, rather than drawing the click first: at full speed that render was one the answer then waited behind
 * (issue 10). An engine that does not answer within SHOW_PAUSED_MS is shown paused anyway.
 */
export const SHOW_PAUSED_MS = 100;

export function createPauseShown(show: () => void) {
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(waiting);
    waiting = undefined;
  };
  return {
    /** Pause was asked: shown with its answer, or after SHOW_PAUSED_MS. */
    asked(): void {
      waiting ??= setTimeout(answered, SHOW_PAUSED_MS);
    },
    /** Whether a Pause waits for its answer. */
    get waiting(): boolean {
      return waiting !== undefined;
    },
    answered,
    /** Play came first (or the engine went): nothing to show. */
    cancel: stop,
  };
  function answered(): void {
    stop();
    show();
  }
}
