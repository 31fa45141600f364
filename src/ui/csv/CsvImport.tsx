/**
 * Your own CSV: paste it, upload it, or drop it on the page; choose the label column and whether it holds classes
 * or a number; see the bad rows by line and agree to skip them (nothing is used before); see the standardisation
 * and turn it off; then use the data. The steps' logic is in csvImport.ts.
 */
import { useId, useMemo, useRef, useState } from 'react';
import {
  csvColumns,
  MAX_CSV_FEATURES,
  MAX_CSV_ROWS,
  parseCsv,
  type CsvChoice,
  type LabelKind,
} from '../../experiment/data/csv';
import { featureStats } from '../../experiment/data/standardise';
import type { DataTable } from '../../experiment/data/table';
import { Select } from '../kit/controls';
import { helpFor } from '../kit/help';
import { describeBadRows, describeTable, guessChoice, nextStep, skipQuestion } from './csvImport';
import { openCsvFile, useCsvImport, type CsvSource } from './droppedCsv';

/** What the user chose to use: the source, the choices, and whether the features are standardised. */
export interface CsvUse {
  source: CsvSource;
  choice: CsvChoice;
  table: DataTable;
  skipped: number;
  standardise: boolean;
}

interface ImportProps {
  onUse: (use: CsvUse) => void;
}

export function CsvImport(props: ImportProps) {
  const { source, open } = useCsvImport();
  const [pasted, setPasted] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const pasteId = useId();

  return (
    <section className="csv-import" aria-labelledby="csv-title" data-testid="csv-import">
      <h3 id="csv-title">Your CSV</h3>
      <p className="hint">
        A header row, numeric feature columns and a label column (classes or a number); up to{' '}
        {MAX_CSV_ROWS.toLocaleString('en')} rows and {MAX_CSV_FEATURES} features. Drop a .csv file anywhere on
        the page, upload one, or paste it here.
      </p>
      <label htmlFor={pasteId}>Paste a CSV</label>
      <textarea
        id={pasteId}
        title="Paste the CSV's text here (a header row first), then Read pasted CSV"
        rows={4}
        spellCheck={false}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
      />
      <div className="buttons">
        <button
          type="button"
          disabled={pasted.trim() === ''}
          title="Read the CSV text pasted above"
          onClick={() => open({ name: 'pasted text', text: pasted })}
        >
          Read pasted CSV
        </button>
        <button
          type="button"
          onClick={() => fileRef.current?.click()}
          title="Choose a CSV file from this computer (it stays in the page)"
        >
          Upload CSV
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          hidden
          aria-label="CSV file to upload"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openCsvFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {source && <CsvColumns key={`${source.name}:${source.text.length}`} {...props} source={source} />}
    </section>
  );
}

/** The columns of one CSV, the user's choices about them, and what the parser made of it. */
function CsvColumns(props: ImportProps & { source: CsvSource }) {
  const { source } = props;
  const [standardise, setStandardise] = useState(true);
  const header = useMemo(() => csvColumns(source.text), [source.text]);
  const [choice, setChoice] = useState<CsvChoice | undefined>(() =>
    header.ok ? guessChoice(source.text, header.columns) : undefined,
  );
  const [consent, setConsent] = useState(false);
  const parsed = useMemo(() => choice && parseCsv(source.text, choice), [source.text, choice]);
  if (!header.ok)
    return (
      <p role="alert" className="field-error" data-testid="csv-problem">
        {source.name} cannot be used: {header.problems.join('; ')}.
      </p>
    );
  if (!choice || !parsed) return null;
  const step = nextStep(parsed, consent);
  const choose = (next: CsvChoice) => {
    setChoice(next);
    setConsent(false);
  };

  return (
    <div className="csv-columns">
      <p>
        <strong>{source.name}</strong>: columns {header.columns.join(', ')}
      </p>
      <Select
        label="Label column"
        value={choice.label}
        options={header.columns}
        onChange={(label) => choose({ ...choice, label })}
      />
      <fieldset className="target-kind">
        <legend>The label holds</legend>
        {(
          [
            ['classes', 'classes (names or whole numbers)'],
            ['number', 'a number (regression)'],
          ] as [LabelKind, string][]
        ).map(([kind, text]) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              title="Read the label column as classes or as a number to predict"
              name="csv-label-kind"
              checked={choice.kind === kind}
              onChange={() => choose({ ...choice, kind })}
            />
            {text}
          </label>
        ))}
      </fieldset>
      {step.kind === 'refused' && (
        <p role="alert" className="field-error" data-testid="csv-problem">
          {source.name} cannot be used: {step.problems.join('; ')}.
        </p>
      )}
      {step.kind === 'bad-rows' && (
        <div role="alert" className="csv-bad-rows" data-testid="csv-problem">
          <p>
            {step.skipped.length} row{step.skipped.length === 1 ? '' : 's'} cannot be used:
          </p>
          <ul>
            {describeBadRows(step.skipped).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>{skipQuestion(step.skipped.length)} Nothing is loaded until you say.</p>
          <button type="button" onClick={() => setConsent(true)} title="Train without the rows listed above">
            Skip {step.skipped.length === 1 ? 'it' : 'them'}
          </button>
        </div>
      )}
      {step.kind === 'ready' && (
        <Ready
          table={step.table}
          skipped={step.skipped}
          standardise={standardise}
          onStandardise={setStandardise}
          onUse={() => props.onUse({ source, choice, table: step.table, skipped: step.skipped, standardise })}
        />
      )}
    </div>
  );
}

const fmt = (v: number) =>
  v !== 0 && (Math.abs(v) >= 1000 || Math.abs(v) < 0.01) ? v.toExponential(2) : v.toFixed(3);

function Ready(props: {
  table: DataTable;
  skipped: number;
  standardise: boolean;
  onStandardise: (on: boolean) => void;
  onUse: () => void;
}) {
  const { table, skipped, standardise } = props;
  const { means, stds } = useMemo(() => featureStats(table), [table]);
  return (
    <div className="csv-ready">
      <p data-testid="csv-summary">
        {describeTable(table)}
        {skipped > 0 && ` (${skipped} bad row${skipped === 1 ? '' : 's'} skipped)`}.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          title={helpFor('Standardise inputs')}
          checked={standardise}
          onChange={(e) => props.onStandardise(e.target.checked)}
        />
        Standardise features (subtract each mean, divide by each standard deviation)
      </label>
      <table className="csv-stats" aria-label="Standardisation of each feature">
        <thead>
          <tr>
            <th scope="col">feature</th>
            <th scope="col">mean</th>
            <th scope="col">std</th>
          </tr>
        </thead>
        <tbody>
          {table.features.map((f, j) => (
            <tr key={f}>
              <th scope="row">{f}</th>
              <td>{fmt(means[j])}</td>
              <td>{stds[j] > 0 ? fmt(stds[j]) : '0 (constant: left as it is)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="play" onClick={props.onUse} title="Load this table as the task">
        Use this data
      </button>
    </div>
  );
}
