/**
 * The TensorFlow Playground's way of training, run inside a Chromium page (bundled by bench/sideBySide.ts), as
 * its playground.ts does it: d3.timer calls oneStep once per animation frame: one epoch (per sample forward and
 * back, an update every batchSize samples), the train and test loss, then updateUI: every link's SVG style
 * (width and colour scales), every unit's output on the 100x100 boundary grid, the output's heatmap painted
 * pixel by pixel through the quantized d3 colour scale, and every unit's 10x10 thumbnail (reduceMatrix). The
 * arithmetic is the scalar reference's (bench/scalarMlp.ts: flat Float64Arrays, faster than the Playground's
 * node and link objects) and its loss chart is left out, so these epochs/s are an upper bound on the
 * Playground's own in the same browser.
 */
import { range, rgb, scaleLinear, scaleQuantize } from 'd3';
import { boundary, createScalarMlp, evaluate, trainEpoch, type ScalarMlp } from './scalarMlp';

export interface PageWorkload {
  sizes: number[];
  train: { x: number[]; y: number[] };
  test: { x: number[]; y: number[] };
  batchSize: number;
  learningRate: number;
}

const DENSITY = 100;
/** Thumbnails are the boundary reduced 10 times (playground.ts updateUI: reduceMatrix(boundary, 10)). */
const THUMB = 10;
const SVG = 'http://www.w3.org/2000/svg';

// The Playground's scales (playground.ts and heatmap.ts, NUM_SHADES = 30).
const linkWidth = scaleLinear().domain([0, 5]).range([1, 10]).clamp(true);
const linkColour = scaleLinear<string>()
  .domain([-1, 0, 1])
  .range(['#f59322', '#e8eaeb', '#0877bd'])
  .clamp(true);
const shades = scaleLinear<string>().domain([0, 0.5, 1]).range(['#f59322', '#e8eaeb', '#0877bd']).clamp(true);
const heatColour = scaleQuantize<string>()
  .domain([-1, 1])
  .range(range(0, 1 + 1e-9, 1 / 30).map((a) => shades(a)));

/** heatmap.ts updateBackground: a canvas of n x n, each pixel through the colour scale and d3.rgb. */
function heatmap(n: number) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = n;
  document.body.appendChild(canvas);
  const context = canvas.getContext('2d')!;
  return (value: (x: number, y: number) => number) => {
    const image = context.createImageData(n, n);
    for (let y = 0, p = -1; y < n; ++y)
      for (let x = 0; x < n; ++x) {
        const c = rgb(heatColour(value(x, y)));
        image.data[++p] = c.r;
        image.data[++p] = c.g;
        image.data[++p] = c.b;
        image.data[++p] = 160;
      }
    context.putImageData(image, 0, 0);
  };
}

/** One SVG path per link, restyled every frame as updateWeightsUI does. */
function links(net: ScalarMlp) {
  const svg = document.createElementNS(SVG, 'svg');
  document.body.appendChild(svg);
  const paths = net.w.map((w) =>
    Array.from(w, () => svg.appendChild(document.createElementNS(SVG, 'path')) as SVGPathElement),
  );
  return (iter: number) =>
    net.w.forEach((w, l) =>
      w.forEach((weight, k) => {
        const style = paths[l][k].style;
        style.strokeDashoffset = String(-iter / 3);
        style.strokeWidth = String(linkWidth(Math.abs(weight)));
        style.stroke = linkColour(weight);
      }),
    );
}

/** Trains for `ms` after a warm-up of `warmupMs`, one epoch per animation frame; returns epochs/s and accuracy. */
export function runPlaygroundInPage(
  w: PageWorkload,
  warmupMs: number,
  ms: number,
): Promise<{ epochsPerSecond: number; epochs: number; testAccuracy: number }> {
  const data = (d: { x: number[]; y: number[] }) => ({
    x: Float64Array.from(d.x),
    y: Float64Array.from(d.y),
  });
  const train = data(w.train);
  const test = data(w.test);
  const net = createScalarMlp(w.sizes, 1);
  const units = w.sizes.slice(1).reduce((s, v) => s + v, 0);
  const grid = new Float64Array(DENSITY * DENSITY * units);
  const main = heatmap(DENSITY);
  const thumbs = Array.from({ length: units }, () => heatmap(THUMB));
  const restyle = links(net);
  const f = DENSITY / THUMB;
  /** boundary() writes point (i, j) = (x index, y index) as grid[(i * DENSITY + j) * units + unit]. */
  const at = (unit: number, i: number, j: number) => grid[(i * DENSITY + j) * units + unit];
  const reduced = (unit: number, x: number, y: number) => {
    let sum = 0;
    for (let k = 0; k < f; k++) for (let l = 0; l < f; l++) sum += at(unit, x * f + k, y * f + l);
    return sum / (f * f);
  };
  let iter = 0;
  return new Promise((resolve) => {
    const start = performance.now();
    let measuredFrom = -1;
    let epochs = 0;
    const frame = () => {
      iter++;
      trainEpoch(net, train, w.batchSize, w.learningRate);
      evaluate(net, train);
      evaluate(net, test);
      restyle(iter);
      boundary(net, DENSITY, grid);
      main((x, y) => at(units - 1, x, y));
      thumbs.forEach((paint, unit) => paint((x, y) => reduced(unit, x, y)));
      const now = performance.now();
      if (measuredFrom < 0 && now - start >= warmupMs) measuredFrom = now;
      else if (measuredFrom >= 0) epochs++;
      if (measuredFrom >= 0 && now - measuredFrom >= ms) {
        document.body.replaceChildren();
        resolve({
          epochsPerSecond: (epochs * 1000) / (now - measuredFrom),
          epochs,
          testAccuracy: evaluate(net, test).accuracy,
        });
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

(window as typeof window & { __playground?: typeof runPlaygroundInPage }).__playground = runPlaygroundInPage;
