/**
 * One neuron's output over the input plane, for the big plane while the neuron is hovered in the graph (as the
 * TensorFlow Playground does): an input is a fixed function of the plane, drawn here; a neuron's map comes from
 * the frames' neuronMaps. Pure: the graph says which neuron, the Output panel paints what this returns.
 */
import { FEATURE_FUNCTIONS, gridCoords, type Feature } from '../../experiment';
import type { NeuronFocus } from '../../state/store';

export type { NeuronFocus };

/** A map to paint: `shown` on the -1..1 diverging scale, `raw` the values themselves (for the read-out). */
export interface NeuronPlane {
  id: string;
  res: number;
  shown: Float32Array;
  raw: Float32Array;
}

/** Resolution of an input's map (a smooth function: the thumbnails' 24 would look blocky in the big plane). */
export const INPUT_MAP_RES = 50;

/** Whether an input has a map over the plane (the 2-D tasks' features; not a table's column or a window step). */
export const hasInputMap = (feature: string | undefined): feature is Feature =>
  feature !== undefined && feature in FEATURE_FUNCTIONS;

/**
 * An input feature over a res x res grid of the plane (row 0 at the top), scaled into about -1..1 as its
 * thumbnail is: x1, x2, sin and products over 6, squares over 18.
 */
export function inputMap(feature: Feature, res: number): { shown: Float32Array; raw: Float32Array } {
  const f = FEATURE_FUNCTIONS[feature];
  const raw = Float32Array.from(gridCoords(res), ([a, b]) => f(a, b));
  const scale = feature.includes('^2') ? 18 : 6;
  return { raw, shown: raw.map((v) => v / scale) };
}

/**
 * The focused neuron's plane: an input's from its feature, a layer neuron's from the last neuron maps (res > 0),
 * or undefined when there is none to show (an input that is no function of the plane, maps not come yet).
 */
export function neuronPlane(
  focus: NeuronFocus,
  maps: { values: Float32Array; res: number } | undefined,
): NeuronPlane | undefined {
  if (focus.mapIndex < 0) {
    if (!hasInputMap(focus.feature)) return undefined;
    return { id: focus.id, res: INPUT_MAP_RES, ...inputMap(focus.feature, INPUT_MAP_RES) };
  }
  if (!maps || maps.res <= 0) return undefined;
  const cells = maps.res * maps.res;
  if ((focus.mapIndex + 1) * cells > maps.values.length) return undefined;
  const raw = maps.values.slice(focus.mapIndex * cells, (focus.mapIndex + 1) * cells);
  const shown = focus.output ? raw.map((v) => Math.tanh(v / 2)) : raw;
  return { id: focus.id, res: maps.res, shown, raw };
}
