/** How numbers read in the UI: '–' for "none yet" (NaN). */
export const fmt = (v: number) => (Number.isNaN(v) ? '–' : Number.isFinite(v) ? v.toFixed(3) : String(v));
export const pct = (v: number) => (Number.isNaN(v) ? '–' : `${(v * 100).toFixed(1)}%`);
