import { describe, expect, it } from 'vitest';
import {
  describeBadRows,
  describeTable,
  featureStats,
  guessChoice,
  isCsvFile,
  nextStep,
  readColumns,
  skipQuestion,
} from './csvImport';

describe('importing a CSV', () => {
  it('tells a CSV from an experiment file by extension, else by content', () => {
    expect(isCsvFile('experiment.json', 'a,b')).toBe(false);
    expect(isCsvFile('data.csv', '{')).toBe(true);
    expect(isCsvFile('DATA.TSV', '')).toBe(true);
    expect(isCsvFile('download', '  {"format": 1}')).toBe(false);
    expect(isCsvFile('download', 'x1,x2,label\n1,2,a')).toBe(true);
  });

  it('reads the header, quoted names included, and refuses a header of fewer than two columns', () => {
    expect(readColumns('a,"b,c", label\r\n1,2,3')).toEqual({ columns: ['a', 'b,c', 'label'] });
    expect(readColumns('"x","y"')).toEqual({ columns: ['x', 'y'] });
    expect(readColumns('only\n1\n2')).toHaveProperty('error');
    expect(readColumns('')).toHaveProperty('error');
  });

  it('guesses the label column by name, else the last, and classes or a number from its values', () => {
    const species = 'species,a,b\nsetosa,1,2\nvirginica,3,4';
    expect(guessChoice(species, ['species', 'a', 'b'])).toEqual({ label: 'species', target: 'classes' });
    const price = 'a,b,price\n1,2,10.5\n3,4,12.25';
    expect(guessChoice(price, ['a', 'b', 'price'])).toEqual({ label: 'price', target: 'number' });
    const digits = 'a,b,c\n1,2,0\n3,4,7\n5,6,3';
    expect(guessChoice(digits, ['a', 'b', 'c'])).toEqual({ label: 'c', target: 'classes' });
    // More than 20 distinct whole numbers: a count, not classes.
    const counts = ['a,n', ...Array.from({ length: 30 }, (_, i) => `${i},${i * 3}`)].join('\n');
    expect(guessChoice(counts, ['a', 'n']).target).toBe('number');
  });

  it('asks before skipping bad rows, and uses nothing until the user agrees', () => {
    const bad = [{ line: 4, reason: 'x2 is "abc", not a number' }];
    expect(nextStep({ refused: 'only one class' }, true)).toEqual({
      kind: 'refused',
      message: 'only one class',
    });
    expect(nextStep({ table: 't', bad }, false)).toEqual({ kind: 'bad-rows', bad, table: 't' });
    expect(nextStep({ table: 't', bad }, true)).toEqual({ kind: 'ready', table: 't', skipped: 1 });
    expect(nextStep({ table: 't', bad: [] }, false)).toEqual({ kind: 'ready', table: 't', skipped: 0 });
  });

  it('lists bad rows by line, the first few and how many more', () => {
    const bad = Array.from({ length: 10 }, (_, i) => ({ line: i + 2, reason: 'a missing cell' }));
    const lines = describeBadRows(bad, 3);
    expect(lines).toEqual([
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

  it('gives each feature its mean and population standard deviation', () => {
    const { means, stds } = featureStats(table);
    expect(means[0]).toBeCloseTo(3, 12);
    expect(means[1]).toBeCloseTo(20, 12);
    expect(stds[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(stds[1]).toBeCloseTo(Math.sqrt(200), 12);
  });

  it('says rows, features and classes, or the target range', () => {
    expect(describeTable(table)).toBe('3 rows, 2 features, 2 classes: no, yes');
    expect(describeTable({ ...table, classes: null, y: Float32Array.from([2, -1.5, 7]) })).toBe(
      '3 rows, 2 features, a numeric target from -1.500 to 7.000',
    );
  });
});
