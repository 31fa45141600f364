import { describe, expect, it } from 'vitest';
import { MAX_WORMHOLES } from '../../../experiment';
import { addRefusal, fromLayers, toLayers } from './wormholeEdits';

describe('possible wormholes', () => {
  it('start at any layer after the first and go back to an earlier one', () => {
    expect(fromLayers(3)).toEqual([2, 3]);
    expect(fromLayers(1)).toEqual([]);
    expect(toLayers(3)).toEqual([1, 2]);
    expect(toLayers(2)).toEqual([1]);
    expect(toLayers(1)).toEqual([]);
  });

  it('a possible one is not refused', () => {
    expect(addRefusal([], 3, 1, 3)).toBeUndefined();
    expect(addRefusal([{ from: 3, to: 1 }], 3, 2, 3)).toBeUndefined();
  });

  it('an impossible one is refused with its reason', () => {
    expect(addRefusal([], 2, 2, 3)).toMatch(/joins two layers/);
    expect(addRefusal([], 2, 3, 3)).toMatch(
      /from a later layer to an earlier one: layer 3 comes after layer 2/,
    );
    expect(addRefusal([], 3, 0, 3)).toMatch(/cannot go back to the inputs/);
    expect(addRefusal([{ from: 3, to: 1 }], 3, 1, 3)).toMatch(/already there/);
    expect(addRefusal([], 4, 1, 3)).toMatch(/no layer 4/);
    const full = Array.from({ length: MAX_WORMHOLES }, (_, i) => ({ from: 20, to: i + 1 }));
    expect(addRefusal(full, 3, 1, 3)).toMatch(new RegExp(`At most ${MAX_WORMHOLES}`));
  });
});
