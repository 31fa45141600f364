/** Wormhole: how many sweeps each point of the input plane needed to converge (easy inputs: 1-2). */
import * as d3 from 'd3';

export function paintIterations(
  canvas: HTMLCanvasElement,
  iterations: Float32Array,
  res: number,
  maxIter: number,
) {
  const color = d3.scaleSequential(d3.interpolateYlOrRd).domain([1, Math.max(2, maxIter)]);
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
}
