/**
 * Digits as thumbnails: the first test rows' 8x8 images in a grid, dark ink on white, the misclassified ones
 * outlined in red with the class the network gave them. Framework-free; a frame redraws the grid only when the
 * set of misclassified digits (or what they were taken for) changes.
 */
import { setAttr } from '../kit/domWrites';

export interface DigitImages {
  width: number;
  height: number;
  /** The test rows' pixels, row after row. */
  test: Float32Array;
}

/** Thumbnails shown: enough to see the kinds of mistakes, few enough to draw at once. */
export const DIGITS_SHOWN = 60;
const PER_ROW = 10;
const SCALE = 4;
const GAP = 6;
const MISTAKE = '#d62728';

/** Of the first `count` test rows, what each was taken for where that is wrong (-1 where it is right). */
export function mistakes(predicted: ArrayLike<number>, test: Float32Array, count: number): number[] {
  return Array.from({ length: Math.min(count, test.length / 3, predicted.length) }, (_, i) =>
    predicted[i] === test[i * 3 + 2] ? -1 : predicted[i],
  );
}

/** A pixel's grey level, 255 (blank) to 0 (full ink), for pixel values from 0 to `max`. */
export const inkLevel = (v: number, max: number) => Math.round(255 * (1 - Math.max(0, Math.min(1, v / max))));

export interface DigitGridView {
  setImages(images: DigitImages, test: Float32Array): void;
  update(predicted: Float32Array | undefined): void;
  destroy(): void;
}

export function createDigitGrid(canvas: HTMLCanvasElement): DigitGridView {
  const ctx = canvas.getContext('2d')!;
  let images: DigitImages | undefined;
  let test: Float32Array = new Float32Array(0);
  let wrong: number[] = [];
  let shown = 0;

  const cellSize = () => (images ? images.width * SCALE + GAP : 0);
  const origin = (i: number): [number, number] => [
    (i % PER_ROW) * cellSize() + GAP / 2,
    Math.floor(i / PER_ROW) * cellSize() + GAP / 2,
  ];

  function draw() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!images) return;
    const { width, height, test: pixels } = images;
    const max = pixels.reduce((m, v) => Math.max(m, v), 1e-9);
    for (let i = 0; i < shown; i++) {
      const [x, y] = origin(i);
      const image = ctx.createImageData(width, height);
      for (let p = 0; p < width * height; p++) {
        const level = inkLevel(pixels[i * width * height + p], max);
        image.data.set([level, level, level, 255], p * 4);
      }
      // Scaled up without smoothing: each pixel a crisp square.
      const small = document.createElement('canvas');
      small.width = width;
      small.height = height;
      small.getContext('2d')!.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, x, y, width * SCALE, height * SCALE);
      if (wrong[i] >= 0) {
        ctx.strokeStyle = MISTAKE;
        ctx.lineWidth = 2;
        ctx.strokeRect(x - 1, y - 1, width * SCALE + 2, height * SCALE + 2);
        ctx.fillStyle = MISTAKE;
        ctx.font = 'bold 10px sans-serif';
        ctx.fillText(String(wrong[i]), x + 1, y + 9);
      }
    }
    const count = wrong.filter((w) => w >= 0).length;
    setAttr(canvas, 'data-misclassified', String(count));
    setAttr(
      canvas,
      'aria-label',
      `The first ${shown} test digits; ${count} misclassified, outlined in red with the class they were taken for`,
    );
  }

  return {
    setImages(next, points) {
      images = next;
      test = points;
      shown = Math.min(DIGITS_SHOWN, next.test.length / (next.width * next.height), points.length / 3);
      wrong = [];
      canvas.width = PER_ROW * cellSize();
      canvas.height = Math.ceil(shown / PER_ROW) * cellSize();
      setAttr(canvas, 'data-shown', String(shown));
      draw();
    },
    update(predicted) {
      if (!images || !predicted) return;
      const next = mistakes(predicted, test, shown);
      if (next.length === wrong.length && next.every((w, i) => w === wrong[i])) return;
      wrong = next;
      draw();
    },
    destroy() {
      images = undefined;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}
