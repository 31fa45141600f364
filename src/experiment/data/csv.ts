/**
 * A CSV file read into a DataTable (no DOM; d3-dsv parses). A header row names the columns; the caller picks the
 * label column and whether it holds classes (text or numbers, each distinct value a class) or a numeric target;
 * every other column is a numeric feature. Rows that cannot be used (missing cells, text or NaN/Infinity where a
 * number is needed, a wrong number of cells) are listed with their line in the file, and the table is made of the
 * others: the caller asks the user before using it. Empty lines are passed over. Anything that makes the whole file
 * unusable (no header, over the limits, a single class, no good row) refuses it: never half a table.
 */
import { csvParseRows } from 'd3-dsv';
import type { DataTable } from './table';

export const MAX_CSV_ROWS = 50_000;
export const MAX_CSV_FEATURES = 64;
export const MAX_CSV_CLASSES = 50;

export type LabelKind = 'classes' | 'number';
export interface CsvChoice {
  /** The label column's name in the header. */
  label: string;
  kind: LabelKind;
}
/** A row left out, by its line in the file (1-based; the header is line 1). */
export interface SkippedRow {
  line: number;
  problem: string;
}
export type CsvImport =
  { ok: true; table: DataTable; skipped: SkippedRow[] } | { ok: false; problems: string[] };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const quote = (s: string) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
const isBlank = (row: string[]) => row.length === 1 && row[0].trim() === '';

interface Rows {
  header: string[];
  /** The data rows with their first line in the file. */
  rows: { line: number; cells: string[] }[];
}

/** The header and the data rows with their line numbers (a quoted cell may span lines), or why not. */
function readRows(text: string): Rows | { problems: string[] } {
  const parsed = csvParseRows(text);
  let line = 1;
  const numbered = parsed.map((cells) => {
    const at = line;
    line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    return { line: at, cells };
  });
  const first = numbered.findIndex((r) => !isBlank(r.cells));
  if (first < 0)
    return { problems: ['the file is empty: a header row and at least one row of data are needed'] };
  const header = numbered[first].cells.map((c) => c.trim());
  const problems: string[] = [];
  if (header.some((c) => c === ''))
    problems.push(`line ${numbered[first].line}: the header has an empty column name`);
  const dup = header.find((c, i) => c !== '' && header.indexOf(c) !== i);
  if (dup !== undefined)
    problems.push(`line ${numbered[first].line}: the header names column ${quote(dup)} twice`);
  if (header.every((c) => NUMBER.test(c)))
    problems.push(
      `line ${numbered[first].line}: the first row is all numbers; a header row naming the columns is needed`,
    );
  if (problems.length > 0) return { problems };
  return { header, rows: numbered.slice(first + 1).filter((r) => !isBlank(r.cells)) };
}

/** The columns of a CSV's header, for choosing the label column; or why the file cannot be read. */
export function csvColumns(
  text: string,
): { ok: true; columns: string[] } | { ok: false; problems: string[] } {
  const read = readRows(text);
  return 'problems' in read ? { ok: false, problems: read.problems } : { ok: true, columns: read.header };
}

/** Why a cell is not a usable number, or undefined when it is one. */
function numberProblem(cell: string, column: string): string | undefined {
  const c = cell.trim();
  if (c === '') return `missing value in column ${quote(column)}`;
  if (!NUMBER.test(c)) return `${quote(c)} in column ${quote(column)} is not a number`;
  return Number.isFinite(Number(c)) ? undefined : `${quote(c)} in column ${quote(column)} is too large`;
}

/** Classes in a stable order: numerically when all are numbers, else as text. */
function classOrder(values: Set<string>): string[] {
  const all = [...values];
  if (all.every((v) => NUMBER.test(v))) return all.sort((a, b) => Number(a) - Number(b));
  return all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function parseCsv(text: string, choice: CsvChoice): CsvImport {
  const read = readRows(text);
  if ('problems' in read) return { ok: false, problems: read.problems };
  const { header, rows } = read;
  const labelAt = header.indexOf(choice.label);
  if (labelAt < 0)
    return { ok: false, problems: [`there is no column ${quote(choice.label)} to take the label from`] };
  const features = header.filter((_, i) => i !== labelAt);
  const refuse = (problem: string): CsvImport => ({ ok: false, problems: [problem] });
  if (features.length === 0) return refuse('there is no feature column besides the label');
  if (features.length > MAX_CSV_FEATURES)
    return refuse(`the file has ${features.length} feature columns; at most ${MAX_CSV_FEATURES} can be used`);
  if (rows.length > MAX_CSV_ROWS)
    return refuse(
      `the file has ${rows.length.toLocaleString('en')} rows of data; at most 50,000 can be used`,
    );

  const skipped: SkippedRow[] = [];
  const good: { values: number[]; label: string }[] = [];
  for (const { line, cells } of rows) {
    if (cells.length !== header.length) {
      skipped.push({
        line,
        problem: `line ${line}: ${cells.length} cells where the header has ${header.length}`,
      });
      continue;
    }
    const problem = cells
      .map((c, i) => (i === labelAt && choice.kind === 'classes' ? undefined : numberProblem(c, header[i])))
      .find((p) => p !== undefined);
    const label = cells[labelAt].trim();
    const labelMissing =
      choice.kind === 'classes' && label === ''
        ? `missing value in column ${quote(choice.label)}`
        : undefined;
    const why = problem ?? labelMissing;
    if (why) skipped.push({ line, problem: `line ${line}: ${why}` });
    else good.push({ values: cells.filter((_, i) => i !== labelAt).map((c) => Number(c.trim())), label });
  }
  if (good.length === 0)
    return {
      ok: false,
      problems: ['no row of data can be used', ...skipped.slice(0, 20).map((s) => s.problem)],
    };

  let classes: string[] | null = null;
  if (choice.kind === 'classes') {
    classes = classOrder(new Set(good.map((g) => g.label)));
    if (classes.length < 2)
      return refuse(
        `the label column ${quote(choice.label)} has a single class (${quote(classes[0])}): two or more are needed`,
      );
    if (classes.length > MAX_CSV_CLASSES)
      return refuse(
        `the label column ${quote(choice.label)} has ${classes.length} classes; at most ${MAX_CSV_CLASSES} (or read it as a number)`,
      );
  }
  const index = new Map(classes?.map((c, i) => [c, i]));
  const x = new Float32Array(good.length * features.length);
  good.forEach((g, r) => x.set(g.values, r * features.length));
  const y = Float32Array.from(good, (g) => (classes ? index.get(g.label)! : Number(g.label)));
  return { ok: true, table: { features, x, y, classes }, skipped };
}
