import * as d3 from 'd3';

/** The TensorFlow Playground's palette: orange for negative / class 0, blue for positive / class 1. */
export const NEGATIVE = '#f59322';
export const POSITIVE = '#0877bd';

/** Maps -1..1 (clamped) to orange..light grey..blue. */
export const divergingColor = d3
  .scaleLinear<string>()
  .domain([-1, 0, 1])
  .range([NEGATIVE, '#e8eaeb', POSITIVE])
  .clamp(true);

/** RGB bytes of divergingColor, precomputed for drawing pixels. */
const LUT_SIZE = 256;
const lut = new Uint8ClampedArray(LUT_SIZE * 3);
for (let i = 0; i < LUT_SIZE; i++) {
  const c = d3.rgb(divergingColor((i / (LUT_SIZE - 1)) * 2 - 1));
  lut.set([c.r, c.g, c.b], i * 3);
}

const lutIndex = (v: number) => Math.round(((Math.max(-1, Math.min(1, v)) + 1) / 2) * (LUT_SIZE - 1));
const cssLut = Array.from(
  { length: LUT_SIZE },
  (_, i) => `rgb(${lut[i * 3]},${lut[i * 3 + 1]},${lut[i * 3 + 2]})`,
);

/**
 * divergingColor in 256 steps, as a CSS colour made once: for views written every frame (a value that moves a
 * little keeps its colour string, so the write can be skipped). NaN is grey.
 */
export function divergingCss(v: number): string {
  return Number.isNaN(v) ? '#bbb' : cssLut[lutIndex(v)];
}

/** Paints values (-1..1) of a res x res grid into an ImageData; optionally discretised to the sign. */
export function paintGrid(values: ArrayLike<number>, res: number, discretize = false): ImageData {
  const image = new ImageData(res, res);
  for (let i = 0; i < res * res; i++) {
    let v = values[i];
    if (discretize) v = v >= 0 ? 1 : -1;
    const k = lutIndex(v) * 3;
    image.data[i * 4] = lut[k];
    image.data[i * 4 + 1] = lut[k + 1];
    image.data[i * 4 + 2] = lut[k + 2];
    image.data[i * 4 + 3] = 255;
  }
  return image;
}
