/** The layout message of a loaded session: the common shape, and the architecture's own part. */
import type { Session } from '../engine';
import type { Layout } from '../protocol';

const pointsOf = (points: Session['dataset']['train']) =>
  Float32Array.from(points.flatMap((p) => [p.x1, p.x2, p.label]));

export function layoutOf(session: Session): Layout {
  return {
    inputs: session.inputNames,
    layerWidths: session.layerWidths,
    weights: session.weightLayout,
    train: pointsOf(session.dataset.train),
    test: pointsOf(session.dataset.test),
    arch: session.archLayout(),
  };
}
