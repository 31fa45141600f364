/** How a change of the spec reaches the engine: a new session, one that keeps the weights, or none. */
import { isDataTask, type ExperimentSpec } from '../experiment';

/** The view options the engine computes with: the plane of a data task (its grid rows depend on it). */
const enginePlane = (s: ExperimentSpec) =>
  isDataTask(s.task.kind) ? [s.view.plane, s.view.planeX, s.view.planeY] : null;

/** Which spec changes need a new session; speed and view options do not, but a data task's plane does. */
export function needsReload(a: ExperimentSpec, b: ExperimentSpec): boolean {
  const strip = (s: ExperimentSpec) =>
    JSON.stringify({ ...s, speed: 0, view: enginePlane(s), live: { ...s.live, positions: null } });
  return strip(a) !== strip(b);
}

/** Only the plane of a data task changed: the session is rebuilt with the weights and the step it had. */
export function onlyPlaneChanged(a: ExperimentSpec, b: ExperimentSpec): boolean {
  const strip = (s: ExperimentSpec) => JSON.stringify({ ...s, speed: 0, view: null });
  return strip(a) === strip(b) && JSON.stringify(enginePlane(a)) !== JSON.stringify(enginePlane(b));
}

/** Adding or removing a wormhole keeps what the network learned; other changes start over. */
export function onlyWormholesChanged(a: ExperimentSpec, b: ExperimentSpec): boolean {
  const strip = (s: ExperimentSpec) => JSON.stringify({ ...s, wormhole: { ...s.wormhole, wormholes: [] } });
  return strip(a) === strip(b);
}
