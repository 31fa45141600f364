import { describe, expect, it } from 'vitest';
import type { Layout } from '../../protocol';
import { buildGraph, columnX, NODE_SIZE, weightAt } from './geometry';

/** A layered layout of these inputs and layer widths, weights named as the layered networks name them. */
function layout(inputs: number, widths: number[], classes: string[] | null = ['0', '1']): Layout {
  const sizes = [inputs, ...widths];
  return {
    inputs: Array.from({ length: inputs }, (_, j) => `p${j}`),
    layerWidths: widths,
    weights: widths.flatMap((w, l) => [
      { name: `w${l}`, shape: [sizes[l], w] },
      { name: `b${l}`, shape: [w] },
    ]),
    train: new Float32Array(0),
    test: new Float32Array(0),
    arch: { kind: 'mlp' },
    classes,
  } as Layout;
}

describe('the layered graph', () => {
  it('draws the 2-D tasks as before: full-size neurons, every one labelled, one output "y"', () => {
    const { columns } = buildGraph(layout(2, [4, 1]), 560, 400);
    expect(columns.flat().every((n) => n.size === NODE_SIZE && n.labelled)).toBe(true);
    expect(columns[2].map((n) => [n.id, n.label])).toEqual([['y', undefined]]);
  });

  it('gives K classes K output neurons, and 64 pixel inputs small neurons that do not overlap', () => {
    const digits = Array.from({ length: 10 }, (_, j) => String(j));
    const { columns, edges } = buildGraph(layout(64, [8, 10], digits), 560, 400);
    expect(columns[2].map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, j) => `y${j}`));
    // Each output neuron says its class.
    expect(columns[2].map((n) => n.label)).toEqual(digits);
    expect(edges.filter((e) => e.target.id === 'y9')).toHaveLength(8);
    const inputs = columns[0];
    for (let j = 1; j < inputs.length; j++)
      expect(inputs[j].y).toBeGreaterThanOrEqual(inputs[j - 1].y + inputs[j - 1].size);
    // Too dense for a label beside each (hover names them).
    expect(inputs.some((n) => n.labelled)).toBe(false);
    // Centred where a full-size neuron would be.
    expect(inputs[0].x + inputs[0].size / 2).toBeCloseTo(columnX(0, 3, 560) + NODE_SIZE / 2, 9);
    expect(inputs[0].size).toBeLessThan(NODE_SIZE);
  });

  it('draws a 64-neuron layer readably: its first 6 and last 5 neurons, full size, a "+53" naming the rest', () => {
    const { columns, edges, hidden } = buildGraph(layout(2, [64, 64, 1]), 560, 400);
    const ids = (l: number) => columns[l].map((n) => n.id);
    expect(ids(1)).toEqual([
      'h1.0',
      'h1.1',
      'h1.2',
      'h1.3',
      'h1.4',
      'h1.5',
      'h1.59',
      'h1.60',
      'h1.61',
      'h1.62',
      'h1.63',
    ]);
    expect(hidden).toHaveLength(2);
    expect(hidden[0]).toMatchObject({ first: 'h1.6', last: 'h1.58', count: 53 });
    expect(hidden[1]).toMatchObject({ first: 'h2.6', last: 'h2.58', count: 53 });
    // Readable: at least 20 px, apart, with the "+53" in the gap between h1.5 and h1.59.
    const layer = columns[1];
    for (const n of layer) expect(n.size).toBeGreaterThanOrEqual(20);
    for (let k = 1; k < layer.length; k++)
      expect(layer[k].y).toBeGreaterThan(layer[k - 1].y + layer[k - 1].size);
    expect(hidden[0].y).toBeGreaterThan(layer[5].y + layer[5].size);
    expect(hidden[0].y).toBeLessThan(layer[6].y);
    // Each drawn edge reads its own weight of the full kernel (row-major 64 x 64), each neuron its own map.
    const offset = 2 * 64 + 64; // w0 and b0 before w1
    const edge = edges.find((e) => e.id === 'h1.60->h2.3')!;
    expect(edge.weightIndex).toBe(offset + 60 * 64 + 3);
    expect(edges.find((e) => e.id === 'h2.62->y')!.weightIndex).toBe(offset + 64 * 64 + 64 + 62);
    expect(edges.filter((e) => e.target.column === 2)).toHaveLength(11 * 11);
    expect(columns[2][7]).toMatchObject({ id: 'h2.60', mapIndex: 64 + 60, biasIndex: offset + 64 * 64 + 60 });
  });

  it('draws 12 neurons or fewer all, with no "+N"', () => {
    const { columns, hidden } = buildGraph(layout(2, [12, 1]), 560, 400);
    expect(columns[1]).toHaveLength(12);
    expect(hidden).toEqual([]);
  });

  it('finds the weight of an edge: its name and the place within it of a flat index', () => {
    const l = layout(2, [3, 1]);
    // w0 is 2 x 3 (0-5), b0 3 (6-8), w1 3 x 1 (9-11), b1 1 (12).
    const graph = buildGraph(l, 560, 400);
    const edge = graph.edges.find((e) => e.id === 'p1->h1.2')!;
    expect(weightAt(l, edge.weightIndex)).toEqual({ name: 'w0', index: 5 });
    expect(weightAt(l, graph.edges.find((e) => e.id === 'h1.1->y')!.weightIndex)).toEqual({
      name: 'w1',
      index: 1,
    });
    expect(weightAt(l, 6)).toEqual({ name: 'b0', index: 0 });
    expect(weightAt(l, 12)).toEqual({ name: 'b1', index: 0 });
    expect(weightAt(l, 13)).toBeUndefined();
  });
});
