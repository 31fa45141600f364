/**
 * The only platform globals the DOM-free layers (experiment, protocol, engine) use. Browsers, workers and Node
 * all have them; tsconfig.core.json declares just these instead of a whole platform library.
 */
declare function structuredClone<T>(value: T): T;

declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
}
