import { describe, expect, it } from 'vitest';
import { decodeLink, defaultSpec, encodeLink, type ExperimentSpec } from '../experiment';
import { sha256Hex } from '../experiment/data';
import { createFrameChannel } from './frames';
import { createShareLinks } from './share';
import { fakeEngine, testLayout } from './testing';
import { csvTask, userTable, type UserData } from './userData';

const TEXT = 'a,b,kind\n1,2,x\n3,4,y\n5,6,z\n7,8,x\n';

async function userData(): Promise<UserData> {
  return { name: 'mine.csv', hash: await sha256Hex(TEXT), text: TEXT };
}

const csvSpec = (data: UserData): ExperimentSpec => {
  const spec = defaultSpec('mlp');
  spec.task = csvTask(spec.task, data, { label: 'kind', kind: 'classes' }, 4);
  return spec;
};

/** A link's experiment on the data: Wormhole, learning rate 0.1, seed 7, ratio 0.7. */
const wormholeOnCsv = (data: UserData): ExperimentSpec => {
  const spec = defaultSpec('wormhole');
  spec.task = { ...csvTask(spec.task, data, { label: 'kind', kind: 'classes' }, 4), trainRatio: 0.7 };
  spec.seed = 7;
  spec.training.learningRate = 0.1;
  return spec;
};

/** An engine client that runs the default experiment (its load answered). */
function running() {
  const f = fakeEngine();
  f.receive({ type: 'loaded', layout: testLayout(), step: 0 });
  return f;
}

