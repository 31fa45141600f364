import { describe, expect, it } from 'vitest';
import { arcShapes, distanceToArc, endOffsets, nearestArc, pointOnArc, type ArcShape } from './arcGeometry';

const place = (l: number) => ({ x: 100 * l, top: 80 });

describe('wormhole arc geometry', () => {
  it('a lone arc ends at the centres of its layers', () => {
    expect(endOffsets([{ from: 3, to: 1 }], 26)).toEqual([{ from: 0, to: 0 }]);
  });

  it('arcs that share a layer get distinct ends there, spread 7 px apart around the centre', () => {
    // Layer 3 holds the ends of 3->1 and 3->2; layer 1 those of 3->1 and 2->1; layer 2 those of 3->2 and 2->1.
    const w = [
      { from: 3, to: 1 },
      { from: 3, to: 2 },
      { from: 2, to: 1 },
    ];
    const o = endOffsets(w, 26);
    // At layer 3 both leave for earlier layers: the nearer one (to 2) left, the longer (to 1) outside it, right.
    expect([o[1].from, o[0].from]).toEqual([-3.5, 3.5]);
    // At layer 1 both arrive from later layers: the longer (from 3) left, outside the shorter (from 2).
    expect([o[0].to, o[2].to]).toEqual([-3.5, 3.5]);
    // At layer 2, the one leaving (2->1) sits left of the one arriving (3->2).
    expect([o[2].from, o[1].to]).toEqual([-3.5, 3.5]);
    const ends = arcShapes(w, place, 26).flatMap((s) => [s.a, s.b]);
    expect(new Set(ends.map((p) => `${p.x},${p.y}`)).size).toBe(6);
  });

  it('many ends on one layer stay within the given width', () => {
    const w = [1, 2, 3, 4, 5].map((to) => ({ from: 6, to }));
    const xs = endOffsets(w, 20).map((o) => o.from);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(20);
    expect(new Set(xs).size).toBe(5);
  });

  it('longer arcs arch higher, never above y = 4', () => {
    const [short, long] = arcShapes(
      [
        { from: 2, to: 1 },
        { from: 3, to: 1 },
      ],
      place,
      26,
    );
    expect(short.cy).toBe(80 - 30 - 14);
    expect(long.cy).toBe(80 - 30 - 28);
    expect(arcShapes([{ from: 9, to: 1 }], place, 26)[0].cy).toBe(4);
  });

  it('the curve runs from one end to the other through the control height', () => {
    const arc: ArcShape = { a: { x: 0, y: 100 }, b: { x: 200, y: 100 }, cy: 20 };
    expect(pointOnArc(arc, 0)).toEqual({ x: 0, y: 100 });
    expect(pointOnArc(arc, 1)).toEqual({ x: 200, y: 100 });
    // Halfway: x midway, y = (100 + 3·20 + 3·20 + 100) / 8 = 40.
    expect(pointOnArc(arc, 0.5)).toEqual({ x: 100, y: 40 });
    expect(distanceToArc({ x: 100, y: 30 }, arc)).toBeCloseTo(10, 5);
  });

  it('a grab picks the nearest arc, even where another arc lies within reach', () => {
    const low: ArcShape = { a: { x: 0, y: 100 }, b: { x: 200, y: 100 }, cy: 20 }; // top at y = 40
    const high: ArcShape = { a: { x: 0, y: 100 }, b: { x: 200, y: 100 }, cy: 0 }; // top at y = 25
    expect(nearestArc({ x: 100, y: 38 }, [high, low])).toBe(1);
    expect(nearestArc({ x: 100, y: 27 }, [high, low])).toBe(0);
    expect(nearestArc({ x: 100, y: 27 }, [low, high])).toBe(1);
    // Nothing within reach: none.
    expect(nearestArc({ x: 100, y: 200 }, [high, low], 12)).toBe(-1);
  });
});
