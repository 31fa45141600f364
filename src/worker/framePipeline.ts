/**
 * Double-buffered frames: while playing with a session that trains on the GPU without reading anything back (the
 * WGSL kernels), a tick starts its frame's read-back and then checks and sends the frame of the tick before, so the
 * GPU runs this tick's steps while the worker handles the last frame. Frames still go out in order, one per tick;
 * any other message first takes the frame in flight, and a divergence drops it (its weights are the broken ones).
 */
/** Play's frames are double-buffered for sessions that train without reading back (the WGSL kernels). */
export const defersFrames = (session: object | undefined, always?: boolean): boolean =>
  always ?? (!!session && 'trainingPath' in session && session.trainingPath === 'wgsl');

export class FramePipeline<F> {
  private inFlight?: Promise<F>;

  /** Holds `next` back; hands out the frame that was in flight before it, if any. */
  async swap(next: Promise<F>): Promise<F | undefined> {
    const previous = this.inFlight;
    // Handled now, thrown when taken: a read-back failing while it waits is no unhandled rejection.
    next.catch(() => undefined);
    this.inFlight = next;
    return previous && (await previous);
  }

  /** The frame in flight, if any; then none is. */
  async take(): Promise<F | undefined> {
    const frame = this.inFlight;
    this.inFlight = undefined;
    return frame && (await frame);
  }

  /** Forgets the frame in flight (a failure of its read-back goes unreported: it is no longer wanted). */
  drop(): void {
    this.inFlight = undefined;
  }
}