describe("the user's data in the page", () => {
  it('gives a CSV task the table its label choice parses to, and says what is missing otherwise', async () => {
    const data = await userData();
    const spec = csvSpec(data);
    expect(spec.task).toMatchObject({
      kind: 'csv',
      label: 'kind',
      target: 'classes',
      dataName: 'mine.csv',
      dataRows: 4,
    });
    const { table } = userTable(spec.task, data);
    expect(table?.classes).toEqual(['x', 'y', 'z']);
    expect(Array.from(table!.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(userTable(spec.task, undefined).problem).toBe(
      `This experiment uses your own data "mine.csv" (SHA-256 ${data.hash.slice(0, 12)}…): load that CSV to run it.`,
    );
    expect(userTable(spec.task, { ...data, hash: 'f'.repeat(64) }).problem).toMatch(/load that CSV/);
    expect(userTable(defaultSpec().task, undefined)).toEqual({});
  });

  it('a CSV link without its data alerts and keeps the running experiment; the data then loads the whole link', async () => {
    const f = running();
    const data = await userData();
    const link = decodeLink(encodeLink(wormholeOnCsv(data)));
    expect(link.problems).toEqual([]);
    f.engine.replace(link.spec);
    expect(f.posted).toEqual([]);
    expect(f.store.getState().runtime.alerts.map((a) => a.message)).toEqual([
      `This experiment uses your own data "mine.csv" (SHA-256 ${data.hash.slice(0, 12)}…): load that CSV to run it. The experiment that was running is kept.`,
    ]);
    expect(f.store.getState().spec.task.kind).toBe('circle');
    expect(f.engine.waitingFor(data.hash)).toEqual(link.spec);
    // The user loads the CSV (as the import does): the link's experiment runs, not the one shown on this data.
    f.engine.useUserData(data);
    expect(f.posted).toHaveLength(1);
    const load = f.posted[0] as Extract<(typeof f.posted)[number], { type: 'load' }>;
    expect(load.spec).toEqual(link.spec);
    expect(load.userData?.classes).toEqual(['x', 'y', 'z']);
    expect(f.store.getState().spec).toEqual(link.spec);
    expect(f.engine.waitingFor(data.hash)).toBeUndefined();
  });

  it('a CSV link waiting for its data is forgotten when another experiment is loaded, or its data differs', async () => {
    const data = await userData();
    const link = decodeLink(encodeLink(wormholeOnCsv(data))).spec;
    // Another link followed: the data then only is kept.
    const f = running();
    f.engine.replace(link);
    f.engine.replace(defaultSpec('dian'));
    expect(f.engine.waitingFor(data.hash)).toBeUndefined();
    f.posted.length = 0;
    f.engine.useUserData(data);
    expect(f.posted).toEqual([]);
    // The running experiment changed by hand.
    const g = running();
    g.engine.replace(link);
    g.store.getState().updateSpec((s) => (s.seed = 3));
    expect(g.engine.waitingFor(data.hash)).toBeUndefined();
    // Other data does not run it, and it still waits for its own.
    const h = running();
    h.engine.replace(link);
    const other = { ...data, text: `${TEXT}9,9,y\n`, hash: await sha256Hex(`${TEXT}9,9,y\n`) };
    h.engine.useUserData(other);
    expect(h.posted).toEqual([]);
    expect(h.engine.waitingFor(data.hash)).toEqual(link);
  });

  it('sends the table again with every load of the CSV task (a reset, a restart)', async () => {
    const f = running();
    const data = await userData();
    f.engine.useUserData(data);
    f.store.getState().replaceSpec(csvSpec(data));
    f.engine.reset();
    f.engine.restart();
    const loads = f.posted.filter((m) => m.type === 'load');
    expect(loads).toHaveLength(3);
    for (const load of loads) expect(load.userData?.y.length).toBe(4);
  });

  it("changing a data task's plane reloads with the weights; on a 2-D task it is only a view", async () => {
    const f = running();
    f.store.getState().updateSpec((s) => (s.view.plane = 'pca'));
    expect(f.posted).toEqual([]);
    f.store.getState().updateSpec((s) => (s.task.kind = 'iris'));
    f.posted.length = 0;
    f.store.getState().updateSpec((s) => (s.view.planeX = 3));
    expect(f.posted).toEqual([{ type: 'load', spec: f.store.getState().spec, carryWeights: true }]);
  });

  it('the exported file carries the CSV itself, and importing it gives the page the data back', async () => {
    const f = running();
    const data = await userData();
    f.engine.useUserData(data);
    f.store.getState().replaceSpec(csvSpec(data));
    const saved: Blob[] = [];
    const links = ({ engine, store }: typeof f) =>
      createShareLinks({
        store,
        engine: { ...engine, requestWeights: async () => ({ step: 3, weights: {} }) },
        frames: createFrameChannel(),
        location: { hash: '', origin: 'https://example.test', pathname: '/' },
        history: { replaceState: () => {} },
        window: new EventTarget(),
        clipboard: { writeText: async () => {} },
        saveFile: (_name, contents) => saved.push(contents),
      });
    await links(f).exportFile();
    const file = JSON.parse(await saved[0].text());
    expect(file.userData).toEqual(data);
    // A page holding another CSV than the one the experiment names leaves it out (it would be refused as changed).
    f.engine.useUserData({ ...data, hash: 'f'.repeat(64), text: 'a,b\n1,2\n' });
    await links(f).exportFile();
    expect(JSON.parse(await saved[1].text()).userData).toBeUndefined();
    // Another page, without the data: importing the file gives it the data and loads the experiment with it.
    const g = running();
    await links(g).importFile(new File([JSON.stringify(file)], 'exp.json'));
    expect(g.engine.userData()).toEqual(data);
    expect(g.posted.find((m) => m.type === 'load')?.userData?.y.length).toBe(4);
    // A file whose data was changed is refused.
    const h = running();
    const changed = { ...file, userData: { ...data, text: `${TEXT}9,9,y\n` } };
    await links(h).importFile(new File([JSON.stringify(changed)], 'exp.json'));
    expect(h.store.getState().runtime.alerts.at(-1)?.message).toMatch(/hashes differ/);
    expect(h.posted).toEqual([]);
  });
});
