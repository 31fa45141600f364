/**
 * The worker's side of the heartbeat (src/protocol/heartbeat.ts): a ping is answered as soon as the worker's
 * event loop takes it, never queued behind the runner's work, so a missing answer means the thread is stuck in
 * one long item or gone, not merely that work is waiting.
 */
import type { FromEngine, ToEngine } from '../protocol';

/** Answers a ping (and says it did); any other message is the runner's. */
export function answerPing(message: ToEngine, post: (message: FromEngine) => void): boolean {
  if (message.type !== 'ping') return false;
  post({ type: 'pong', seq: message.seq });
  return true;
}
