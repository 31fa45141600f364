import { describe, expect, it } from 'vitest';
import { describeBadRows, describeTable, guessChoice, isCsvFile, nextStep, skipQuestion } from './csvImport';

describe('importing a CSV', () => {
  it('tells a CSV from an experiment file by extension, else by content', () => {
    expect(isCsvFile('experiment.json', 'a,b')).toBe(false);
    expect(isCsvFile('data.csv', '{')).toBe(true);
    expect(isCsvFile('DATA.CSV', '')).toBe(true);
    expect(isCsvFile('download', '  {"format": 1}')).toBe(false);
    expect(isCsvFile('download', 'x1,x2,label\n1,2,a')).toBe(true);
  });

  it('guesses the label column by name, else the last, and classes or a number from its values', () => {
    const species = 'species,a,b\nsetosa,1,2\nvirginica,3,4';
    expect(guessChoice(species, ['species', 'a', 'b'])).toEqual({ label: 'species', kind: 'classes' });
    const price = 'a,b,price\n1,2,10.5\n3,4,12.25';
    expect(guessChoice(price, ['a', 'b', 'price'])).toEqual({ label: 'price', kind: 'number' });
    const digits = 'a,b,c\n1,2,0\n3,4,7\n5,6,3';
    expect(guessChoice(digits, ['a', 'b', 'c'])).toEqual({ label: 'c', kind: 'classes' });
    // More than 20 distinct whole numbers: a count, not classes.
    const counts = ['a,n', ...Array.from({ length: 30 }, (_, i) => `${i},${i * 3}`)].join('\n');
    expect(guessChoice(counts, ['a', 'n']).kind).toBe('number');
  });

  it('asks before skipping bad rows, and uses nothing until the user agrees', () => {
    const table = { features: ['a'], x: new Float32Array(1), y: new Float32Array(1), classes: null };
    const skipped = [{ line: 4, problem: 'line 4: "abc" in column "x2" is not a number' }];
    expect(nextStep({ ok: false, problems: ['one class'] }, true)).toEqual({
      kind: 'refused',
      problems: ['one class'],
    });
    expect(nextStep({ ok: true, table, skipped }, false)).toEqual({ kind: 'bad-rows', skipped, table });
    expect(nextStep({ ok: true, table, skipped }, true)).toEqual({ kind: 'ready', table, skipped: 1 });
    expect(nextStep({ ok: true, table, skipped: [] }, false)).toEqual({ kind: 'ready', table, skipped: 0 });
  });

  it('lists bad rows by line, the first few and how many more', () => {
    const bad = Array.from({ length: 10 }, (_, i) => ({
      line: i + 2,
      problem: `line ${i + 2}: a missing cell`,
    }));
    expect(describeBadRows(bad, 3)).toEqual([
      'line 2: a missing cell',
      'line 3: a missing cell',
      'line 4: a missing cell',
      '… and 7 more',
    ]);
    expect(skipQuestion(1)).toBe('Skip this row?');
    expect(skipQuestion(10)).toBe('Skip these 10 rows?');
  });
});

describe('what the import shows of a table', () => {
  const table = {
    features: ['a', 'b'],
    // Rows (1, 10), (3, 10), (5, 40).
    x: Float32Array.from([1, 10, 3, 10, 5, 40]),
    y: Float32Array.from([0, 1, 1]),
    classes: ['no', 'yes'],
  };

  it('says rows, features and classes, or the target range', () => {
    expect(describeTable(table)).toBe('3 rows, 2 features, 2 classes: no, yes');
    expect(describeTable({ ...table, classes: null, y: Float32Array.from([2, -1.5, 7]) })).toBe(
      '3 rows, 2 features, a numeric target from -1.500 to 7.000',
    );
  });
});
