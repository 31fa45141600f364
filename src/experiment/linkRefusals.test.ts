import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { applyLiveEdit } from './arch/live/edits';
import { checksumOf, withChecksum } from './checksum';
import { defaultSpec } from './defaults';
import { MAX_STEP } from './limits';
import { decodeLink, encodeLink } from './link';
import { SCHEMA_VERSION } from './kinds';
import { lzBomb } from './testing/bomb';
import { PROTOTYPE_NAMES } from './testing/hostile';
import { validateSpec } from './validate';

const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data));
const linkOf = (spec: unknown, trained?: unknown) =>
  `#v=${SCHEMA_VERSION}&s=${pack(spec)}${trained === undefined ? '' : `&w=${pack(trained)}`}`;
const withLive = (live: Record<string, unknown>) => ({
  ...defaultSpec('live'),
  live: { ...defaultSpec('live').live, ...live },
});

describe('links refused, or loaded with their problems named by path', () => {
  it.each([[[]], [null], [0], ['x']])('content %j is not an experiment: the link is unusable', (content) => {
    const decoded = decodeLink(linkOf(content));
    expect(decoded.unusable).toBe(true);
    expect(decoded.problems).toEqual(['the link does not hold an experiment (its content is not an object)']);
  });

  it('a 110 KB bomb that would expand to 5e8 characters is refused, in the spec and in the weights', () => {
    const bomb = lzBomb('{"seed":1,"x":"a', 31_623);
    const inSpec = decodeLink(`#v=${SCHEMA_VERSION}&s=${bomb}`);
    expect(inSpec).toMatchObject({
      unusable: true,
      problems: [expect.stringMatching(/expands to more than 4,000,000/)],
    });
    const inWeights = decodeLink(`${linkOf(defaultSpec())}&w=${lzBomb('{"step":1,"weights":"a', 31_623)}`);
    expect(inWeights).toMatchObject({
      unusable: true,
      problems: [expect.stringMatching(/weights expand to more/)],
    });
  });

  it.each([5, true, 'h0', [['in']], null])('live.sources %j is refused by its path', (sources) => {
    const { problems, spec } = decodeLink(linkOf(withLive({ sources })));
    expect(problems).toEqual(['live.sources: not an object of lists of neuron ids']);
    expect(spec.live.sources).toEqual(defaultSpec('live').live.sources);
  });

  it('each bad source and layer entry is named by its path', () => {
    const { problems } = decodeLink(
      linkOf(withLive({ sources: { h0: [5, 'in', 'in'], h1: 'in', nobody: ['in'] } })),
    );
    expect(problems).toEqual([
      'live.sources.h0[0]: 5 is not a neuron id of the network',
      'live.sources.h0[2]: h0 lists the source in twice',
      'live.sources.h1: not a list of neuron ids',
      'live.sources.nobody: sources are given for an unknown neuron',
    ]);
    const long = 'n'.repeat(100_000);
    const layers = decodeLink(linkOf(withLive({ layers: [['in'], [long, '<b>x</b>'], ['out']] }))).problems;
    expect(layers).toEqual([
      `live.layers[1][0]: "${'n'.repeat(40)}…" is not a neuron id (a letter, then up to 31 letters, digits, _ or .)`,
      'live.layers[1][1]: "<b>x</b>" is not a neuron id (a letter, then up to 31 letters, digits, _ or .)',
    ]);
    // Each reward task judges one output: a second output neuron is refused (it trained to NaN).
    expect(decodeLink(linkOf(withLive({ layers: [['in'], ['h0'], ['out', 'out2']] }))).problems).toContain(
      'live.layers[2]: one output neuron (each reward task judges one output)',
    );
  });

  it.each([
    [
      '1e39, finite in JSON but not in float32',
      { step: 3, weights: { w: { shape: [1], values: [1e39] } } },
      'weights["w"].values[0]',
    ],
    [
      'a Live weight of 1e300',
      { step: 3, weights: { 'neuron/out': { shape: [1], values: [1e300] } } },
      'weights["neuron/out"].values[0]',
    ],
    [
      'a weight over 1e6',
      { step: 3, weights: { w: { shape: [2], values: [0.5, -2e6] } } },
      'weights["w"].values[1]',
    ],
    [
      'values that do not fill the shape',
      { step: 3, weights: { w: { shape: [2, 2], values: [1] } } },
      'weights["w"].values: 1 values',
    ],
    ['a step of 1e300', { step: 1e300, weights: {} }, 'step'],
    ['a step of 2^53 + 2', { step: 2 ** 53 + 2, weights: {} }, 'step'],
    ['a step over the limit', { step: MAX_STEP + 1, weights: {} }, 'step'],
  ])('weights with %s are dropped with their path', (_, trained, path) => {
    const decoded = decodeLink(linkOf(defaultSpec(), trained));
    expect(decoded.trained).toBeUndefined();
    expect(decoded.problems.join()).toMatch(/trained weights in the link are damaged/);
    expect(decoded.problems.join()).toContain(path);
  });

  it('weights at the limits are kept', () => {
    const trained = { step: MAX_STEP, weights: { w: { shape: [2], values: [1e6, -1e6] } } };
    expect(decodeLink(linkOf(defaultSpec(), trained)).trained).toEqual(trained);
  });

  it('a link changed by one character that still decodes is told apart by its checksum', () => {
    const spec = defaultSpec('dian');
    spec.seed = 12345;
    const link = encodeLink(spec);
    expect(link.endsWith(`&c=${checksumOf(link.slice(1, link.lastIndexOf('&c=')))}`)).toBe(true);
    // The seed's digits are plain text in no link, so change the checksum's own text, and the version digit.
    const changed = link.replace(/&c=(.)/, (_, c: string) => `&c=${c === '0' ? '1' : '0'}`);
    expect(decodeLink(changed).problems).toEqual([
      'the link was changed after it was made (its checksum does not match): check what it loaded',
    ]);
    const older = link.replace(`#v=${SCHEMA_VERSION}`, '#v=1');
    expect(decodeLink(older).problems.join()).toMatch(/checksum does not match/);
    expect(decodeLink(older).problems.join()).toMatch(/version: the link says schema 1 and its content 2/);
    // Links made before the checksum load as they did.
    expect(decodeLink(link.slice(0, link.lastIndexOf('&c=')))).toEqual(decodeLink(link));
    expect(withChecksum(link.slice(0, link.lastIndexOf('&c=')))).toBe(link);
  });

  it('parts a link does not have, given twice or after the checksum are named', () => {
    const link = encodeLink(defaultSpec());
    const cut = link.slice(0, link.lastIndexOf('&c='));
    expect(decodeLink(`${cut}&x=1`).problems).toEqual([
      'the link has parts it should not ("x"): it may be damaged',
    ]);
    expect(decodeLink(`${link}&w=AAAA`).problems[0]).toMatch(/parts it should not \("w"\)/);
    expect(decodeLink(`${cut}AB`).problems).toEqual(['the link is truncated or damaged']);
  });
});

