import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../experiment';
import {
  covariance,
  featureMeans,
  gridOver,
  planeCoordinates,
  planeFor,
  planeRows,
  topEigenvectors,
} from './plane';

const view = defaultSpec().view;
const close = (got: ArrayLike<number>, want: number[], digits = 9) =>
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, digits));

describe('the plane of a data task', () => {
  it('finds the principal axes of a hand-made 2-D set: (1, 1)/sqrt 2 with variance 4, then (1, -1)/sqrt 2', () => {
    // Rows (2, 2), (-2, -2), (1, -1), (-1, 1): mean 0, covariance [[2.5, 1.5], [1.5, 2.5]] (divided by n = 4).
    const x = Float32Array.from([2, 2, -2, -2, 1, -1, -1, 1]);
    const means = featureMeans(x, 2);
    close(means, [0, 0]);
    close(covariance(x, 2, means), [2.5, 1.5, 1.5, 2.5]);
    const [pc1, pc2] = topEigenvectors(covariance(x, 2, means), 2, 2);
    close(pc1, [Math.SQRT1_2, Math.SQRT1_2]);
    close(pc2, [Math.SQRT1_2, -Math.SQRT1_2]);
    const plane = planeFor(['a', 'b'], x, x, { ...view, plane: 'pca' });
    expect(plane.axes).toEqual(['PC1', 'PC2']);
    close(planeCoordinates(plane, x), [2 * Math.SQRT2, 0, -2 * Math.SQRT2, 0, 0, Math.SQRT2, 0, -Math.SQRT2]);
  });

  it('finds the top two eigenvectors of a 3-D covariance: e3 (5), then (1, 1, 0)/sqrt 2 (3), not (1, -1, 0) (1)', () => {
    const c = Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]);
    const [pc1, pc2] = topEigenvectors(c, 3, 2);
    close(pc1, [0, 0, 1]);
    close(pc2, [Math.SQRT1_2, Math.SQRT1_2, 0]);
  });

  it('maps PCA grid points back to inputs by mean + grid . components', () => {
    // Rows along (1, 1, 0) about the mean (1, 2, 3), with a little spread along (0, 0, 1).
    const x = Float32Array.from([3, 4, 3, -1, 0, 3, 1, 2, 3.5, 1, 2, 2.5]);
    const plane = planeFor(['a', 'b', 'c'], x, x, { ...view, plane: 'pca' });
    close(plane.origin, [1, 2, 3], 6);
    close(plane.u, [Math.SQRT1_2, Math.SQRT1_2, 0], 6);
    close(plane.v, [0, 0, 1], 6);
    close(planeRows(plane, [[Math.SQRT2, 0.5]]), [2, 3, 3.5], 5);
  });

  it('shows two chosen inputs with the others held at their training mean, said in the note', () => {
    const train = Float32Array.from([0, 10, 4, 2, 20, 6]); // means 1, 15, 5
    const plane = planeFor(['a', 'b', 'c'], train, train, { ...view, planeX: 2, planeY: 0 });
    expect(plane.axes).toEqual(['c', 'a']);
    expect(plane.note).toBe('the other inputs held at their mean');
    close(planeRows(plane, [[7, -3]]), [-3, 15, 7]);
    close(planeCoordinates(plane, train), [4, 0, 6, 2]);
    // The extent: the coordinates' range (x 4..6, y 0..2), padded by 5%.
    close(plane.extent.x, [3.9, 6.1]);
    close(plane.extent.y, [-0.1, 2.1]);
  });

  it('falls back to the first two inputs when the chosen ones do not exist or coincide', () => {
    const x = Float32Array.from([0, 1, 2, 3]);
    expect(planeFor(['a', 'b'], x, x, { ...view, planeX: 9, planeY: 9 }).axes).toEqual(['a', 'b']);
    expect(planeFor(['a', 'b'], x, x, { ...view, planeX: 1, planeY: 1 }).axes).toEqual(['b', 'a']);
  });

  it('lays a grid of cell centres over the extent, row 0 at the top', () => {
    expect(gridOver(2, { x: [0, 4], y: [-2, 2] })).toEqual([
      [1, 1],
      [3, 1],
      [1, -1],
      [3, -1],
    ]);
  });
});
