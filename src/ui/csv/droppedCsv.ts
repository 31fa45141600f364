/**
 * The import panel's page state: whether it is open, and the CSV in it (dropped on the page, picked, or pasted).
 * The page-wide drop handler hands CSV files here. UI state only: the experiment changes when the data is used.
 */
import { create } from 'zustand';
import { MAX_FILE_BYTES, quote } from '../../experiment';
import { useAppStore } from '../appState';

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
