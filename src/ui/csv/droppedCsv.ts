/**
 * The import panel's page state: whether it is open, and the CSV in it (dropped on the page, picked, or pasted).
 * The page-wide drop handler hands CSV files here. The experiment changes only when the data is used (applyCsv).
 */
import { create } from 'zustand';
import { MAX_FILE_BYTES, quote, type TaskSpec } from '../../experiment';
import { sha256Hex } from '../../experiment/data';
import { csvTask } from '../../state/userData';
import { engine, useAppStore } from '../appState';
import type { CsvUse } from './CsvImport';

export interface CsvSource {
  /** The file's name, or "pasted text". */
  name: string;
  text: string;
}

export const useCsvImport = create<{
  shown: boolean;
  source?: CsvSource;
  open: (source?: CsvSource) => void;
  close: () => void;
}>()((set) => ({
  shown: false,
  open: (source) => set((s) => ({ shown: true, source: source ?? s.source })),
  close: () => set({ shown: false }),
}));

/** Opens a CSV in the import panel (the drop handler's way in). */
export const openCsv = (source: CsvSource) => useCsvImport.getState().open(source);

/** Reads a CSV file (dropped or uploaded) into the import panel; one too large to read in the page is refused. */
export async function openCsvFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES)
    return useAppStore
      .getState()
      .addAlert(
        `${quote(file.name)} is over ${MAX_FILE_BYTES / 1e6} MB: too large a CSV to read in the page.`,
      );
  openCsv({ name: file.name, text: await file.text() });
}

/**
 * Runs the experiment on the user's CSV: the page keeps the text (and its hash) for every load, and the spec names
 * the file, its label column and kind, the standardisation, its rows and hash (a link carries those, not the data).
 */
export async function applyCsv(use: CsvUse): Promise<void> {
  const { source, choice, table, standardise } = use;
  const data = { name: source.name, hash: await sha256Hex(source.text), text: source.text };
  // A link followed in the open page that waits for this data: its whole experiment runs on it, not the one shown.
  const link = engine.waitingFor(data.hash);
  const { task } = link ?? useAppStore.getState().spec;
  const next = { ...csvTask(task, data, choice, table.y.length), standardise };
  // The experiment already names this data as read (a link that waited for it): it only needs the data.
  const waiting = (Object.keys(next) as (keyof TaskSpec)[]).every((key) => next[key] === task[key]);
  engine.useUserData(data, { load: waiting });
  useCsvImport.getState().close();
  if (waiting) return;
  // Read otherwise than the experiment says (another label column, say): that experiment, on the data as read.
  if (link) engine.replace({ ...link, task: next });
  else useAppStore.getState().updateSpec((d) => void (d.task = next));
}
