/**
 * The steps of importing a CSV, apart from the page: tell a CSV from an experiment file, read its columns, guess
 * the label column and whether it holds classes or a number, and turn the parser's answer
 * (src/experiment/data/csv.ts) into what the user is asked next: refused; bad rows to skip with consent; ready.
 */
import * as d3 from 'd3';
import type { CsvChoice, CsvImport, SkippedRow } from '../../experiment/data/csv';
import type { DataTable } from '../../experiment/data/table';

/** What the user is asked next about a parsed CSV. */
export type ImportStep =
  | { kind: 'refused'; problems: string[] }
  | { kind: 'bad-rows'; skipped: SkippedRow[]; table: DataTable }
  | { kind: 'ready'; table: DataTable; skipped: number };

/** Dropped or picked files: an experiment file (JSON, .json) or a CSV (.csv, .txt, or text that is not JSON). */
export function isCsvFile(name: string, firstText: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'json') return false;
  if (extension === 'csv' || extension === 'txt') return true;
  return !/^\s*[[{]/.test(firstText);
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
    .csvParseRows(text.split('\n', 201).join('\n'))
    .slice(1)
    .map((row) => (row[index] ?? '').trim())
    .filter((v) => v !== '');
  const numbers = values.map(Number);
  const wholeFew =
    numbers.every((v) => Number.isInteger(v)) && new Set(numbers).size <= 20 && values.length > 0;
  return { label, kind: numbers.some((v) => Number.isNaN(v)) || wholeFew ? 'classes' : 'number' };
}

/**
 * The next step from what the parser answered: a refusal stands; bad rows wait for the user's consent (nothing is
 * used before it); given it, or with no bad rows, the table is ready.
 */
export function nextStep(parsed: CsvImport, consent: boolean): ImportStep {
  if (!parsed.ok) return { kind: 'refused', problems: parsed.problems };
  if (parsed.skipped.length > 0 && !consent)
    return { kind: 'bad-rows', skipped: parsed.skipped, table: parsed.table };
  return { kind: 'ready', table: parsed.table, skipped: parsed.skipped.length };
}

/** Bad rows in words (each names its line), the first `shown` of them, then how many more. */
export function describeBadRows(skipped: readonly SkippedRow[], shown = 8): string[] {
  const lines = skipped.slice(0, shown).map((b) => b.problem);
  if (skipped.length > shown) lines.push(`… and ${skipped.length - shown} more`);
  return lines;
}

/** "Skip these N rows?", in the singular for one. */
export const skipQuestion = (n: number) => `Skip ${n === 1 ? 'this row' : `these ${n} rows`}?`;

/** One sentence about a table: rows, features, and its classes or the target's range. */
export function describeTable(table: DataTable): string {
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
