import { describe, expect, it } from 'vitest';
import { csvColumns, MAX_CSV_FEATURES, MAX_CSV_ROWS, parseCsv, type CsvImport } from './csv';
import { sha256Hex } from './hash';

const table = (r: CsvImport) => {
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r;
};
const refused = (r: CsvImport) => {
  if (r.ok) throw new Error('not refused');
  return r.problems.join('\n');
};

describe('CSV in', () => {
  it('reads numeric features and text classes, classes in sorted order, the label column anywhere', () => {
    const r = table(
      parseCsv('a,species,b\n1,cat,2\n3,dog,4\n5.5,cat,-1e-1\n', { label: 'species', kind: 'classes' }),
    );
    expect(r.table.features).toEqual(['a', 'b']);
    expect(Array.from(r.table.x)).toEqual([1, 2, 3, 4, 5.5, -0.1].map(Math.fround));
    expect(r.table.classes).toEqual(['cat', 'dog']);
    expect(Array.from(r.table.y)).toEqual([0, 1, 0]);
    expect(r.skipped).toEqual([]);
  });

  it('orders numeric classes by value and reads a numeric target for regression', () => {
    const csv = 'x,k\n1,10\n2,9\n3,10\n4,2\n';
    expect(table(parseCsv(csv, { label: 'k', kind: 'classes' })).table.classes).toEqual(['2', '9', '10']);
    const reg = table(parseCsv(csv, { label: 'k', kind: 'number' }));
    expect(reg.table.classes).toBeNull();
    expect(Array.from(reg.table.y)).toEqual([10, 9, 10, 2]);
  });

  it('passes over empty lines, handles CRLF and quoted cells, and lists the header columns', () => {
    const r = table(parseCsv('"a b",c\r\n1,x\r\n\r\n2,y\r\n', { label: 'c', kind: 'classes' }));
    expect(r.table.features).toEqual(['a b']);
    expect(r.table.y.length).toBe(2);
    expect(csvColumns('p, q ,r\n1,2,3')).toEqual({ ok: true, columns: ['p', 'q', 'r'] });
  });

  it('skips bad rows, each named by its line in the file', () => {
    const csv = [
      'a,b,label', // 1
      '1,2,x', // 2
      '1,,x', // 3 missing
      '1,two,y', // 4 text in a number column
      '', // 5 empty: passed over
      'NaN,2,y', // 6
      '1,Infinity,y', // 7
      '1,2', // 8 too few cells
      '"1\nz",2,x', // 9 (a quoted cell spanning lines 9-10: not a number)
      '3,4,', // 11 missing label
      '5,6,y', // 12
    ].join('\n');
    const r = table(parseCsv(csv, { label: 'label', kind: 'classes' }));
    expect(r.skipped.map((s) => s.line)).toEqual([3, 4, 6, 7, 8, 9, 11]);
    expect(r.skipped[0].problem).toBe('line 3: missing value in column "b"');
    expect(r.skipped[1].problem).toBe('line 4: "two" in column "b" is not a number');
    expect(r.skipped[2].problem).toMatch(/^line 6: "NaN" in column "a"/);
    expect(r.skipped[3].problem).toMatch(/^line 7: "Infinity" in column "b"/);
    expect(r.skipped[4].problem).toBe('line 8: 2 cells where the header has 3');
    expect(r.skipped[6].problem).toBe('line 11: missing value in column "label"');
    expect(Array.from(r.table.x)).toEqual([1, 2, 5, 6]);
    expect(r.table.classes).toEqual(['x', 'y']);
  });

  it('skips a row whose numeric target is not a number', () => {
    const r = table(parseCsv('a,t\n1,2\n2,big\n3,4', { label: 't', kind: 'number' }));
    expect(r.skipped).toEqual([{ line: 3, problem: 'line 3: "big" in column "t" is not a number' }]);
  });

  it('refuses a single class, no header, no good row, a missing label column, nothing half-loaded', () => {
    expect(refused(parseCsv('a,c\n1,x\n2,x\n3,', { label: 'c', kind: 'classes' }))).toBe(
      'the label column "c" has a single class ("x"): two or more are needed',
    );
    expect(refused(parseCsv('1,2\n3,4\n', { label: '1', kind: 'classes' }))).toMatch(/line 1: .*header row/);
    expect(refused(parseCsv('a,c\nx,1\ny,2\n', { label: 'c', kind: 'classes' }))).toMatch(
      /no row of data can be used\nline 2: "x" in column "a" is not a number/,
    );
    expect(refused(parseCsv('a,c\n1,2\n', { label: 'z', kind: 'classes' }))).toMatch(/no column "z"/);
    expect(refused(parseCsv('a,a\n1,2\n', { label: 'a', kind: 'classes' }))).toMatch(/line 1: .*"a" twice/);
    expect(refused(parseCsv('\n\n', { label: 'a', kind: 'classes' }))).toMatch(/empty/);
  });

  it('refuses more than 50,000 rows or 64 features, saying the limit', () => {
    const rows = `a,c\n${'1,x\n2,y\n'.repeat(MAX_CSV_ROWS / 2)}3,x\n`;
    expect(refused(parseCsv(rows, { label: 'c', kind: 'classes' }))).toBe(
      'the file has 50,001 rows of data; at most 50,000 can be used',
    );
    expect(table(parseCsv(rows.slice(0, -4), { label: 'c', kind: 'classes' })).table.y.length).toBe(
      MAX_CSV_ROWS,
    );
    const cols = Array.from({ length: MAX_CSV_FEATURES + 1 }, (_, i) => `f${i}`);
    const wide = `${cols.join(',')},c\n${cols.map(() => 1).join(',')},x\n`;
    expect(refused(parseCsv(wide, { label: 'c', kind: 'classes' }))).toBe(
      'the file has 65 feature columns; at most 64 can be used',
    );
  });

  it('hashes the text with SHA-256 (known values)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('x,y,label\n1,2,a\n')).toBe(
      '73344175a8bf1ad86aa2a071854661c82bcf33462e3c190c7ff8e659192772e7',
    );
  });
});
