/**
 * Records keyed by user-chosen names (neuron ids): `constructor` or `toString` is a name like any other. A read
 * goes through `own`, never `record[name]` (which would find Object.prototype's member), and validation builds
 * them without a prototype. A clone (structuredClone, postMessage) gives them Object.prototype back: `own` still
 * reads them right.
 */

/** The value the record holds under `name` itself, or undefined; never one inherited from a prototype. */
export const own = <T>(record: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.hasOwn(record, name) ? record[name] : undefined;

/** A record without a prototype, from [name, value] pairs (`__proto__` too is an own key). */
export function nameRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [name, value] of entries)
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  return record;
}
