/**
 * Decision-boundary heatmap over the input plane, with the data points on top. Framework-free: React calls
 * the factory from an effect and feeds it frames.
 */
import { INPUT_DOMAIN } from '../../experiment';
import { NEGATIVE, paintGrid, POSITIVE } from '../kit/colors';

export interface HeatmapOptions {
  showTestData: boolean;
  discretize: boolean;
}

export interface HeatmapView {
  update(probabilities: Float32Array, res: number): void;
  setPoints(train: Float32Array, test: Float32Array): void;
  setOptions(options: HeatmapOptions): void;
  /** P(class 1) at a point of the plane, from the last heatmap drawn (for hover read-outs). */
  valueAt(x1: number, x2: number): number | undefined;
  destroy(): void;
}

export function createHeatmap(canvas: HTMLCanvasElement): HeatmapView {
  const ctx = canvas.getContext('2d')!;
  const grid = document.createElement('canvas');
  let points: { train: Float32Array; test: Float32Array } = {
    train: new Float32Array(0),
    test: new Float32Array(0),
  };
  let options: HeatmapOptions = { showTestData: false, discretize: false };
  let last: { values: Float32Array; res: number } | undefined;

  const toPixel = (v: number, size: number) => ((v + INPUT_DOMAIN) / (2 * INPUT_DOMAIN)) * size;

  function drawPoints(data: Float32Array, stroke: string) {
    const { width, height } = canvas;
    ctx.lineWidth = 1;
    ctx.strokeStyle = stroke;
    for (let i = 0; i < data.length; i += 3) {
      ctx.beginPath();
      ctx.arc(toPixel(data[i], width), height - toPixel(data[i + 1], height), 3, 0, 2 * Math.PI);
      ctx.fillStyle = data[i + 2] === 1 ? POSITIVE : NEGATIVE;
      ctx.fill();
      ctx.stroke();
    }
  }

  function draw() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (last) {
      grid.width = last.res;
      grid.height = last.res;
      // Probability 0..1 is painted as -1..1 on the diverging scale.
      const centred = last.values.map((p) => 2 * p - 1);
      grid.getContext('2d')!.putImageData(paintGrid(centred, last.res, options.discretize), 0, 0);
      ctx.imageSmoothingEnabled = !options.discretize;
      ctx.globalAlpha = 0.85;
      ctx.drawImage(grid, 0, 0, canvas.width, canvas.height);
      ctx.globalAlpha = 1;
    }
    drawPoints(points.train, 'white');
    if (options.showTestData) drawPoints(points.test, 'black');
  }

  return {
    update(values, res) {
      last = { values, res };
      draw();
    },
    setPoints(train, test) {
      points = { train, test };
      draw();
    },
    setOptions(next) {
      options = next;
      draw();
    },
    valueAt(x1, x2) {
      if (!last) return undefined;
      const col = Math.floor(((x1 + INPUT_DOMAIN) / (2 * INPUT_DOMAIN)) * last.res);
      const row = Math.floor(((INPUT_DOMAIN - x2) / (2 * INPUT_DOMAIN)) * last.res);
      if (col < 0 || row < 0 || col >= last.res || row >= last.res) return undefined;
      return last.values[row * last.res + col];
    },
    destroy() {
      last = undefined;
    },
  };
}
