/**
 * The page's side of a comparison: starts it, keeps its record (state/comparison.ts) from the engine's reports, and
 * says why it stopped when something the page does cancels it — Play, a load, Reset, a restart — instead of
 * dropping it silently. The engine ends a comparison on Play and on a load by itself (worker/runner.ts).
 */
import type { ComparisonArm, ComparisonSet } from '../experiment';
import type { ComparisonProgress, ToEngine } from '../protocol';
import { comparisonRuns, type ComparisonRecord } from './comparison';
import type { AppStore } from './store';

export interface CompareRequest {
  steps: number;
  seeds: number;
  /** The models; without them the engine trains the DIAN preset `set`. */
  arms?: ComparisonArm[];
  set?: ComparisonSet;
  /** The view's kind ('ab' or a preset's name), kept with the record for its verdict. */
  kind: string;
}

export function createComparisons(store: AppStore, send: (m: ToEngine) => void, step: () => number) {
  let nextId = 1;
  const record = () => store.getState().runtime.comparison;
  const keep = (comparison: ComparisonRecord) => store.getState().setRuntime({ comparison });

  return {
    start({ steps, seeds, arms, set, kind }: CompareRequest): void {
      const id = nextId++;
      const { spec, runtime } = store.getState();
      const testPoints = (runtime.layout?.test.length ?? 0) / 3;
      const architectures = arms ? arms.map((a) => a.spec.architecture) : ['dian' as const, 'mlp' as const];
      store.getState().setRuntime({ playing: false });
      keep({ id, spec, step: step(), testPoints, architectures: [...new Set(architectures)], kind });
      send({ type: 'compare', steps, seeds, id, ...(arms ? { arms } : { set }) });
    },
    /** The page did something that ends a running comparison (the engine ends it too): says why. */
    cancel(why: string): void {
      const r = record();
      if (comparisonRuns(r)) keep({ ...r, cancelled: why });
    },
    /** A report from the engine: one of an earlier comparison, or one after the page cancelled it, is let go. */
    received(progress: ComparisonProgress): void {
      const r = record();
      if (!r || progress.id !== r.id || (r.cancelled !== undefined && !progress.cancelled)) return;
      const refused = progress.refused && `the engine could not start it: ${progress.refused}`;
      const cancelled =
        r.cancelled ?? (progress.cancelled ? (refused ?? 'the engine stopped it') : undefined);
      keep({ ...r, progress, cancelled });
    },
  };
}
