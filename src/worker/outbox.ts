/**
 * What the engine sends the page: frames latest-wins (while the page has not drawn the last one, a newer frame
 * replaces the one waiting), and the events that can come by the thousand (Live's rewirings, the Wormhole's solves
 * that did not pause training) held back and coalesced until the next frame or message (rewires.ts).
 */
import { frameBuffers, type EngineEvent, type Frame, type FromEngine } from '../protocol';
import { createRewireCoalescer, createSolveCoalescer } from './rewires';

export type Post = (message: FromEngine, transfer?: Transferable[]) => void;

export class Outbox {
  private uiReady = true;
  private pendingFrame?: Frame;
  private rewires = createRewireCoalescer();
  private solves = createSolveCoalescer();

  constructor(readonly post: Post) {}

  /** Whether the page has drawn the last frame sent (a frame made now goes out at once). */
  get ready(): boolean {
    return this.uiReady;
  }

  /** Holds an event for the next frame when it is of a kind that comes by the thousand; false for any other. */
  hold(event: EngineEvent): boolean {
    if (event.kind === 'rewire') this.rewires.add(event);
    else if (event.kind === 'solve' && !event.paused) this.solves.add(event);
    else return false;
    return true;
  }

  /** The events held for a frame (the latest few of each kind, a count of the rest); none are held after. */
  takeHeld(): EngineEvent[] {
    return [...this.rewires.flush(), ...this.solves.flush()];
  }

  /** Sends `events`, after the held ones (which happened before them). */
  events(events: EngineEvent[]): void {
    const all = [...this.takeHeld(), ...events];
    if (all.length > 0) this.post({ type: 'events', events: all });
  }

  /** Sends the frame now, or keeps it (replacing any kept before) until the page has drawn the last one. */
  frame(frame: Frame): void {
    if (!this.uiReady) {
      this.pendingFrame = frame;
      return;
    }
    this.uiReady = false;
    this.pendingFrame = undefined;
    this.events([]);
    this.post({ type: 'frame', frame }, frameBuffers(frame));
  }

  /** Forgets the frame kept for the page (it belongs to an experiment no longer running). */
  dropHeldFrame(): void {
    this.pendingFrame = undefined;
  }

  /** The page drew the last frame: the one kept, if any, goes out. False when none was kept. */
  ack(): boolean {
    this.uiReady = true;
    const frame = this.pendingFrame;
    if (frame) this.frame(frame);
    return !!frame;
  }
}
