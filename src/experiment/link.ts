/**
 * Share links: the whole experiment in the URL hash, `#v=<schema version>&s=<lz-string JSON>`, optionally with
 * `&w=<lz-string JSON of { step, weights, state }>` (state: the optimizer's and the batch order's, for an exact
 * continuation; links made before it have none). Decoding never throws and never evaluates anything, and is
 * bounded (limits.ts): a bad link gives a clear problem and the defaults (or every part of it that was valid).
 */
import LZString from 'lz-string';
import { checkChecksum, withChecksum } from './checksum';
import { defaultSpec } from './defaults';
import { isRecord } from './fields';
import { MAX_DECODED_CHARS, MAX_LINK_LENGTH, quote } from './limits';
import { inflateBounded } from './lzBounded';
import { migrate } from './migrations';
import { SCHEMA_VERSION, type ExperimentSpec } from './spec';
import { readTrained, type Trained } from './trained';
import { validateSpec } from './validate';

export { MAX_LINK_LENGTH, SHAREABLE_LINK_LENGTH } from './limits';
export type { Trained } from './trained';

/** The parts a link has: the schema version, the spec, the trained weights. */
const LINK_PARTS = ['v', 's', 'w', 'c'];

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
  return withChecksum(`#v=${SCHEMA_VERSION}&s=${s}${w}`);
}

/**
 * Fields added to schema 1 after it was published, with their defaults: a link writes one only when it differs,
 * so links made before it keep their text (and decode to the default, which means what those links meant).
 */
export const ADDED_FIELDS = {
  live: { fidelity: 'readme' },
  dian: { counting: 'from1', init: 'glorot' },
  task: { label: '', target: 'classes', standardise: true, dataName: '', dataRows: 0, dataHash: '' },
  view: { plane: 'inputs', planeX: 0, planeY: 1 },
} as const;

const withoutDefaults = <T extends object>(slice: T, added: Partial<Record<keyof T, unknown>>): T => {
  const out = { ...slice };
  for (const key of Object.keys(added) as (keyof T)[]) if (out[key] === added[key]) delete out[key];
  return out;
};

/** The key order links have always had, so that the same experiment gives the same link text as before. */
function inLinkOrder(spec: ExperimentSpec): ExperimentSpec {
  const { version, architecture, seed, backend, training, speed, mlp, wormhole } = spec;
  const live = withoutDefaults(spec.live, ADDED_FIELDS.live);
  const dian = withoutDefaults(spec.dian, ADDED_FIELDS.dian);
  const view = withoutDefaults(spec.view, ADDED_FIELDS.view);
  const { kind, noise, trainRatio, numSamples, features, length, ...data } = spec.task;
  const ordered = {
    kind,
    noise,
    trainRatio,
    numSamples,
    features,
    length,
    ...withoutDefaults(data, ADDED_FIELDS.task),
  };
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

/** A compressed part of a link, within what is left of the budget of decoded characters. */
function inflatePart(text: string, budget: number): { json: string } | { problem: string; tooLarge?: true } {
  const inflated = inflateBounded(text, budget);
  if (inflated.problem === 'too large')
    return {
      problem: `the link expands to more than ${MAX_DECODED_CHARS.toLocaleString('en')} characters`,
      tooLarge: true,
    };
  // Characters after the end of the stream are none of lz-string's: the link was damaged.
  if (inflated.problem || inflated.unread > 0) return { problem: 'the link is truncated or damaged' };
  return { json: inflated.text };
}

const parseJson = (json: string): { data: unknown } | undefined => {
  try {
    return { data: JSON.parse(json) as unknown };
  } catch {
    return undefined;
  }
};

/** Parts that are not the link's, given twice or after the checksum: a sign of a damaged link (the weights' `&w=` cut, say). */
function partProblems(query: string): string[] {
  const keys = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => part.split('=')[0]);
  const checksumAt = keys.indexOf('c');
  const odd = keys.filter(
    (k, i) => !LINK_PARTS.includes(k) || keys.indexOf(k) !== i || (checksumAt >= 0 && i > checksumAt),
  );
  return odd.length === 0
    ? []
    : [
        `the link has parts it should not (${odd
          .slice(0, 3)
          .map((k) => `"${quote(k)}"`)
          .join(', ')}): it may be damaged`,
      ];
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
    const part = inflatePart(s ?? '', MAX_DECODED_CHARS);
    if ('problem' in part) return fallback(part.problem);
    const parsed = parseJson(part.json);
    if (!parsed) return fallback('the link does not hold valid experiment data');
    if (!isRecord(parsed.data))
      return fallback('the link does not hold an experiment (its content is not an object)');
    const query = hash.replace(/^#/, '');
    const problems = partProblems(query);
    if (checkChecksum(query) === 'differs')
      problems.push(
        'the link was changed after it was made (its checksum does not match): check what it loaded',
      );
    const said = parsed.data.version;
    if (said !== undefined && said !== version)
      problems.push(
        `version: the link says schema ${version} and its content ${quote(String(said))}: it may be damaged`,
      );
    const migrated = migrate(parsed.data, version);
    if (migrated.problem !== undefined) return fallback(migrated.problem);
    const validated = validateSpec(migrated.data);
    problems.push(...validated.problems);
    const trained = decodeTrained(params.get('w'), MAX_DECODED_CHARS - part.json.length, problems);
    if (trained === 'too large')
      return fallback(
        `the link's weights expand to more than ${MAX_DECODED_CHARS.toLocaleString('en')} characters`,
      );
    return { spec: validated.spec, trained, problems };
  } catch (e) {
    return fallback(
      `the link could not be read (${e instanceof Error ? quote(e.message) : 'unknown error'})`,
    );
  }
}

/** The weights part: undefined (and a problem) when damaged, 'too large' when over the budget left. */
function decodeTrained(
  w: string | null,
  budget: number,
  problems: string[],
): Trained | 'too large' | undefined {
  if (w === null) return undefined;
  const part = inflatePart(w, budget);
  if ('tooLarge' in part) return 'too large';
  const why: string[] = [];
  const parsed = 'json' in part ? parseJson(part.json) : undefined;
  const trained = parsed ? readTrained(parsed.data, why) : undefined;
  if (!trained)
    problems.push(
      `the trained weights in the link are damaged${why.length > 0 ? ` (${why.join('; ')})` : ''}; the network starts fresh`,
    );
  return trained;
}
