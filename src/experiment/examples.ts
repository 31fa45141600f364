/**
 * The Examples gallery: curated experiments, each a share link with one line on what to look for. Every
 * architecture brings its own (arch/<architecture>/examples.ts). An example is recognised in any spec that differs
 * from it only in how it is shown (speed, view, backend): a shared example link shows its caption too.
 */
import { DIAN_EXAMPLES } from './arch/dian/examples';
import { LIVE_EXAMPLES, liveExampleSpec } from './arch/live/examples';
import { MLP_EXAMPLES } from './arch/mlp/examples';
import { WORMHOLE_EXAMPLES } from './arch/wormhole/examples';
import type { Architecture, ExperimentSpec } from './spec';

export interface Example {
  /** Stable: used in tests and as the list item's test id. */
  id: string;
  architecture: Architecture;
  title: string;
  /** One line: what the example shows, and how soon. */
  lookFor: string;
  spec: ExperimentSpec;
}

const LIVE: Example[] = Object.entries(LIVE_EXAMPLES).map(([key, example]) => ({
  id: `live-${key}`,
  architecture: 'live',
  title: example.name,
  lookFor: example.caption,
  spec: liveExampleSpec(example),
}));

export const EXAMPLES: readonly Example[] = [
  ...MLP_EXAMPLES,
  ...DIAN_EXAMPLES,
  ...LIVE,
  ...WORMHOLE_EXAMPLES,
];

/** The spec without what only changes how it is shown or where it runs. */
const experimentOf = (spec: ExperimentSpec): string => {
  const rest: Partial<ExperimentSpec> = { ...spec };
  delete rest.speed;
  delete rest.view;
  delete rest.backend;
  return JSON.stringify(rest, Object.keys(flatKeys(rest)).sort());
};

/** Every key at every depth, for a key order that does not depend on how the spec was built. */
function flatKeys(value: unknown, keys: Record<string, true> = {}): Record<string, true> {
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      keys[k] = true;
      flatKeys(v, keys);
    }
  return keys;
}

const known = new Map(EXAMPLES.map((example) => [experimentOf(example.spec), example]));

/** The example this spec is (whatever its speed, view and backend), if any. */
export const exampleOf = (spec: ExperimentSpec): Example | undefined => known.get(experimentOf(spec));
