/**
 * The user's own data as the page keeps it: the CSV's text, its name and its SHA-256. A link to a CSV experiment
 * carries only the name and the hash; the page holds the text, and each load of a CSV task sends the table it
 * parses to (the spec's label column and target decide it; the same text and choice give the same table, with the
 * same rows skipped as the user consented to). The engine never parses CSV.
 */
import type { ExperimentSpec, TaskSpec } from '../experiment';
import { parseCsv, type CsvChoice, type DataTable } from '../experiment/data';

export interface UserData {
  /** The file's name, as the user gave it. */
  name: string;
  /** SHA-256 of the text (experiment/data/hash.ts). */
  hash: string;
  text: string;
}

/**
 * The task of an experiment on the user's data, as the CSV import sets it: the label column and what it holds,
 * the file's name, the rows used (after those skipped with the user's consent) and the text's hash.
 */
export function csvTask(task: TaskSpec, data: UserData, choice: CsvChoice, rows: number): TaskSpec {
  return {
    ...task,
    kind: 'csv',
    label: choice.label,
    target: choice.kind,
    dataName: data.name.slice(0, 200),
    dataRows: rows,
    dataHash: data.hash,
  };
}

const short = (hash: string) => (hash ? ` (SHA-256 ${hash.slice(0, 12)}…)` : '');

/** The table a CSV task runs on, or why there is none; no table is needed for the other tasks. */
export function userTable(
  task: TaskSpec,
  data: UserData | undefined,
): { table?: DataTable; problem?: undefined } | { problem: string; table?: undefined } {
  if (task.kind !== 'csv') return {};
  const name = task.dataName || 'a CSV file';
  if (!data || data.hash !== task.dataHash)
    return {
      problem: `This experiment uses your own data "${name}"${short(task.dataHash)}: load that CSV to run it.`,
    };
  const parsed = parseCsv(data.text, { label: task.label, kind: task.target });
  if (!parsed.ok)
    return {
      problem: `"${name}" cannot be used as this experiment reads it: ${parsed.problems.join('; ')}.`,
    };
  return { table: parsed.table };
}

/** The user's data, kept for the loads that need it (the last table parsed is kept for the next load). */
export function createUserDataHolder() {
  let data: UserData | undefined;
  let cached: { key: string; table: DataTable } | undefined;
  /**
   * A CSV experiment (a link followed in the open page) refused for want of its data while another one ran: the page
   * shows the running one again, and this one is loaded whole when its data comes. Forgotten when another
   * experiment is loaded deliberately.
   */
  let waiting: ExperimentSpec | undefined;
  return {
    /** Keeps `spec` to load when its data comes, if it is a CSV experiment whose data the page has not. */
    waitForData(spec: ExperimentSpec): void {
      if (spec.task.kind === 'csv' && data?.hash !== spec.task.dataHash) waiting = spec;
    },
    /** The CSV experiment waiting for the data of this hash; none if none. */
    waitingFor: (hash: string) => (waiting?.task.dataHash === hash ? waiting : undefined),
    forgetWaiting: () => void (waiting = undefined),
    get: () => data,
    set: (next: UserData | undefined) => {
      data = next;
      cached = undefined;
    },
    /** The table for a spec (parsed once per label choice), or why it cannot run. */
    tableFor(spec: ExperimentSpec) {
      const key = JSON.stringify([spec.task.dataHash, spec.task.label, spec.task.target]);
      if (spec.task.kind === 'csv' && cached?.key === key && data?.hash === spec.task.dataHash)
        return { table: cached.table };
      const result = userTable(spec.task, data);
      if (result.table) cached = { key, table: result.table };
      return result;
    },
  };
}
