import { describe, expect, it } from 'vitest';
import { clampTo, draggedBeyond, underPointer, type Nested } from './pointer';

describe('drag-away decision', () => {
  it('removes only past the distance, measured in a straight line from the grab point', () => {
    // (10, 20) -> (13, 24) is a 3-4-5 triangle: exactly 5 away.
    expect(draggedBeyond({ x: 10, y: 20 }, { x: 13, y: 24 }, 5)).toBe(false);
    expect(draggedBeyond({ x: 10, y: 20 }, { x: 13, y: 24 }, 4.9)).toBe(true);
    // Diagonally, 28 each way is 39.6 < 40 and 29 is 41.01 > 40, though neither axis alone reaches 40.
    expect(draggedBeyond({ x: 0, y: 0 }, { x: -28, y: 28 }, 40)).toBe(false);
    expect(draggedBeyond({ x: 0, y: 0 }, { x: -29, y: 29 }, 40)).toBe(true);
  });
});

describe('moving inside bounds', () => {
  const bounds = { left: 14, top: 14, right: 586, bottom: 386 };
  it('keeps a point inside as it is and pulls one outside to the nearest edge or corner', () => {
    expect(clampTo(bounds, { x: 100, y: 200 })).toEqual({ x: 100, y: 200 });
    expect(clampTo(bounds, { x: 600, y: 20 })).toEqual({ x: 586, y: 20 });
    expect(clampTo(bounds, { x: -5, y: 400 })).toEqual({ x: 14, y: 386 });
  });
});

describe('the target under the pointer', () => {
  // A fake scene: a neuron group marked with data-neuron-id holds a body circle; the background is unmarked.
  interface Fake extends Nested<Fake> {
    name: string;
  }
  const fake = (name: string, selectors: string[], parent?: Fake): Fake => ({
    name,
    closest(selector) {
      return selectors.includes(selector) ? this : (parent?.closest(selector) ?? null);
    },
  });
  const background = fake('svg', []);
  const neuron = fake('g h1', ['[data-neuron-id]'], background);
  const body = fake('circle', ['.body'], neuron);
  const scene: Record<string, Fake> = { '30,40': body, '31,40': neuron, '200,10': background };
  const lookups: string[] = [];
  const elementAt = (x: number, y: number) => {
    lookups.push(`${x},${y}`);
    return scene[`${x},${y}`] ?? null;
  };
  const at = (clientX: number, clientY: number) =>
    underPointer({ clientX, clientY }, '[data-neuron-id]', elementAt)?.name;

  it('is the marked element at or above the one under the pointer, looked up by client coordinates', () => {
    expect(at(30, 40)).toBe('g h1');
    expect(at(31, 40)).toBe('g h1');
    expect(lookups).toEqual(['30,40', '31,40']);
  });

  it('is nothing over unmarked elements or empty space', () => {
    expect(at(200, 10)).toBeUndefined();
    expect(at(500, 500)).toBeUndefined();
  });
});
