/**
 * The steps of importing a CSV, apart from the page: tell a CSV from an experiment file, read its columns, guess
 * the label column and whether it holds classes or a number, and turn the parser's answer into what the user is
 * asked next (refused; bad rows to skip with consent; ready, with the standardisation to show).
 */
import * as d3 from 'd3';

export type TargetKind = 'classes' | 'number';

/** The user's choices about a CSV's columns. */
export interface CsvChoice {
  label: string;
  target: TargetKind;
}

/** A row the parser could not use, by its line in the file (the header is line 1). */
export interface BadRow {
  line: number;
  reason: string;
}

/** What the user is asked next about a parsed CSV. */
export type ImportStep<T> =
  | { kind: 'refused'; message: string }
  | { kind: 'bad-rows'; bad: BadRow[]; table: T }
  | { kind: 'ready'; table: T; skipped: number };

/** Dropped or picked files: an experiment file (JSON, .json) or a CSV (.csv, .tsv, .txt, or text that is not JSON). */
export function isCsvFile(name: string, firstText: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'json') return false;
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return true;
  return !/^\s*[[{]/.test(firstText);
}

/** The header row's column names (the first line of the text), or why there are none. */
export function readColumns(text: string): { columns: string[] } | { error: string } {
  const header = d3.csvParseRows(text.slice(0, text.search(/\r?\n|$/)))[0] ?? [];
  const columns = header.map((c) => c.trim());
  if (columns.length < 2 || columns.every((c) => c === ''))
    return { error: 'the first line must be a header naming at least two columns (features and a label)' };
  return { columns };
}

const LABEL_NAMES = /^(label|class|target|y|species|digit|category|outcome)$/i;

/**
 * A first guess of the user's choices: a column named like a label, else the last one; classes when its values
 * (in the first 200 rows) are not all numbers or are at most 20 distinct whole numbers, else a number.
 */
export function guessChoice(text: string, columns: readonly string[]): CsvChoice {
  const label = columns.find((c) => LABEL_NAMES.test(c)) ?? columns[columns.length - 1];
  const index = columns.indexOf(label);
  const values = d3
    .csvParseRows(text)
    .slice(1, 201)
    .map((row) => (row[index] ?? '').trim())
    .filter((v) => v !== '');
  const numbers = values.map(Number);
  const wholeFew =
    numbers.every((v) => Number.isInteger(v)) && new Set(numbers).size <= 20 && values.length > 0;
  return { label, target: numbers.some((v) => Number.isNaN(v)) || wholeFew ? 'classes' : 'number' };
}

/**
 * The next step from what the parser answered: a refusal stands; bad rows wait for the user's consent (nothing is
 * used before it); given it, or with no bad rows, the table is ready.
 */
export function nextStep<T>(
  parsed: { refused: string } | { table: T; bad: BadRow[] },
  consent: boolean,
): ImportStep<T> {
  if ('refused' in parsed) return { kind: 'refused', message: parsed.refused };
  if (parsed.bad.length > 0 && !consent) return { kind: 'bad-rows', bad: parsed.bad, table: parsed.table };
  return { kind: 'ready', table: parsed.table, skipped: parsed.bad.length };
}

/** Bad rows in words, the first `shown` of them one per line, then how many more. */
export function describeBadRows(bad: readonly BadRow[], shown = 8): string[] {
  const lines = bad.slice(0, shown).map((b) => `line ${b.line}: ${b.reason}`);
  if (bad.length > shown) lines.push(`… and ${bad.length - shown} more`);
  return lines;
}

/** "Skip these N rows?", in the singular for one. */
export const skipQuestion = (n: number) => `Skip ${n === 1 ? 'this row' : `these ${n} rows`}?`;

/** What the import shows of a parsed table (src/experiment/data's DataTable has these fields). */
export interface ParsedTable {
  features: string[];
  /** Row-major features. */
  x: Float32Array;
  /** Class index or target per row. */
  y: Float32Array;
  classes: string[] | null;
}

/** Each feature's mean and standard deviation (population), as standardising uses them. */
export function featureStats(table: ParsedTable): { means: number[]; stds: number[] } {
  const d = table.features.length;
  const n = table.y.length;
  const means = new Array<number>(d).fill(0);
  const squares = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      means[j] += table.x[i * d + j] / n;
    }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) squares[j] += (table.x[i * d + j] - means[j]) ** 2 / n;
  return { means, stds: squares.map(Math.sqrt) };
}

/** One sentence about a table: rows, features, and its classes or the target's range. */
export function describeTable(table: ParsedTable): string {
  const rows = `${table.y.length} rows, ${table.features.length} features`;
  if (table.classes) {
    const names = table.classes.length <= 10 ? `: ${table.classes.join(', ')}` : '';
    return `${rows}, ${table.classes.length} classes${names}`;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of table.y) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return `${rows}, a numeric target from ${lo.toPrecision(4)} to ${hi.toPrecision(4)}`;
}
