/** What the UI needs to draw a loaded experiment: the common shape, plus each architecture's own (ArchLayout). */
import type { Architecture, DianSpec, LiveSpec, Wormhole } from '../experiment';

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

export interface Layout {
  /** Names of the network's inputs: 2-D features, sequence positions, or Live input neurons. */
  inputs: string[];
  /** Widths of the layers after the input: hidden layers, then the output. */
  layerWidths: number[];
  weights: WeightShape[];
  /** Points as [x1, x2, label] triples. */
  train: Float32Array;
  test: Float32Array;
  arch: ArchLayout;
}
