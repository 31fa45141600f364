import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIGITS_LABELS, DIGITS_PIXELS } from './digitsAsset';
import { decodeDigitLabels, decodeDigitPixels, DIGITS } from './digits';
import { IRIS } from './iris';
import { classCounts, rowCount } from './table';

/** Printed by scripts/digits-asset.py: SHA-256 of scikit-learn's digits, pixels then labels, as bytes. */
const DIGITS_SHA256 = '87ff0c9e40dc7e2c0e34e7257799c2e3f3aec1a016363bb11cad869ec428a826';

describe('bundled data', () => {
  it('decodes the digits asset to the bytes scikit-learn ships (checksum)', () => {
    const pixels = decodeDigitPixels(DIGITS_PIXELS);
    const labels = decodeDigitLabels(DIGITS_LABELS);
    expect(pixels.length).toBe(1797 * 64);
    expect(labels.length).toBe(1797);
    const sha = createHash('sha256').update(pixels).update(labels).digest('hex');
    expect(sha).toBe(DIGITS_SHA256);
  });

  it('decodes pixel characters and zero runs', () => {
    expect(Array.from(decodeDigitPixels('AQaBc'))).toEqual([0, 16, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('gives digits as 1,797 rows of 64 pixels 0..16 in ten classes, 8x8 images', () => {
    const t = DIGITS.table();
    expect(rowCount(t)).toBe(1797);
    expect(t.features).toHaveLength(64);
    expect(t.x.length).toBe(1797 * 64);
    expect(t.x.reduce((a, b) => Math.max(a, b))).toBe(16);
    expect(t.x.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(t.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // scikit-learn's digits: 178 182 177 183 181 182 181 179 174 180 of each digit.
    expect(classCounts(t)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(t.image).toEqual({ width: 8, height: 8 });
  });

  it('gives iris as 150 rows of four measurements, 50 of each species', () => {
    const t = IRIS.table();
    expect(rowCount(t)).toBe(150);
    expect(t.x.length).toBe(600);
    expect(t.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classCounts(t)).toEqual([50, 50, 50]);
    // Fisher's first flower: 5.1 3.5 1.4 0.2, setosa.
    expect(Array.from(t.x.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    expect(t.y[0]).toBe(0);
  });
});
