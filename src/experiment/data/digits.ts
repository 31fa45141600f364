/**
 * The handwritten digits: 1,797 8x8 images, pixels 0..16, ten classes. The copy scikit-learn ships of the UCI
 * optical recognition of handwritten digits (test set), converted by scripts/digits-asset.py into digitsAsset.ts.
 */
import { DIGITS_LABELS, DIGITS_PIXELS } from './digitsAsset';
import { DATA_SOURCES } from './sources';
import type { BundledData, DataTable } from './table';

const SIDE = 8;

/** The asset's pixels as bytes: 'A' + value per pixel, 'a' + (length - 2) per run of 2..27 zeros. */
export function decodeDigitPixels(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97) for (let k = 0; k < c - 97 + 2; k++) out.push(0);
    else out.push(c - 65);
  }
  return Uint8Array.from(out);
}

export const decodeDigitLabels = (text: string): Uint8Array => Uint8Array.from(text, (c) => Number(c));

let cached: DataTable | undefined;

function digitsTable(): DataTable {
  if (cached) return cached;
  const pixels = decodeDigitPixels(DIGITS_PIXELS);
  const labels = decodeDigitLabels(DIGITS_LABELS);
  cached = {
    features: Array.from({ length: SIDE * SIDE }, (_, i) => `p${Math.floor(i / SIDE)},${i % SIDE}`),
    x: Float32Array.from(pixels),
    y: Float32Array.from(labels),
    classes: Array.from({ length: 10 }, (_, i) => String(i)),
    image: { width: SIDE, height: SIDE },
  };
  return cached;
}

export const DIGITS: BundledData = { ...DATA_SOURCES.digits, table: digitsTable };
