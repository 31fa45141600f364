import { describe, expect, it } from 'vitest';
import { gridReadout, INPUT_EXTENT, onAxes, planeCell, planePoint, toGrid } from './plane';

describe('the input plane', () => {
  it('maps corners and centre of a 4x4 grid to their cells (row 0 at the top)', () => {
    expect(planeCell(-6, 6, 4)).toBe(0);
    expect(planeCell(5.9, 5.9, 4)).toBe(3);
    expect(planeCell(-5.9, -5.9, 4)).toBe(12);
    // The right and bottom edges belong to the last cells, not past them.
    expect(planeCell(6, -6, 4)).toBe(15);
    expect(planeCell(0.1, 0.1, 4)).toBe(6);
  });

  it('turns a pointer position on a 300 px square into plane coordinates', () => {
    const box = { left: 100, top: 50, width: 300, height: 300 } as DOMRect;
    expect(planePoint({ clientX: 100, clientY: 50 }, box)).toEqual([-6, 6]);
    expect(planePoint({ clientX: 250, clientY: 200 }, box)).toEqual([0, 0]);
    expect(planePoint({ clientX: 400, clientY: 350 }, box)).toEqual([6, -6]);
  });

  it('reads a grid map at a point, and nothing before a map arrived or from an empty one', () => {
    const readout = gridReadout();
    expect(readout.at(0, 0)).toBeUndefined();
    readout.set(Float32Array.from([1, 2, 3, 4]), 2);
    readout.set(new Float32Array(0), 0);
    expect(readout.at(-3, 3)).toBe(1);
    expect(readout.at(3, -3)).toBe(4);
  });

  it('translates between the grid and the axes of a data table (its own extent)', () => {
    const extent = { x: [0, 12] as [number, number], y: [-1, 1] as [number, number] };
    expect(onAxes([-6, -6], extent)).toEqual([0, -1]);
    expect(onAxes([6, 0], extent)).toEqual([12, 0]);
    expect(toGrid(3, 0.5, extent)).toEqual([-3, 3]);
    expect(onAxes(toGrid(7.5, -0.25, extent), extent)).toEqual([7.5, -0.25]);
    expect(onAxes([1.5, -2], INPUT_EXTENT)).toEqual([1.5, -2]);
  });
});
