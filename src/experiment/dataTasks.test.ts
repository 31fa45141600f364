import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { defaultSpec } from './defaults';
import { decodeLink, encodeLink } from './link';
import { isDataTask, isPlaneTask, isSequenceTask, TASKS } from './kinds';
import { validateSpec } from './validate';

const HASH = '73344175a8bf1ad86aa2a071854661c82bcf33462e3c190c7ff8e659192772e7';
const linkJson = (link: string) =>
  JSON.parse(LZString.decompressFromEncodedURIComponent(new URLSearchParams(link.slice(1)).get('s')!)) as {
    task: Record<string, unknown>;
    view: Record<string, unknown>;
  };

describe('data tasks in the spec', () => {
  it('sorts every task into exactly one of plane, sequence and data', () => {
    for (const kind of TASKS)
      expect([isPlaneTask(kind), isSequenceTask(kind), isDataTask(kind)].filter(Boolean)).toHaveLength(1);
    expect(TASKS.filter(isDataTask)).toEqual(['digits', 'iris', 'csv']);
  });

  it('a link to CSV data carries its name, rows and hash, not the data; it decodes to the same spec', () => {
    const spec = defaultSpec();
    spec.task = {
      ...spec.task,
      kind: 'csv',
      label: 'species',
      dataName: 'flowers.csv',
      dataRows: 147,
      dataHash: HASH,
    };
    spec.view = { ...spec.view, plane: 'pca' };
    const link = encodeLink(spec);
    const json = linkJson(link);
    expect(json.task).toMatchObject({
      kind: 'csv',
      label: 'species',
      dataName: 'flowers.csv',
      dataHash: HASH,
    });
    expect(json.view.plane).toBe('pca');
    expect(json.task).not.toHaveProperty('standardise');
    expect(decodeLink(link)).toEqual({ spec, problems: [], trained: undefined });
  });

  it('a link to a bundled set names it, with nothing of the CSV fields', () => {
    const spec = defaultSpec();
    spec.task.kind = 'digits';
    expect(Object.keys(linkJson(encodeLink(spec)).task)).toEqual([
      'kind',
      'noise',
      'trainRatio',
      'numSamples',
      'features',
      'length',
    ]);
  });

  it('refuses a hash that is not 64 hex digits, keeping the rest', () => {
    const spec = defaultSpec();
    const raw = JSON.parse(JSON.stringify({ ...spec, task: { ...spec.task, kind: 'csv', dataHash: 'abc' } }));
    const { spec: read, problems } = validateSpec(raw);
    expect(problems).toEqual(['task.dataHash must be a SHA-256 hash (64 hex digits) or empty']);
    expect(read.task.kind).toBe('csv');
    expect(read.task.dataHash).toBe('');
  });

  it('refuses a data task under the Dynamic-Live network, which takes none', () => {
    const spec = defaultSpec('live');
    spec.task.kind = 'iris';
    const { spec: read, problems } = validateSpec(spec);
    expect(problems).toEqual([
      'the Dynamic-Live network does not take data tables (task iris): the task is circle',
    ]);
    expect(read.task.kind).toBe('circle');
    for (const architecture of ['mlp', 'dian', 'wormhole'] as const)
      expect(validateSpec({ ...spec, architecture }).problems).toEqual([]);
  });
});
