/** What the UI needs to draw a loaded experiment: the common shape, plus each architecture's own (ArchLayout). */
import type { Architecture, DianSpec, LiveSpec, OutputHead, Wormhole } from '../experiment';

export type ArchLayout =
  | { kind: 'mlp' }
  /** DIAN: where the extra path reads from. */
  | { kind: 'dian'; source: DianSpec['source'] }
  /** Live: the graph as it runs, and the update mode in use ("auto" resolved). */
  | ({ kind: 'live'; update: 'recursive' | 'accumulate' } & Pick<
      LiveSpec,
      'layers' | 'sources' | 'positions'
    >)
  /** Wormhole: its backward connections. */
  | { kind: 'wormhole'; wormholes: Wormhole[] };

export type ArchLayoutOf<K extends Architecture> = Extract<ArchLayout, { kind: K }>;

export interface WeightShape {
  name: string;
  shape: number[];
}

/**
 * What the plane (heatmap, points) shows: its axes' names — x1 and x2 for the 2-D tasks; two of a table's inputs
 * (the others held at their mean), or 'PC1' / 'PC2' — the note to show on it, and the range of each axis: the
 * heatmap's grid covers exactly `extent` (res x res cell centres, row 0 at the top, as for [-6, 6]^2 before), and
 * the points' (x1, x2) are coordinates on these axes.
 */
export interface PlaneLayout {
  x: string;
  y: string;
  note?: string;
  extent: { x: [number, number]; y: [number, number] };
}

export interface Layout {
  /** Names of the network's inputs: 2-D features, sequence positions, a table's columns, or Live input neurons. */
  inputs: string[];
  /** The output head: binary for the 2-D and sequence tasks (and Live), K classes or regression for data tables. */
  head: OutputHead;
  /** Class names by index; ['0', '1'] for the generated tasks; null for a numeric target. */
  classes: string[] | null;
  plane: PlaneLayout;
  /** Image data (digits): the test rows' pixels, row-major, width x height each, in the order of `test`. */
  images?: { width: number; height: number; test: Float32Array };
  /** Widths of the layers after the input: hidden layers, then the output. */
  layerWidths: number[];
  weights: WeightShape[];
  /** Points as [x1, x2, label] triples: label 0/1, the class index, or the target; (x1, x2) on the plane's axes. */
  train: Float32Array;
  test: Float32Array;
  arch: ArchLayout;
}
