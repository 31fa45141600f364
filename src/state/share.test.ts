import { describe, expect, it, vi } from 'vitest';
import {
  defaultSpec,
  encodeLink,
  SHAREABLE_LINK_LENGTH,
  type ExperimentSpec,
  type TrainingState,
  type Trained,
} from '../experiment';
import type { EngineClient } from './engineClient';
import { createFrameChannel } from './frames';
import { createShareLinks, FILE_FORMAT } from './share';
import { createAppStore } from './store';

const trained: Trained = { step: 40, weights: { w: { shape: [2], values: [0.5, -1] } } };
const state: TrainingState = {
  optimizer: 'momentum',
  slots: [{ w: [0.25, 0.125] }],
  batches: { rng: 12345, cursor: 7, givenBack: [] },
};
const withState: Trained = { ...trained, state };
const NO_STATE = /has the trained weights but not the optimizer's state/;

/** Share links on a fake page at https://example.test/play/ with the given hash (its engine has `engineHas`). */
function fakePage(hash = '', engineHas: Trained = trained) {
  const store = createAppStore();
  const location = { hash, origin: 'https://example.test', pathname: '/play/' };
  const engine = {
    replace: vi.fn<EngineClient['replace']>(),
    requestWeights: async () => engineHas,
  };
  const saved: { name: string; contents: Blob }[] = [];
  const events = new EventTarget();
  const links = createShareLinks({
    store,
    engine,
    frames: createFrameChannel(),
    location,
    history: { replaceState: (_data, _unused, url) => (location.hash = String(url)) },
    window: events,
    clipboard: { writeText: async () => {} },
    saveFile: (name, contents) => saved.push({ name, contents }),
  });
  return { store, location, engine, saved, events, links };
}

const edited = (): ExperimentSpec => {
  const spec = defaultSpec('wormhole');
  spec.seed = 9;
  spec.training.learningRate = 0.1;
  return spec;
};

