/**
 * The page's side of the heartbeat (src/protocol/heartbeat.ts): a ping every `intervalMs`; when one has waited
 * `timeoutMs` without a pong the engine is silent (stuck in one long item, closed, or terminated) and
 * `onSilent` is called once, until a pong comes back (`onAnswer`). The clock is injected: tests run it by hand.
 */

export interface HeartbeatClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export interface HeartbeatOptions {
  clock: HeartbeatClock;
  ping: (seq: number) => void;
  onSilent: (silentForMs: number) => void;
  onAnswer?: () => void;
  intervalMs?: number;
  timeoutMs?: number;
}

/** How long the engine may not answer before the page says so: well above the work budget's 2 s per item. */
export const HEARTBEAT_TIMEOUT_MS = 10_000;
export const HEARTBEAT_INTERVAL_MS = 1_000;

export type Heartbeat = ReturnType<typeof startHeartbeat>;

export function startHeartbeat({
  clock,
  ping,
  onSilent,
  onAnswer,
  intervalMs = HEARTBEAT_INTERVAL_MS,
  timeoutMs = HEARTBEAT_TIMEOUT_MS,
}: HeartbeatOptions) {
  let seq = 0;
  /** When the oldest ping still unanswered was sent (a page asleep meanwhile does not count: it sent none). */
  let waitingSince: number | undefined;
  let silent = false;
  const stop = clock.every(intervalMs, () => {
    const now = clock.now();
    if (waitingSince !== undefined && now - waitingSince >= timeoutMs && !silent) {
      silent = true;
      onSilent(now - waitingSince);
    }
    waitingSince ??= now;
    ping(++seq);
  });
  return {
    /** A pong: the engine answers (again). */
    answered(): void {
      waitingSince = undefined;
      if (!silent) return;
      silent = false;
      onAnswer?.();
    },
    stop,
  };
}

/** The page's clock. */
export const browserClock: HeartbeatClock = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};
