import { describe, expect, it } from 'vitest';
import { MAP_SHARE, MAX_MAP_GAP_MS, MapPacer } from './mapPacer';

/**
 * Plays frames back to back on a simulated clock: each frame costs `base` ms, and `maps` more when the pacer asks
 * for maps. Returns the share of the time maps took and the longest time between two frames with maps.
 */
function play(base: number, maps: number, frames = 5000) {
  const pacer = new MapPacer();
  let now = 0;
  let mapTime = 0;
  let longestGap = 0;
  let lastMap = 0;
  // The first frame (at load) always has maps.
  pacer.record(true, now, base + maps);
  now += base + maps;
  for (let i = 0; i < frames; i++) {
    const withMaps = pacer.due(now);
    const ms = base + (withMaps ? maps : 0);
    if (withMaps) {
      mapTime += maps;
      longestGap = Math.max(longestGap, now - lastMap);
      lastMap = now;
    }
    pacer.record(withMaps, now, ms);
    now += ms;
  }
  return { share: mapTime / now, longestGap, cost: pacer.cost };
}

describe('maps paced by their measured cost', () => {
  it('keeps costly maps at their share of the time, measuring what they add to a frame', () => {
    for (const [base, maps] of [
      [14, 20],
      [5, 3],
      [16, 60],
    ]) {
      const { share, cost } = play(base, maps);
      expect(cost).toBeCloseTo(maps, 6);
      expect(share).toBeLessThanOrEqual(MAP_SHARE);
      // Not much less either: a map comes on the first frame after the interval.
      expect(share).toBeGreaterThan(MAP_SHARE * 0.8);
    }
  });

  it('gives cheap maps with every frame', () => {
    const pacer = new MapPacer();
    pacer.record(true, 0, 2);
    pacer.record(false, 2, 2);
    expect(pacer.cost).toBe(0);
    for (let t = 4; t < 100; t += 2) expect(pacer.due(t)).toBe(true);
  });

  it('never lets the map freeze longer than the maximum gap, whatever maps cost', () => {
    const { share, longestGap } = play(15, 400);
    expect(longestGap).toBeLessThanOrEqual(MAX_MAP_GAP_MS + 15);
    expect(longestGap).toBeGreaterThanOrEqual(MAX_MAP_GAP_MS);
    // Here the minimum rate wins over the share.
    expect(share).toBeGreaterThan(MAP_SHARE);
  });

  it('counts a whole frame with maps as their cost until a frame without is timed, and forgets on reset', () => {
    const pacer = new MapPacer();
    expect(pacer.due(0)).toBe(true);
    pacer.record(true, 0, 30);
    expect(pacer.cost).toBe(30);
    expect(pacer.due(299)).toBe(false);
    expect(pacer.due(300)).toBe(true);
    pacer.record(false, 30, 10);
    expect(pacer.cost).toBe(20);
    expect(pacer.interval).toBe(200);
    pacer.reset();
    expect([pacer.cost, pacer.due(0)]).toEqual([0, true]);
  });

  it('follows a change of cost through its running means', () => {
    const pacer = new MapPacer();
    pacer.record(true, 0, 10);
    pacer.record(false, 10, 5);
    for (let i = 0; i < 40; i++) pacer.record(true, 100 * i, 45);
    expect(pacer.cost).toBeCloseTo(40, 3);
  });
});
