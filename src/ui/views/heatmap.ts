/**
 * Decision-boundary heatmap over the input plane, with the data points on top: P(class 1) on the orange..blue
 * scale for two classes, the most probable of K classes in its colour, or a numeric target's predicted value on
 * the value scale (views/planeOutput.ts). Framework-free: React calls the factory from an effect and feeds it frames.
 */
import { INPUT_DOMAIN } from '../../experiment';
import { centreIn, paintClasses } from '../kit/classColors';
import { paintGrid } from '../kit/colors';
import type { NeuronPlane } from './neuronPlane';
import { INPUT_EXTENT, planeCell, toGrid, type PlaneExtent } from './plane';
import { BINARY_COLOURING, pointColor, readOutput, valuesPerCell, type PlaneColouring } from './planeOutput';

export interface HeatmapOptions {
  showTestData: boolean;
  discretize: boolean;
}

export interface HeatmapView {
  update(probabilities: Float32Array, res: number): void;
  /** Points as [x1, x2, label] triples on the plane's axes, which cover `extent`. */
  setPoints(train: Float32Array, test: Float32Array, extent?: PlaneExtent): void;
  setOptions(options: HeatmapOptions): void;
  /** How the output is coloured (the layout's head, classes and the target's range). */
  setColouring(colouring: PlaneColouring): void;
  /** Shows a neuron's output instead of the network's (a neuron hovered in the graph); undefined puts it back. */
  showNeuron(plane: NeuronPlane | undefined): void;
  /** The output at a point of the grid in words, from the last heatmap drawn (for hover read-outs). */
  readAt(x1: number, x2: number): string | undefined;
  /** A point to ring (grid coordinates), e.g. the Wormhole's picked sample; undefined for none. */
  setMarker(point: [number, number] | undefined): void;
  destroy(): void;
}

export function createHeatmap(canvas: HTMLCanvasElement): HeatmapView {
  const ctx = canvas.getContext('2d')!;
  const grid = document.createElement('canvas');
  /**
   * The data points, drawn once for each change of points, options or colouring, then copied onto each frame's
   * map in one drawImage: hundreds of arcs a frame were most of the page's commit at full speed (issue 10).
   */
  const dots = document.createElement('canvas');
  let dotsDrawn = false;
  let points: { train: Float32Array; test: Float32Array } = {
    train: new Float32Array(0),
    test: new Float32Array(0),
  };
  let options: HeatmapOptions = { showTestData: false, discretize: false };
  let last: { values: Float32Array; res: number } | undefined;
  let colouring = BINARY_COLOURING;
  let marker: [number, number] | undefined;
  let neuron: NeuronPlane | undefined;

  const toPixel = (v: number, size: number) => ((v + INPUT_DOMAIN) / (2 * INPUT_DOMAIN)) * size;

  function drawPoints(ctx: CanvasRenderingContext2D, data: Float32Array, stroke: string) {
    const { width, height } = canvas;
    ctx.lineWidth = 1;
    ctx.strokeStyle = stroke;
    for (let i = 0; i < data.length; i += 3) {
      ctx.beginPath();
      ctx.arc(toPixel(data[i], width), height - toPixel(data[i + 1], height), 3, 0, 2 * Math.PI);
      ctx.fillStyle = pointColor(data[i + 2], colouring);
      ctx.fill();
      ctx.stroke();
    }
  }

  function paint({ values, res }: { values: Float32Array; res: number }): ImageData {
    const { head, range } = colouring;
    if (head.kind === 'classes')
      return new ImageData(paintClasses(values, head.k, res, options.discretize), res, res);
    // Probability 0..1, or the target's range, is painted as -1..1 on the diverging scale.
    const centred =
      head.kind === 'binary' ? values.map((p) => 2 * p - 1) : values.map((v) => centreIn(range, v));
    return paintGrid(centred, res, options.discretize && head.kind === 'binary');
  }

  function drawGrid(image: ImageData, res: number) {
    grid.width = res;
    grid.height = res;
    grid.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = !options.discretize;
    ctx.globalAlpha = 0.85;
    ctx.drawImage(grid, 0, 0, canvas.width, canvas.height);
    ctx.globalAlpha = 1;
  }

  function drawDots() {
    dots.width = canvas.width;
    dots.height = canvas.height;
    const dotsCtx = dots.getContext('2d')!;
    drawPoints(dotsCtx, points.train, 'white');
    if (options.showTestData) drawPoints(dotsCtx, points.test, 'black');
    dotsDrawn = true;
  }

  function draw() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    canvas.dataset.shows = neuron ? neuron.id : 'output';
    if (neuron) drawGrid(paintGrid(neuron.shown, neuron.res, options.discretize), neuron.res);
    // A map of another head (a frame of the experiment before) is not drawn.
    else if (last && last.values.length === last.res * last.res * valuesPerCell(colouring.head))
      drawGrid(paint(last), last.res);
    if (!dotsDrawn || dots.width !== canvas.width || dots.height !== canvas.height) drawDots();
    ctx.drawImage(dots, 0, 0);
    if (marker)
      drawRing(ctx, toPixel(marker[0], canvas.width), canvas.height - toPixel(marker[1], canvas.height));
  }

  return {
    update(values, res) {
      // Frames without new maps bring the last ones again (state/frames.ts): drawn once, not every frame.
      if (last?.values === values && last.res === res) return;
      last = { values, res };
      draw();
    },
    setPoints(train, test, extent = INPUT_EXTENT) {
      // Drawn in the grid's coordinates, as the heatmap under them.
      const onGrid = (data: Float32Array) => {
        const out = Float32Array.from(data);
        for (let i = 0; i < out.length; i += 3) [out[i], out[i + 1]] = toGrid(out[i], out[i + 1], extent);
        return out;
      };
      points = { train: onGrid(train), test: onGrid(test) };
      dotsDrawn = false;
      draw();
    },
    setOptions(next) {
      options = next;
      dotsDrawn = false;
      draw();
    },
    setColouring(next) {
      colouring = next;
      dotsDrawn = false;
      draw();
    },
    showNeuron(plane) {
      neuron = plane;
      draw();
    },
    readAt(x1, x2) {
      if (Math.abs(x1) > INPUT_DOMAIN || Math.abs(x2) > INPUT_DOMAIN) return undefined;
      if (neuron) return `${neuron.id} = ${neuron.raw[planeCell(x1, x2, neuron.res)].toPrecision(3)}`;
      if (!last) return undefined;
      return readOutput(last.values, last.res, colouring, x1, x2);
    },
    setMarker(point) {
      if (`${point}` === `${marker}`) return;
      marker = point;
      draw();
    },
    destroy() {
      last = undefined;
    },
  };
}

/** A ring round a marked point: dark, with a white halo, so it shows on any colour. */
export function drawRing(ctx: CanvasRenderingContext2D, x: number, y: number) {
  ctx.save();
  for (const [colour, width] of [
    ['white', 5],
    ['#111', 2.5],
  ] as const) {
    ctx.beginPath();
    ctx.arc(x, y, 7, 0, 2 * Math.PI);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  ctx.restore();
}
