/**
 * Hostile links and specs, from a seeded generator: the fuzz test (Node) and the e2e test (the browser) draw
 * from this one module. Each link says what kind it is and which field it touched.
 */
import LZString from 'lz-string';
import { encodeLink } from '../link';
import { randomSpec } from '../random';
import type { RandomSource } from '../fields';
import { SCHEMA_VERSION } from '../kinds';
import { lzBomb } from './bomb';

export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

const BIG = 'x'.repeat(100_000);
/** Values that JSON can carry; NaN and ±Infinity are written as bare words (then the JSON is broken) or strings. */
const HOSTILE_VALUES: unknown[] = [
  1e9,
  -1e9,
  1e39,
  -1e39,
  1e300,
  2 ** 53 + 2,
  -1,
  0.5,
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  'x',
  true,
  false,
  null,
  [],
  {},
  [[1, [2]]],
  [1e39],
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  BIG,
  '<img src=x onerror="window.hostile=1">',
  '<script>window.hostile=1</script>',
  'constructor',
  '__proto__',
];
const BARE_WORDS = ['NaN', 'Infinity', '-Infinity'];

export type HostileKind =
  | 'field'
  | 'bare'
  | 'protoKey'
  | 'neuronId'
  | 'sources'
  | 'weights'
  | 'damaged'
  | 'nonObject'
  | 'bomb'
  | 'garbage';
/** How often each kind is drawn, out of 22 (a bomb costs the most to refuse: 4M characters decoded). */
const WEIGHTS: Record<HostileKind, number> = {
  field: 4,
  bare: 2,
  protoKey: 2,
  neuronId: 2,
  sources: 2,
  weights: 2,
  damaged: 3,
  nonObject: 2,
  bomb: 1,
  garbage: 2,
};
const KINDS = (Object.entries(WEIGHTS) as [HostileKind, number][]).flatMap(([kind, n]) =>
  Array<HostileKind>(n).fill(kind),
);

export interface HostileLink {
  kind: HostileKind;
  hash: string;
  /** The path of the field it changed, where it changed one (`training.learningRate`, `live.sources.h0[0]`). */
  path?: string;
  /** The link it was made from, for damaged links. */
  original?: string;
}

const pick = <T>(rng: RandomSource, list: readonly T[]): T => list[rng.int(list.length)];
const pack = (data: unknown) =>
  LZString.compressToEncodedURIComponent(typeof data === 'string' ? data : JSON.stringify(data));
const linkOf = (json: string, w?: string) =>
  `#v=${SCHEMA_VERSION}&s=${pack(json)}${w ? `&w=${pack(w)}` : ''}`;
/** JSON with an own "__proto__" key survives stringify only when made as an own property. */
const withOwn = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });

/** A random path to a value inside plain data, and its parent and key. */
function randomPlace(rng: RandomSource, root: Record<string, unknown>) {
  let parent: Record<string, unknown> | unknown[] = root;
  let key: string | number = pick(rng, Object.keys(root));
  let path = String(key);
  for (;;) {
    const child: unknown = (parent as Record<string | number, unknown>)[key];
    if (child === null || typeof child !== 'object' || rng.next() < 0.35) return { parent, key, path };
    const keys: (string | number)[] = Array.isArray(child) ? child.map((_, i) => i) : Object.keys(child);
    if (keys.length === 0) return { parent, key, path };
    parent = child as Record<string, unknown>;
    key = pick(rng, keys);
    path += typeof key === 'number' ? `[${key}]` : `.${key}`;
  }
}

const specData = (rng: RandomSource) =>
  JSON.parse(JSON.stringify(randomSpec(rng))) as Record<string, unknown>;

function liveData(rng: RandomSource, neuron: string) {
  const data = specData(rng);
  const live = {
    ...(data.live as Record<string, unknown>),
    task: 'temporal-xor',
    layers: [['in'], [neuron, 'h0'], ['out']],
  };
  const sources: Record<string, unknown> = { h0: ['in'], out: [neuron, 'h0'] };
  if (rng.next() < 0.5) withOwn(sources, neuron, ['in', neuron]);
  return { ...data, architecture: 'live', live: { ...live, sources, positions: {} } };
}

