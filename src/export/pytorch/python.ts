/** Python source text from experiment data: literals, float32 numbers that read back exactly, weight tables. */
import { shortestFloat32, type WeightMap } from '../../experiment';

/** A number as Python reads it back to the same float32 (weights and slots are float32 in the engine). */
export function pyFloat32(v: number): string {
  return pyNumber(shortestFloat32(v));
}

/** A number as a Python literal that reads back to the same double. */
export function pyNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "-float('inf')";
  return String(v);
}

/** JSON-like data as a Python literal on one line (strings, numbers, booleans, lists, dicts). */
export function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${pyValue(x)}`).join(', ')}}`;
}

/** A dict of named settings, one per line: `NAME = {\n    'key': value,\n}`. */
export function pyDict(name: string, fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `    ${JSON.stringify(k)}: ${pyValue(x)},`);
  return `${name} = {\n${lines.join('\n')}\n}`;
}

/** Flat row-major values as nested lists of the given shape, the innermost rows one per line. */
function nested(values: number[], shape: number[], indent: string): string {
  if (shape.length <= 1) return `[${values.map(pyFloat32).join(', ')}]`;
  const [rows, ...inner] = shape;
  const size = inner.reduce((a, b) => a * b, 1);
  const parts = Array.from({ length: rows }, (_, r) =>
    nested(values.slice(r * size, (r + 1) * size), inner, indent + '    '),
  );
  return `[\n${parts.map((p) => `${indent}    ${p},`).join('\n')}\n${indent}]`;
}

/** Named float32 tables (weights, optimizer slots) as a Python dict of nested lists: `{'name': [[...], ...]}`. */
export function pyWeights(name: string, weights: WeightMap): string {
  const entries = Object.entries(weights).map(
    ([key, w]) => `    ${JSON.stringify(key)}: ${nested(w.values, w.shape, '    ')},`,
  );
  return `${name} = {\n${entries.join('\n')}\n}`;
}

/** Joins blocks of source with one blank line between them (two before top-level definitions, as PEP 8 has it). */
export function pySource(blocks: string[]): string {
  return blocks.map((b) => b.trim()).join('\n\n\n') + '\n';
}
