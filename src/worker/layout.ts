/** The layout message of a loaded session: the common shape, and the architecture's own part. */
import type { Session } from '../engine';
import type { Layout } from '../protocol';
import { PLANE_EXTENT } from '../engine/core/plane';

const pointsOf = (points: Session['dataset']['train']) =>
  Float32Array.from(points.flatMap((p) => [p.x1, p.x2, p.label]));

/** The data's head, classes, plane and images; Live has the 2-D tasks' (it takes no data table). */
function dataOf(session: Session): Pick<Layout, 'head' | 'classes' | 'plane' | 'images'> {
  if (session.kind === 'live')
    return {
      head: { kind: 'binary' },
      classes: ['0', '1'],
      plane: { x: 'x1', y: 'x2', extent: PLANE_EXTENT },
    };
  const { head, classes, planeAxes, images } = session.data;
  return {
    head,
    classes,
    plane: planeAxes,
    ...(images ? { images: { ...images, test: images.test.slice() } } : {}),
  };
}

export function layoutOf(session: Session): Layout {
  return {
    inputs: session.inputNames,
    ...dataOf(session),
    layerWidths: session.layerWidths,
    weights: session.weightLayout,
    train: pointsOf(session.dataset.train),
    test: pointsOf(session.dataset.test),
    arch: session.archLayout(),
  };
}
