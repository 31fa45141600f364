/** How "auto" reports its measured choice: "auto: wasm — wasm 210k steps/s, cpu 190k steps/s". */
import type { BackendRate } from '../protocol';

/** A rate as people read it: 210k, 4.5k, 830. */
export function formatRate(stepsPerSecond: number): string {
  if (stepsPerSecond >= 9999.5) return `${Math.round(stepsPerSecond / 1000)}k`;
  if (stepsPerSecond >= 999.5) return `${(stepsPerSecond / 1000).toFixed(1)}k`;
  return String(Math.round(stepsPerSecond));
}

/** The backend "auto" runs on and every rate it measured, fastest first (the engine sends them so). */
export function describeMeasuredChoice(backend: string, rates: BackendRate[]): string {
  const measured = rates.map((r) => `${r.backend} ${formatRate(r.stepsPerSecond)} steps/s`).join(', ');
  return `auto: ${backend} — ${measured}`;
}
