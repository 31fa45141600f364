/**
 * Field tables, after the TensorFlow Playground's state.ts PROPS: each scalar field of the spec is declared once,
 * as one row (kind, range or options, default, the name problems use, the UI's label), and its default, its
 * validation, its random value and its type all come from that row.
 */
import { own } from './names';

interface RowBase {
  /** The field as problems name it ("learning rate", "dian.layer1"): links report these words. */
  name: string;
  /** The field as the UI labels it. */
  label: string;
  unit?: string;
}
export interface NumberRow extends RowBase {
  kind: 'number';
  min: number;
  max: number;
  default: number;
}
export interface IntegerRow extends RowBase {
  kind: 'integer';
  min: number;
  max: number;
  default: number;
}
export interface OneOfRow<T extends string = string> extends RowBase {
  kind: 'oneOf';
  options: readonly T[];
  default: T;
}
export interface BooleanRow extends RowBase {
  kind: 'boolean';
  default: boolean;
}
/** Free text (a column's or a file's name, a hash): at most maxLength characters, matching pattern if given. */
export interface TextRow extends RowBase {
  kind: 'text';
  maxLength: number;
  pattern?: RegExp;
  /** What the pattern asks for, in words ("a SHA-256 hash in hex"). */
  patternWords?: string;
  default: string;
}
export type Row = NumberRow | IntegerRow | OneOfRow | BooleanRow | TextRow;
export type Table = Readonly<Record<string, Row>>;

type ValueOf<R extends Row> =
  R extends OneOfRow<infer T> ? T : R extends BooleanRow ? boolean : R extends TextRow ? string : number;
/** The slice a table describes: one value per row, of the row's type. */
export type ValuesOf<T extends Table> = { -readonly [K in keyof T]: ValueOf<T[K]> };

/** The row makers: `field.oneOf` keeps the options' literal type, so the slice's type has it too. */
export const field = {
  number: (row: Omit<NumberRow, 'kind'>): NumberRow => ({ kind: 'number', ...row }),
  integer: (row: Omit<IntegerRow, 'kind'>): IntegerRow => ({ kind: 'integer', ...row }),
  oneOf: <T extends string>(row: Omit<OneOfRow<T>, 'kind' | 'default'> & { default: NoInfer<T> }) =>
    ({ kind: 'oneOf', ...row }) as OneOfRow<T>,
  boolean: (row: Omit<BooleanRow, 'kind'>): BooleanRow => ({ kind: 'boolean', ...row }),
  text: (row: Omit<TextRow, 'kind'>): TextRow => ({ kind: 'text', ...row }),
};

/** The seeded source of random values (the engine's Rng has this shape; experiment/ does not import engine/). */
export interface RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

function mapRows<T extends Table>(table: T, value: (row: Row, key: string) => unknown): ValuesOf<T> {
  return Object.fromEntries(Object.entries(table).map(([key, row]) => [key, value(row, key)])) as ValuesOf<T>;
}

export const defaultsOf = <T extends Table>(table: T): ValuesOf<T> => mapRows(table, (row) => row.default);

/** Why a value is not valid for a row, in the words links report; undefined when it is valid. */
export function rowProblem(row: Row, v: unknown): string | undefined {
  if (row.kind === 'boolean') return typeof v === 'boolean' ? undefined : `${row.name} must be true or false`;
  if (row.kind === 'text') {
    if (typeof v !== 'string' || v.length > row.maxLength)
      return `${row.name} must be text of at most ${row.maxLength} characters`;
    return !row.pattern || row.pattern.test(v)
      ? undefined
      : `${row.name} must be ${row.patternWords ?? 'valid'}`;
  }
  if (row.kind === 'oneOf') {
    const known = typeof v === 'string' && (row.options as readonly string[]).includes(v);
    return known ? undefined : `${row.name} must be one of ${row.options.join(', ')}`;
  }
  if (row.kind === 'integer' && !Number.isInteger(v)) return `${row.name} must be a whole number`;
  const inRange = typeof v === 'number' && Number.isFinite(v) && v >= row.min && v <= row.max;
  return inRange ? undefined : `${row.name} must be a number from ${row.min} to ${row.max}`;
}

/**
 * A slice read from untrusted data: each valid value is kept, a missing one takes the default, and an invalid
 * one takes the default and adds its problem, named by its path in the spec (`path`.key) and the row's name.
 */
export function readFields<T extends Table>(
  table: T,
  raw: Record<string, unknown>,
  problems: string[],
  path = '',
): ValuesOf<T> {
  return mapRows(table, (row, key) => {
    const v = own(raw, key);
    if (v === undefined) return row.default;
    const problem = rowProblem(row, v);
    if (problem === undefined) return v;
    // Rows named by their path already (view.discretize) say it once.
    const at = path ? `${path}.${key}` : key;
    problems.push(row.name === at ? problem : `${at}: ${problem}`);
    return row.default;
  });
}

/** A random valid slice. Numbers land on an end of their range now and then: the ends are valid too. Text keeps its default. */
export function randomFields<T extends Table>(table: T, rng: RandomSource): ValuesOf<T> {
  return mapRows(table, (row) => {
    if (row.kind === 'boolean') return rng.next() < 0.5;
    if (row.kind === 'text') return row.default;
    if (row.kind === 'oneOf') return row.options[rng.int(row.options.length)];
    if (row.kind === 'integer') return row.min + rng.int(row.max - row.min + 1);
    const u = rng.next();
    if (u < 0.1) return row.min;
    if (u >= 0.9) return row.max;
    return Math.min(row.max, row.min + (row.max - row.min) * rng.next());
  });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object under a key of untrusted data; anything else reads as empty (all defaults), with a problem. */
export function readRecord(v: unknown, name: string, problems: string[]): Record<string, unknown> {
  if (v === undefined) return {};
  if (isRecord(v)) return v;
  problems.push(`${name} is not an object`);
  return {};
}

/** What a number input needs of a row: its label, its range, and whether it takes whole numbers only. */
export const numberControl = (row: NumberRow | IntegerRow) => ({
  label: row.label,
  min: row.min,
  max: row.max,
  integer: row.kind === 'integer',
});
