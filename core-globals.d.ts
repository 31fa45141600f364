/**
 * The only platform globals the DOM-free layers (experiment, protocol, engine) use. Browsers, workers and Node
 * all have them; tsconfig.core.json declares just these instead of a whole platform library.
 */
declare function structuredClone<T>(value: T): T;

declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
}

/** SHA-256 of the user's data (experiment/data/hash.ts): Web Crypto, in browsers, workers and Node 20. */
declare const crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
declare class TextEncoder {
  encode(input: string): Uint8Array;
}

/** A frame's long work in slices (engine/core/nextTask.ts): its clock, and the next event-loop task in a worker. */
declare const performance: { now(): number };
declare class MessageChannel {
  port1: { onmessage: ((event: unknown) => void) | null };
  port2: { postMessage(message: unknown): void };
}
