import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { withChecksum } from './checksum';
import { createRng } from './rng';
import { defaultSpec } from './defaults';
import { ADDED_FIELDS, decodeLink, encodeLink, SHAREABLE_LINK_LENGTH } from './link';
import { randomSpec } from './random';
import LINKS_V1 from './fixtures/links-v1.json';
import LINKS_V2 from './fixtures/links-v2.json';
import { ARCHITECTURES } from './kinds';
import { validateSpec } from './validate';
import { SCHEMA_VERSION, type ExperimentSpec } from './spec';

describe('share links', () => {
  it('round-trip: 500 random valid specs encode and decode to equal specs', () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const spec = randomSpec(rng);
      expect(validateSpec(spec).problems).toEqual([]);
      const decoded = decodeLink(encodeLink(spec));
      expect(decoded.problems).toEqual([]);
      expect(decoded.spec).toEqual(spec);
    }
  });

  it('carries trained weights and the step', () => {
    const trained = { step: 1234, weights: { 'dense0/kernel': { shape: [2, 1], values: [0.5, -0.25] } } };
    const decoded = decodeLink(encodeLink(defaultSpec(), trained));
    expect(decoded.trained).toEqual(trained);
  });

  /**
   * What a schema-1 spec means at schema 2 (migrations.ts): the same experiment, its adjoint solve plain, its
   * hard gate called 'relu', its ignored L1/L2 off when the Wormhole is chosen; new fields at their defaults.
   */
  /** Plain data of a spec's shape, as a link carries it (the version may be an older one). */
  const asSpec = (data: object): ExperimentSpec => JSON.parse(JSON.stringify(data));

  function walkedUp(v1: ExperimentSpec): ExperimentSpec {
    const wormhole = { ...v1.wormhole, adjointSolver: 'plain' as const };
    if (v1.wormhole.gate === ('hard' as string)) wormhole.gate = 'relu';
    const training =
      v1.architecture === 'wormhole' ? { ...v1.training, regularization: 'none' as const } : v1.training;
    // Fields added to a schema after it was published (ADDED_FIELDS) take their defaults.
    const live = { ...v1.live, ...ADDED_FIELDS.live };
    const dian = { ...v1.dian, ...ADDED_FIELDS.dian };
    const task = { ...v1.task, ...ADDED_FIELDS.task };
    const view = { ...v1.view, ...ADDED_FIELDS.view };
    return { ...v1, version: SCHEMA_VERSION, wormhole, training, live, dian, task, view };
  }

  it('a frozen schema-1 link still opens as the experiment it was', () => {
    const { spec, problems } = decodeLink(LINKS_V1.frozen.link);
    expect(problems).toEqual([]);
    expect(spec).toEqual(walkedUp(asSpec(LINKS_V1.frozen.spec)));
    expect(spec.wormhole.solver).toBe('anderson');
    expect(spec.live.sources.out).toEqual(['h1', 'h2', 'h0']);
    expect(spec.live.fidelity).toBe('readme');
  });

  it("the fields added since schema 1 are listed with their field tables' defaults", () => {
    const { live, dian, task, view } = defaultSpec();
    const { label, target, standardise, dataName, dataRows, dataHash } = task;
    expect({
      live: { fidelity: live.fidelity },
      dian: { counting: dian.counting, init: dian.init },
      task: { label, target, standardise, dataName, dataRows, dataHash },
      view: { plane: view.plane, planeX: view.planeX, planeY: view.planeY },
    }).toEqual(ADDED_FIELDS);
  });

  it('a field added since schema 1 is written only when it is not its default', () => {
    const json = (link: string) =>
      JSON.parse(
        LZString.decompressFromEncodedURIComponent(new URLSearchParams(link.slice(1)).get('s')!),
      ) as {
        live: Record<string, unknown>;
      };
    const readme = defaultSpec('live');
    expect(json(encodeLink(readme)).live).not.toHaveProperty('fidelity');
    const beta = { ...readme, live: { ...readme.live, fidelity: 'beta' as const } };
    expect(json(encodeLink(beta)).live.fidelity).toBe('beta');
    expect(decodeLink(encodeLink(beta))).toEqual({ spec: beta, problems: [], trained: undefined });
  });

  it('a schema-1 Wormhole link keeps its gate, its solvers and its (ignored) L1/L2 meaning', () => {
    const v1 = { ...asSpec(LINKS_V1.frozen.spec), architecture: 'wormhole' as const };
    v1.wormhole = { ...v1.wormhole, gate: 'hard', solver: 'plain' };
    v1.training = { ...v1.training, regularization: 'l2', regularizationRate: 0.3 };
    const oldWormhole: Record<string, unknown> = { ...v1.wormhole };
    delete oldWormhole.adjointSolver;
    const link = `#v=1&s=${LZString.compressToEncodedURIComponent(JSON.stringify({ ...v1, version: 1, wormhole: oldWormhole }))}`;
    const { spec, problems } = decodeLink(link);
    expect(problems).toEqual([]);
    expect([spec.wormhole.gate, spec.wormhole.solver, spec.wormhole.adjointSolver]).toEqual([
      'relu',
      'plain',
      'plain',
    ]);
    expect(spec.training.regularization).toBe('none');
    expect(spec).toEqual(walkedUp(v1));
  });

  it('a frozen schema-2 link still opens exactly as it did', () => {
    const { spec, problems } = decodeLink(LINKS_V2.frozen.link);
    expect(problems).toEqual([]);
    // Made before the fields of ADDED_FIELDS: they take their defaults, and the link text stays.
    const frozen = LINKS_V2.frozen.spec;
    expect(spec).toEqual({
      ...frozen,
      live: { ...frozen.live, ...ADDED_FIELDS.live },
      dian: { ...frozen.dian, ...ADDED_FIELDS.dian },
      task: { ...frozen.task, ...ADDED_FIELDS.task },
      view: { ...frozen.view, ...ADDED_FIELDS.view },
    });
    // The same text, now followed by its checksum (checksum.ts).
    expect(encodeLink(spec)).toBe(withChecksum(LINKS_V2.frozen.link));
  });

  it.each(ARCHITECTURES)(
    'the default %s experiment of schema 2 gives the same link text as then; its schema-1 link means the same',
    (arch) => {
      // Schema 2's defaults had Live learning rate 0.1 (1.5 since issue 14); a link carries it, so old links keep it.
      const schema2 = defaultSpec(arch);
      schema2.live.lr = 0.1;
      expect(defaultSpec(arch).live.lr).toBe(1.5);
      expect(encodeLink(schema2)).toBe(withChecksum(LINKS_V2.defaultLinks[arch]));
      expect(decodeLink(LINKS_V2.defaultLinks[arch]).spec).toEqual(schema2);
      const v1 = decodeLink(LINKS_V1.defaultLinks[arch]);
      expect(v1.problems).toEqual([]);
      // Schema 1's default Wormhole solver was Anderson without the safeguard.
      const before = { ...schema2, wormhole: { ...schema2.wormhole } };
      before.wormhole.solver = 'anderson';
      expect(v1.spec).toEqual(walkedUp(asSpec({ ...before, version: 1 })));
    },
  );

  it("the DIAN's fidelity options travel in a link only when set, and come back", () => {
    const spec = defaultSpec('dian');
    spec.dian = { ...spec.dian, counting: 'from0', init: 'pytorch' };
    const link = encodeLink(spec);
    expect(link).not.toBe(LINKS_V1.defaultLinks.dian);
    expect(decodeLink(link)).toEqual({ spec, trained: undefined, problems: [] });
  });

  it('names what is wrong and keeps the valid parts of a tampered link', () => {
    const tamper = (change: (data: Record<string, unknown>) => void) => {
      const data = JSON.parse(JSON.stringify(defaultSpec())) as Record<string, unknown>;
      data.seed = 99;
      change(data);
      return decodeLink(`#v=1&s=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`);
    };
    const negative = tamper((d) => ((d.mlp as { hiddenLayers: number[] }).hiddenLayers = [-3, 4]));
    expect(negative.problems.join()).toMatch(/hidden layers/);
    expect(negative.spec.seed).toBe(99);
    expect(negative.spec.mlp.hiddenLayers).toEqual(defaultSpec().mlp.hiddenLayers);
    expect(
      tamper(
        (d) =>
          ((d.live as { layers: string[][] }).layers = [
            ['in'],
            Array.from({ length: 1e4 }, (_, i) => `n${i}`),
            ['out'],
          ]),
      ).problems.join(),
    ).toMatch(/at most 1000 neurons/);
    expect(tamper((d) => (d.architecture = 'transformer')).problems.join()).toMatch(
      /architecture must be one of/,
    );
    expect(
      tamper((d) => ((d.training as { learningRate: unknown }).learningRate = 'NaN')).problems.join(),
    ).toMatch(/learning rate/);
    expect(
      tamper(
        (d) => ((d.wormhole as { wormholes: unknown }).wormholes = [{ from: 1, to: 3 }]),
      ).problems.join(),
    ).toMatch(/later layer to an earlier/);
    expect(
      tamper((d) => ((d.live as { sources: unknown }).sources = { in: ['out'] })).problems.join(),
    ).toMatch(/input neuron in cannot receive/);
  });

  it('refuses garbage, truncation, newer versions and over-long links with a reason', () => {
    const good = encodeLink(defaultSpec());
    expect(decodeLink('#hello').problems).toEqual(['the link is not a playground link']);
    expect(decodeLink(good.slice(0, good.length / 2)).problems[0]).toMatch(
      /truncated or damaged|valid experiment data/,
    );
    expect(decodeLink('#v=99&s=abc').problems[0]).toMatch(/newer version/);
    expect(decodeLink('#v=abc&s=abc').problems[0]).toMatch(/schema version/);
    expect(decodeLink('#v=1&s=' + 'A'.repeat(600_000)).problems[0]).toMatch(/too long/);
    expect(decodeLink('').problems).toEqual([]);
    expect(decodeLink('#v=99&s=abc').unusable).toBe(true);
    expect(decodeLink(good).unusable).toBeUndefined();
    expect(encodeLink(defaultSpec()).length).toBeLessThan(SHAREABLE_LINK_LENGTH);
  });

  it('fuzz: 5,000 mutated and random links never throw and always give a valid spec', () => {
    const rng = createRng(11);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$=&#%{}[]":,.';
    const seeds = [encodeLink(defaultSpec()), encodeLink(randomSpec(rng)), encodeLink(defaultSpec('live'))];
    for (let i = 0; i < 5000; i++) {
      let link = seeds[rng.int(seeds.length)];
      const mode = rng.int(4);
      if (mode === 0) link = link.slice(0, rng.int(link.length));
      if (mode === 1) {
        for (let k = 0; k < 1 + rng.int(5); k++) {
          const at = rng.int(link.length);
          link = link.slice(0, at) + alphabet[rng.int(alphabet.length)] + link.slice(at + 1);
        }
      }
      if (mode === 2)
        link = Array.from({ length: rng.int(200) }, () => alphabet[rng.int(alphabet.length)]).join('');
      if (mode === 3) {
        const data = JSON.parse(JSON.stringify(randomSpec(rng))) as Record<string, unknown>;
        const keys = Object.keys(data);
        data[keys[rng.int(keys.length)]] = [null, 1e9, -1, 'x', [], {}, NaN][rng.int(7)];
        link = `#v=1&s=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;
      }
      const decoded = decodeLink(link);
      expect(validateSpec(decoded.spec).problems).toEqual([]);
    }
  });
});
