/** How a change of the spec reaches the engine: a new session, one that keeps the weights, or none. */
import type { ExperimentSpec } from '../experiment';

/** Which spec changes need a new session; speed and view options do not. */
export function needsReload(a: ExperimentSpec, b: ExperimentSpec): boolean {
  const strip = (s: ExperimentSpec) =>
    JSON.stringify({ ...s, speed: 0, view: null, live: { ...s.live, positions: null } });
  return strip(a) !== strip(b);
}

/** Adding or removing a wormhole keeps what the network learned; other changes start over. */
export function onlyWormholesChanged(a: ExperimentSpec, b: ExperimentSpec): boolean {
  const strip = (s: ExperimentSpec) => JSON.stringify({ ...s, wormhole: { ...s.wormhole, wormholes: [] } });
  return strip(a) === strip(b);
}
