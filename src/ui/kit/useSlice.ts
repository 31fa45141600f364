import type { ArchitectureSpecs } from '../../experiment';
import { useAppStore } from '../appState';

/** An architecture's slice of the spec, and a setter per field of it (each change goes through the store). */
export function useSlice<A extends keyof ArchitectureSpecs>(architecture: A) {
  const slice = useAppStore((s) => s.spec[architecture]);
  const updateSpec = useAppStore((s) => s.updateSpec);
  const set =
    <K extends keyof ArchitectureSpecs[A]>(key: K) =>
    (value: ArchitectureSpecs[A][K]) =>
      updateSpec((d) => {
        const draft: ArchitectureSpecs = d;
        draft[architecture][key] = value;
      });
  return [slice, set] as const;
}
