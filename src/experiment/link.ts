/**
 * Share links: the whole experiment in the URL hash, `#v=<schema version>&s=<lz-string JSON>`, optionally with
 * `&w=<lz-string JSON of { step, weights, state }>` (state: the optimizer's and the batch order's, for an exact
 * continuation; links made before it have none). Decoding never throws and never evaluates anything: a bad link
 * gives a clear problem and the defaults (or every part of it that was valid).
 */
import LZString from 'lz-string';
import { defaultSpec } from './defaults';
import { migrate } from './migrations';
import { SCHEMA_VERSION, type ExperimentSpec, type WeightMap } from './spec';
import { checkTrainingState, type TrainingState } from './trainingState';
import { validateSpec } from './validate';

/** Longer hashes are refused unread. */
export const MAX_LINK_LENGTH = 500_000;
/** Links longer than this are hard to share (chat apps, mail clients and some browsers cut them). */
export const SHAREABLE_LINK_LENGTH = 8_000;

export interface Trained {
  step: number;
  weights: WeightMap;
  /** What training goes on from: the optimizer's state and the batch order (absent in older links and files). */
  state?: TrainingState;
}

export interface DecodedLink {
  spec: ExperimentSpec;
  trained?: Trained;
  /** Why the link could not be used as it was (empty when it was fine). */
  problems: string[];
  /** True when nothing of the link could be used: `spec` is then just the defaults. */
  unusable?: boolean;
}

export function encodeLink(spec: ExperimentSpec, trained?: Trained): string {
  const s = LZString.compressToEncodedURIComponent(JSON.stringify(inLinkOrder(spec)));
  const w = trained ? `&w=${LZString.compressToEncodedURIComponent(JSON.stringify(trained))}` : '';
  return `#v=${SCHEMA_VERSION}&s=${s}${w}`;
}

/**
 * Fields added to schema 1 after it was published, with their defaults: a link writes one only when it differs,
 * so links made before it keep their text (and decode to the default, which means what those links meant).
 */
export const ADDED_FIELDS = {
  live: { fidelity: 'readme' },
  dian: { counting: 'from1', init: 'glorot' },
} as const;

const withoutDefaults = <T extends object>(slice: T, added: Partial<Record<keyof T, unknown>>): T => {
  const out = { ...slice };
  for (const key of Object.keys(added) as (keyof T)[]) if (out[key] === added[key]) delete out[key];
  return out;
};

/** The key order links have always had, so that the same experiment gives the same link text as before. */
function inLinkOrder(spec: ExperimentSpec): ExperimentSpec {
  const { version, architecture, seed, backend, task, training, speed, view, mlp, wormhole } = spec;
  const live = withoutDefaults(spec.live, ADDED_FIELDS.live);
  const dian = withoutDefaults(spec.dian, ADDED_FIELDS.dian);
  const { kind, noise, trainRatio, numSamples, features, length } = task;
  const ordered = { kind, noise, trainRatio, numSamples, features, length };
  return {
    version,
    architecture,
    seed,
    backend,
    task: ordered,
    training,
    mlp,
    dian,
    live,
    wormhole,
    speed,
    view,
  };
}

/** An empty hash is no link at all: the defaults, with nothing to report. */
export function decodeLink(hash: string): DecodedLink {
  const fallback = (problem: string): DecodedLink => ({
    spec: defaultSpec(),
    problems: [problem],
    unusable: true,
  });
  try {
    if (typeof hash !== 'string') return fallback('the link is not text');
    if (hash.length > MAX_LINK_LENGTH)
      return fallback(`the link is too long (over ${MAX_LINK_LENGTH} characters)`);
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const v = params.get('v');
    const s = params.get('s');
    if (v === null && s === null) {
      return hash.replace(/^#/, '')
        ? fallback('the link is not a playground link')
        : { spec: defaultSpec(), problems: [] };
    }
    const version = Number(v);
    if (!Number.isInteger(version) || version < 1) return fallback('the link has no valid schema version');
    if (version > SCHEMA_VERSION)
      return fallback(`the link was made by a newer version of the playground (schema ${version})`);
    const json = s ? LZString.decompressFromEncodedURIComponent(s) : null;
    if (!json) return fallback('the link is truncated or damaged');
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      return fallback('the link does not hold valid experiment data');
    }
    const migrated = migrate(data, version);
    if (migrated.problem !== undefined) return fallback(migrated.problem);
    const { spec, problems } = validateSpec(migrated.data);
    const trained = decodeTrained(params.get('w'), problems);
    return { spec, trained, problems };
  } catch (e) {
    return fallback(`the link could not be read (${e instanceof Error ? e.message : 'unknown error'})`);
  }
}

function decodeTrained(w: string | null, problems: string[]): Trained | undefined {
  if (w === null) return undefined;
  const json = LZString.decompressFromEncodedURIComponent(w);
  let data: unknown;
  try {
    data = json ? JSON.parse(json) : undefined;
  } catch {
    data = undefined;
  }
  const trained = checkTrained(data);
  if (!trained) problems.push('the trained weights in the link are damaged; the network starts fresh');
  return trained;
}

/** Untrusted { step, weights, state? } (from a link or a file) as plain numbers, or undefined when malformed. */
export function checkTrained(data: unknown): Trained | undefined {
  const t = data as Trained | undefined;
  const ok =
    t !== null &&
    typeof t === 'object' &&
    Number.isInteger(t.step) &&
    t.step >= 0 &&
    typeof t.weights === 'object' &&
    t.weights !== null &&
    Object.values(t.weights).every(
      (x) =>
        x &&
        Array.isArray(x.shape) &&
        Array.isArray(x.values) &&
        x.values.every((v) => typeof v === 'number' && Number.isFinite(v)),
    );
  if (!ok) return undefined;
  if (t.state === undefined) return { step: t.step, weights: t.weights };
  const state = checkTrainingState(t.state);
  return state ? { step: t.step, weights: t.weights, state } : undefined;
}
