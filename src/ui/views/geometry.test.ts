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