describe('neuron ids named like Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES.filter((n) => /^[A-Za-z]/.test(n)))(
    '%s is an ordinary neuron id, with or without its own sources',
    (name) => {
      for (const own of [true, false]) {
        const sources: Record<string, string[]> = { h0: ['in'], out: [name, 'h0'] };
        if (own) sources[name] = ['in', name];
        const { spec, problems } = decodeLink(
          linkOf(withLive({ layers: [['in'], [name, 'h0'], ['out']], sources })),
        );
        expect(problems).toEqual([]);
        expect(validateSpec(spec).problems).toEqual([]);
        const connected = applyLiveEdit(spec.live, { kind: 'connect', source: 'h0', neuron: name });
        expect(connected.live?.sources[name]).toEqual(own ? ['in', name, 'h0'] : ['h0']);
      }
    },
  );

  it('__proto__ (not a neuron id) is refused with a message, and pollutes nothing', () => {
    const json = `{"architecture":"live","live":{"layers":[["in"],["h0"],["out"]],"sources":{"__proto__":["in"],"out":["h0"]}}}`;
    const { problems, spec } = decodeLink(
      `#v=${SCHEMA_VERSION}&s=${LZString.compressToEncodedURIComponent(json)}`,
    );
    expect(problems).toEqual(['live.sources.__proto__: sources are given for an unknown neuron']);
    expect(spec.live).toEqual(defaultSpec('live').live);
    expect(({} as Record<string, unknown>)['0']).toBeUndefined();
  });
});
