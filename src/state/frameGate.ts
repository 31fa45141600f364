/**
 * Frames from the engine into the page: the latest wins and is drawn once per animation frame, each acknowledged
 * (the engine sends the next only then). After Pause (or a Rewind) the frames the engine sent while still playing
 * are stale: they are acknowledged and not drawn, and the one that answers is drawn as it comes; the step training
 * stopped at ('stopped') reaches the step counter before it.
 */
import type { Frame, ToEngine } from '../protocol';
import type { FrameChannel } from './frames';
import type { createLastGood } from './lastGood';

export type FrameGate = ReturnType<typeof createFrameGate>;

export function createFrameGate(deps: {
  frames: Pick<FrameChannel, 'publishFrame' | 'publishStopped'>;
  requestFrame: (draw: () => void) => void;
  send: (message: ToEngine) => void;
  lastGood: ReturnType<typeof createLastGood>;
}) {
  const { frames, requestFrame, send, lastGood } = deps;
  let pending: Frame | undefined;
  let drawScheduled = false;
  /** The step of the last frame drawn. */
  let step = 0;
  /**
   * Pause was clicked and the engine's paused frame has not come yet: frames it sent while still playing are
   * stale (the paused frame has their steps and more). The step counter then changes once, to where training stopped.
   */
  let pausing = false;

  function draw(): void {
    drawScheduled = false;
    const frame = pending;
    pending = undefined;
    if (!frame) return;
    step = frame.step;
    lastGood.frame(frame);
    try {
      frames.publishFrame(frame);
    } finally {
      // Without the ack the engine would hold every later frame: never skip it.
      send({ type: 'frameAck' });
    }
  }

  /** A frame of the previous experiment must not be drawn on the new one; the engine still needs its ack. */
  function drop(): void {
    if (pending === undefined) return;
    pending = undefined;
    send({ type: 'frameAck' });
  }

  return {
    step: () => step,
    /** Pause (or a Rewind) was asked and its frame has not come yet. */
    isPausing: () => pausing,
    drop,
    receive(frame: Frame): void {
      if (pausing && frame.playing) return void send({ type: 'frameAck' });
      if (pausing) {
        // The frame that answers Pause is drawn as it comes: the page stops within the frame it arrives in.
        pausing = false;
        pending = frame;
        draw();
        // For the bench and DevTools' timeline: when Pause's frame was drawn (bench/sideBySide.ts).
        performance.mark('paused frame drawn');
        return;
      }
      // Latest wins: draw once per animation frame, then tell the engine it may send the next.
      pending = frame;
      if (!drawScheduled) {
        drawScheduled = true;
        requestFrame(draw);
      }
    },
    /** Pause's first answer: the step counter shows where training stopped; the paused frame (same step) follows. */
    stopped(at: number): void {
      if (pausing) frames.publishStopped(at);
    },
    /** Pause or Rewind was asked: a frame from before the click, not drawn yet, would be drawn after it. */
    pausing(): void {
      if (pending?.playing) drop();
      pausing = true;
    },
    /** Play or Step: frames are drawn again as they come. */
    going(): void {
      pausing = false;
    },
    /** A new connection: nothing waits to be drawn. */
    reset(): void {
      pending = undefined;
      drawScheduled = false;
    },
  };
}
