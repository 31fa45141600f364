import { describe, expect, it, vi } from 'vitest';
import { decodeLink, defaultSpec, encodeLink, type ExperimentSpec } from '../../experiment';
import { parseCsv, sha256Hex } from '../../experiment/data';
import { testLayout, type fakeEngine } from '../../state/testing';
import { csvTask } from '../../state/userData';
import { applyCsv } from './droppedCsv';

// The page's engine and store, as a fake worker's client (appState makes a Web Worker and reads the window).
const page = vi.hoisted(() => ({ f: undefined as ReturnType<typeof fakeEngine> | undefined }));
vi.mock('../appState', async () => {
  const { fakeEngine } = await import('../../state/testing');
  page.f = fakeEngine();
  return { engine: page.f.engine, useAppStore: page.f.store };
});

const TEXT = 'a,b,kind\n1,2,x\n3,4,y\n5,6,z\n7,8,x\n';
const choice = { label: 'kind', kind: 'classes' } as const;

describe('using a CSV in the page', () => {
  it('a CSV link followed in the running page runs whole once its data is used: architecture, seed, training', async () => {
    const f = page.f!;
    f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
    const data = { name: 'mine.csv', hash: await sha256Hex(TEXT), text: TEXT };
    const linked: ExperimentSpec = defaultSpec('wormhole');
    linked.task = { ...csvTask(linked.task, data, choice, 4), trainRatio: 0.7 };
    linked.seed = 7;
    linked.training.learningRate = 0.1;
    const link = decodeLink(encodeLink(linked)).spec;
    // Followed in the tab running the MLP on circle: refused for want of the data, the MLP shown again.
    f.engine.replace(link);
    expect(f.store.getState().spec.architecture).toBe('mlp');
    expect(f.store.getState().runtime.alerts.at(-1)?.message).toMatch(
      /uses your own data "mine.csv".*load that CSV/,
    );
    f.posted.length = 0;
    // The user drops mine.csv and clicks "Use this data".
    const parsed = parseCsv(TEXT, choice);
    if (!parsed.ok) throw new Error('the test CSV does not parse');
    await applyCsv({
      source: { name: 'mine.csv', text: TEXT },
      choice,
      table: parsed.table,
      skipped: 0,
      standardise: true,
    });
    const loads = f.posted.filter((m) => m.type === 'load');
    expect(loads).toHaveLength(1);
    expect(loads[0].spec).toEqual(link);
    expect(loads[0].userData?.classes).toEqual(['x', 'y', 'z']);
    const shown = f.store.getState().spec;
    expect(shown).toEqual(link);
    expect([shown.architecture, shown.seed, shown.training.learningRate, shown.task.trainRatio]).toEqual([
      'wormhole',
      7,
      0.1,
      0.7,
    ]);
  });
});