describe('share links', () => {
  it("a page's link read by another page gives the same spec", async () => {
    const from = fakePage();
    from.store.getState().replaceSpec(edited());
    const link = await from.links.currentLink(false);
    const to = fakePage(link.slice(link.indexOf('#')));
    to.links.readLocation();
    expect(to.store.getState().spec).toEqual(edited());
  });

  it('the link is the page address followed by the hash', async () => {
    const page = fakePage();
    expect(await page.links.currentLink(false)).toBe(
      `https://example.test/play/${encodeLink(defaultSpec())}`,
    );
  });

  it('reading a link with weights returns them', () => {
    const page = fakePage(encodeLink(edited(), trained));
    expect(page.links.readLocation()).toEqual(trained);
  });

  it('a link that is not a playground link alerts and keeps the defaults', () => {
    const page = fakePage('#hello');
    page.links.readLocation();
    expect(page.store.getState().runtime.alerts[0].message).toMatch(/^This link could not be used as it was/);
  });

  it('the address bar holds the running link from the start: an empty or broken one gives way, a valid one stays', () => {
    const empty = fakePage();
    empty.links.readLocation();
    expect(empty.location.hash).toBe(encodeLink(defaultSpec()));
    const broken = fakePage('#v=1&s=garbage');
    broken.links.readLocation();
    expect(broken.location.hash).toBe(encodeLink(defaultSpec()));
    expect(broken.store.getState().runtime.alerts[0].message).toMatch(/could not be used as it was/);
    const given = encodeLink(edited(), trained);
    const valid = fakePage(given);
    valid.links.readLocation();
    expect(valid.location.hash).toBe(given);
  });

  it('a link pasted into the address bar replaces the experiment', () => {
    const page = fakePage();
    page.links.syncLocation();
    page.location.hash = encodeLink(edited(), trained);
    page.events.dispatchEvent(new Event('hashchange'));
    expect(page.engine.replace.mock.calls).toEqual([[edited(), trained]]);
  });

  it('once unsubscribed, pasted links are no longer followed', () => {
    const page = fakePage();
    page.links.syncLocation()();
    page.location.hash = encodeLink(edited());
    page.events.dispatchEvent(new Event('hashchange'));
    expect(page.engine.replace).not.toHaveBeenCalled();
  });

  it('an exported file imported again replaces the experiment with its spec and weights', async () => {
    const page = fakePage();
    page.store.getState().replaceSpec(edited());
    await page.links.exportFile();
    const [{ name, contents }] = page.saved;
    await page.links.importFile(new File([contents], name));
    expect(page.engine.replace.mock.calls).toEqual([[edited(), trained]]);
  });

  it('importing junk changes nothing', async () => {
    const page = fakePage();
    const before = page.store.getState().spec;
    await page.links.importFile(new File(['{"format": "something else"}'], 'junk.json'));
    expect({ spec: page.store.getState().spec, replaced: page.engine.replace.mock.calls.length }).toEqual({
      spec: before,
      replaced: 0,
    });
  });

  it('importing a file that is not JSON says why', async () => {
    const page = fakePage();
    await page.links.importFile(new File(['not json'], 'junk.json'));
    expect(page.store.getState().runtime.alerts.map((a) => a.message)).toEqual([
      'junk.json could not be loaded: it is not valid JSON. Nothing was changed.',
    ]);
  });

  it('a file with malformed weights is refused', async () => {
    const page = fakePage();
    const data = {
      format: FILE_FORMAT,
      spec: defaultSpec(),
      step: 3,
      weights: { w: { shape: [1], values: ['x'] } },
    };
    await page.links.importFile(new File([JSON.stringify(data)], 'bad.json'));
    expect(page.engine.replace).not.toHaveBeenCalled();
  });

  it('weights without the training state (an older link or file) are said once in the log', async () => {
    const logs = (page: ReturnType<typeof fakePage>) =>
      page.store
        .getState()
        .runtime.log.map((l) => l.text)
        .filter((t) => NO_STATE.test(t));
    const old = fakePage(encodeLink(edited(), trained));
    expect(old.links.readLocation()).toEqual(trained);
    expect(logs(old)).toHaveLength(1);
    const fresh = fakePage(encodeLink(edited(), withState));
    expect(fresh.links.readLocation()).toEqual(withState);
    expect(logs(fresh)).toHaveLength(0);
    // Live carries none: nothing to say.
    const live = fakePage(encodeLink(defaultSpec('live'), trained));
    live.links.readLocation();
    expect(logs(live)).toHaveLength(0);

    const page = fakePage();
    page.store.getState().replaceSpec(edited());
    await page.links.exportFile();
    await page.links.importFile(new File([page.saved[0].contents], page.saved[0].name));
    expect(logs(page)).toHaveLength(1);
  });

  it('a file carries the training state and gives it to the engine', async () => {
    const page = fakePage('', withState);
    page.store.getState().replaceSpec(edited());
    await page.links.exportFile();
    const [{ name, contents }] = page.saved;
    expect(JSON.parse(await contents.text()).state).toEqual(state);
    await page.links.importFile(new File([contents], name));
    expect(page.engine.replace.mock.calls).toEqual([[edited(), withState]]);
  });

  it('a link with weights carries the state, and leaves it out (saying so) when only that makes it fit', async () => {
    const page = fakePage('', withState);
    page.store.getState().replaceSpec(edited());
    const short = await page.links.copyLink(true);
    expect(short).toBe(`https://example.test/play/${encodeLink(edited(), withState)}`);
    // Weights that fit in a link, with a state that does not (random values do not compress).
    const values = Array.from({ length: 300 }, (_, i) => Math.fround(Math.sin(i * 7.3)));
    const big: Trained = {
      step: 40,
      weights: { w: { shape: [300], values } },
      state: { ...state, slots: [{ w: values.map((v) => Math.fround(v / 3)) }] },
    };
    const long = fakePage('', big);
    long.store.getState().replaceSpec(edited());
    const stateless = `https://example.test/play/${encodeLink(edited(), { step: 40, weights: big.weights })}`;
    expect(encodeLink(edited(), big).length).toBeGreaterThan(SHAREABLE_LINK_LENGTH);
    expect(stateless.length).toBeLessThanOrEqual(SHAREABLE_LINK_LENGTH);
    expect(await long.links.copyLink(true)).toBe(stateless);
    expect(
      long.store
        .getState()
        .runtime.log.map((l) => l.text)
        .join(),
    ).toMatch(/leaves out the optimizer's state/);
    expect(long.store.getState().runtime.alerts).toEqual([]);
  });
});
