/** Wormhole: how many sweeps each point of the input plane needed to converge, painted on a canvas. */
import * as d3 from 'd3';
import { INPUT_DOMAIN } from '../../../experiment';
import { drawRing } from '../../views/heatmap';

/** The colour scale's sweeps: the map's own range (at least two values), and whole-number ticks for its legend. */
export function sweepsScale(iterations: ArrayLike<number>): { domain: [number, number]; ticks: number[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < iterations.length; i++) {
    lo = Math.min(lo, iterations[i]);
    hi = Math.max(hi, iterations[i]);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [1, 2];
  hi = Math.max(hi, lo + 1);
  const ticks = d3
    .scaleLinear()
    .domain([lo, hi])
    .ticks(Math.min(6, hi - lo))
    .filter(Number.isInteger);
  return { domain: [lo, hi], ticks };
}

export const sweepsColour = (domain: [number, number]) =>
  d3.scaleSequential(d3.interpolateYlOrRd).domain(domain);

/** A point of the grid ([-6, 6]^2) as a pixel of a canvas of `size` pixels (row 0 at the top). */
export const gridPixel = ([g1, g2]: [number, number], size: number): [number, number] => [
  ((g1 + INPUT_DOMAIN) / (2 * INPUT_DOMAIN)) * size,
  ((INPUT_DOMAIN - g2) / (2 * INPUT_DOMAIN)) * size,
];

export function paintIterations(
  canvas: HTMLCanvasElement,
  iterations: Float32Array,
  res: number,
  domain: [number, number],
  picked?: [number, number],
) {
  const color = sweepsColour(domain);
  const image = new ImageData(res, res);
  iterations.forEach((v, i) => {
    const c = d3.rgb(color(v));
    image.data.set([c.r, c.g, c.b, 255], i * 4);
  });
  const grid = document.createElement('canvas');
  grid.width = res;
  grid.height = res;
  grid.getContext('2d')!.putImageData(image, 0, 0);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(grid, 0, 0, canvas.width, canvas.height);
  if (picked) drawRing(ctx, ...gridPixel(picked, canvas.width));
}
