/**
 * The import panel's page state: whether it is open, and the CSV in it (dropped on the page, picked, or pasted).
 * The page-wide drop handler hands CSV files here. UI state only: the experiment changes when the data is used.
 */
import { create } from 'zustand';

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
