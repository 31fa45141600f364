/**
 * What the plane shows of a network's output, by its head: P(class 1) for two classes, the most probable of K
 * classes, or the predicted value of a numeric target. Pure: the heatmap paints with it, the hover reads it.
 */
import type { OutputHead } from '../../experiment';
import type { Layout } from '../../protocol';
import { argmaxClass, centreIn, classColor, targetRange } from '../kit/classColors';
import { divergingCss, NEGATIVE, POSITIVE } from '../kit/colors';
import { planeCell } from './plane';

/** How the plane is coloured: the head, the classes' names, and a numeric target's range (regression). */
export interface PlaneColouring {
  head: OutputHead;
  classes: readonly string[] | null;
  range: [number, number];
}

export const BINARY_COLOURING: PlaneColouring = { head: { kind: 'binary' }, classes: null, range: [0, 1] };

/** A loaded experiment's colouring: its head and classes, and its target's range over all its points. */
export const colouringOf = (layout: Pick<Layout, 'head' | 'classes' | 'train' | 'test'>): PlaneColouring => ({
  head: layout.head,
  classes: layout.classes,
  range: layout.head.kind === 'regression' ? targetRange(layout.train, layout.test) : [0, 1],
});

/** Values per cell of a heatmap: K for softmax, else one. */
export const valuesPerCell = (head: OutputHead) => (head.kind === 'classes' ? head.k : 1);

/** The name of class c ("class c" when the data names none). */
export const className = (classes: readonly string[] | null, c: number) => classes?.[c] ?? `class ${c}`;

/** A data point's colour by its label: its class, or its target on the value scale. */
export function pointColor(label: number, colouring: PlaneColouring): string {
  switch (colouring.head.kind) {
    case 'binary':
      return label === 1 ? POSITIVE : NEGATIVE;
    case 'classes':
      return classColor(label);
    case 'regression':
      return divergingCss(centreIn(colouring.range, label));
  }
}

/** The two classes of the 2-D tasks are named by colour, as the TensorFlow Playground does. */
const isUnnamed = (classes: readonly string[] | null) =>
  classes === null || (classes[0] === '0' && classes[1] === '1');

/** The output at a point of the plane, in words, from a heatmap of `res` x `res` cells. */
export function readOutput(
  values: Float32Array,
  res: number,
  colouring: PlaneColouring,
  x1: number,
  x2: number,
): string | undefined {
  const per = valuesPerCell(colouring.head);
  if (res <= 0 || values.length < res * res * per) return undefined;
  const cell = planeCell(x1, x2, res);
  switch (colouring.head.kind) {
    case 'binary': {
      const name = isUnnamed(colouring.classes) ? 'blue' : className(colouring.classes, 1);
      return `P(${name}) = ${values[cell].toFixed(3)}`;
    }
    case 'classes': {
      const [c, p] = argmaxClass(values, per, cell);
      return `${className(colouring.classes, c)}, P = ${p.toFixed(3)}`;
    }
    case 'regression':
      return `predicted ${values[cell].toPrecision(4)}`;
  }
}