/** One hostile link. */
export function hostileLink(rng: RandomSource): HostileLink {
  const kind = pick(rng, KINDS);
  switch (kind) {
    case 'field': {
      const data = specData(rng);
      const { parent, key, path } = randomPlace(rng, data);
      if (Array.isArray(parent)) parent[key as number] = pick(rng, HOSTILE_VALUES);
      else withOwn(parent, key as string, pick(rng, HOSTILE_VALUES));
      return { kind, path, hash: linkOf(JSON.stringify(data)) };
    }
    case 'bare': {
      const data = specData(rng);
      const { parent, key, path } = randomPlace(rng, data);
      (parent as Record<string | number, unknown>)[key] = '@BARE@';
      return { kind, path, hash: linkOf(JSON.stringify(data).replace('"@BARE@"', pick(rng, BARE_WORDS))) };
    }
    case 'protoKey': {
      const data = specData(rng);
      const { parent } = randomPlace(rng, data);
      const target = Array.isArray(parent) ? data : parent;
      withOwn(target, pick(rng, ['__proto__', 'constructor', 'prototype']), {
        polluted: 'yes',
        prototype: { polluted: 'yes' },
      });
      return { kind, hash: linkOf(JSON.stringify(data)) };
    }
    case 'neuronId': {
      const neuron = pick(rng, PROTOTYPE_NAMES);
      return { kind, path: 'live', hash: linkOf(JSON.stringify(liveData(rng, neuron))) };
    }
    case 'sources': {
      const data = liveData(rng, 'h1');
      (data.live as Record<string, unknown>).sources = pick(rng, [
        5,
        true,
        'h0',
        [['in']],
        { h0: 5 },
        { h0: [['in']] },
        { h0: [1e39] },
        null,
      ]);
      return { kind, path: 'live.sources', hash: linkOf(JSON.stringify(data)) };
    }
    case 'weights': {
      const w = {
        step: pick(rng, [1e300, 2 ** 53 + 2, -1, 0.5, 40]),
        weights: {} as Record<string, unknown>,
      };
      const values = pick(rng, [[1e39], [-1e39], ['NaN'], [1e300], [0.5, 2e6], [[1]], 5]);
      withOwn(w.weights, pick(rng, ['dense0/kernel', '__proto__', 'constructor']), { shape: [1], values });
      return { kind, path: 'weights', hash: linkOf(JSON.stringify(specData(rng)), JSON.stringify(w)) };
    }
    case 'damaged': {
      const original = encodeLink(randomSpec(rng));
      let hash = original;
      const edits = 1 + rng.int(3);
      for (let i = 0; i < edits; i++) {
        const at = 1 + rng.int(hash.length - 1);
        const c = pick(rng, [...'ABCZabz0189+-$&=%{"']);
        const mode = rng.int(4);
        if (mode === 0) hash = hash.slice(0, at);
        else if (mode === 1) hash = hash.slice(0, at) + hash.slice(at + 1);
        else if (mode === 2) hash = hash.slice(0, at) + c + hash.slice(at);
        else hash = hash.slice(0, at) + c + hash.slice(at + 1);
      }
      return { kind, hash, original };
    }
    case 'nonObject':
      return { kind, hash: linkOf(pick(rng, ['[]', 'null', '0', '"x"', 'true', '[{}]', '1e39'])) };
    case 'bomb': {
      const codes = 3000 + rng.int(30_000);
      const inWeights = rng.next() < 0.5;
      const bomb = lzBomb(inWeights ? '{"step":1,"weights":{"w":"a' : '{"seed":1,"x":"a', codes);
      return { kind, hash: inWeights ? `${linkOf('{}')}&w=${bomb}` : `#v=${SCHEMA_VERSION}&s=${bomb}` };
    }
    case 'garbage':
      return {
        kind,
        hash:
          '#' + Array.from({ length: rng.int(300) }, () => String.fromCharCode(32 + rng.int(95))).join(''),
      };
  }
}
