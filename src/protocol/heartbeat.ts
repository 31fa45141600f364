/**
 * The heartbeat: the page pings the engine every second or so and the worker answers at once, outside the queue
 * of work (src/worker/heartbeat.ts). A worker busy with one long item, closed, or terminated does not answer;
 * the page notices (src/state/heartbeat.ts). Both are part of the worker protocol (messages.ts).
 */
export interface Ping {
  type: 'ping';
  seq: number;
}

export interface Pong {
  type: 'pong';
  seq: number;
}
