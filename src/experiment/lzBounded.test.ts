import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { MAX_DECODED_CHARS } from './limits';
import { inflateBounded } from './lzBounded';
import { createRng } from './rng';
import { lzBomb } from './testing/bomb';

describe('bounded lz-string decompression', () => {
  it("reads back what lz-string's own compress wrote: 400 strings, ASCII and 16-bit characters", () => {
    const rng = createRng(3);
    for (let i = 0; i < 400; i++) {
      const n = 1 + rng.int(i < 50 ? 4 : 1500);
      const wide = rng.next() < 0.3;
      const text = Array.from({ length: n }, () =>
        String.fromCharCode(wide && rng.next() < 0.2 ? 256 + rng.int(0xfe00) : 32 + rng.int(40)),
      ).join('');
      expect(inflateBounded(LZString.compressToEncodedURIComponent(text), 1e6)).toEqual({ text, unread: 0 });
    }
  });

  it('the bomb writer makes what lz-string reads as the run it says', () => {
    const small = lzBomb('{"x":"a', 100);
    // The prefix's own "a", then runs of 2, 3, ..., 101: 1 + (2 + ... + 101) = 5151.
    expect(LZString.decompressFromEncodedURIComponent(small)).toBe(`{"x":"${'a'.repeat(5151)}`);
  });

  it('stops a bomb of 5e8 characters (about 80 KB) at the limit, having produced no more than it', () => {
    const bomb = lzBomb('{"x":"a', 31_623);
    expect(bomb.length).toBeLessThan(110_000);
    const inflated = inflateBounded(bomb, MAX_DECODED_CHARS);
    if (inflated.problem !== 'too large') throw new Error('the bomb was not refused');
    expect(inflated.produced).toBeLessThanOrEqual(MAX_DECODED_CHARS);
    expect(inflated.produced).toBeGreaterThan(MAX_DECODED_CHARS - 31_623);
  });

  it('says a truncated stream is damaged, and counts characters after its end', () => {
    const packed = LZString.compressToEncodedURIComponent('{"seed": 1, "noise": 0.25}'.repeat(5));
    expect(inflateBounded(packed.slice(0, -3), 1e6).problem).toBe('damaged');
    expect(inflateBounded(`${packed}AB`, 1e6)).toMatchObject({ unread: 2 });
    expect(inflateBounded('', 1e6).problem).toBe('damaged');
  });
});
