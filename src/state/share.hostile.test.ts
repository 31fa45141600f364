import LZString from 'lz-string';
import { describe, expect, it, vi } from 'vitest';
import { defaultSpec, encodeLink, MAX_FILE_BYTES, type Trained } from '../experiment';
import type { EngineClient } from './engineClient';
import { createFrameChannel } from './frames';
import { BACK_LABEL, createShareLinks, FILE_FORMAT } from './share';
import { createAppStore, MAX_ALERTS } from './store';

const running: Trained = { step: 1234, weights: { 'dense0/kernel': { shape: [1], values: [0.5] } } };

/** A page whose engine runs the wormhole experiment at step 1234, following pasted links. */
function runningPage() {
  const store = createAppStore();
  const spec = defaultSpec('wormhole');
  store.getState().replaceSpec(spec);
  const location = { hash: encodeLink(spec), origin: 'https://example.test', pathname: '/' };
  const replace = vi.fn<EngineClient['replace']>((next) => store.getState().replaceSpec(next));
  const events = new EventTarget();
  const links = createShareLinks({
    store,
    engine: { replace, requestWeights: async () => running },
    frames: createFrameChannel(),
    location,
    history: { replaceState: (_d, _u, url) => (location.hash = String(url)) },
    window: events,
    clipboard: { writeText: async () => {} },
    saveFile: () => {},
  });
  links.syncLocation();
  const paste = async (hash: string) => {
    location.hash = hash;
    events.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(store.getState().runtime.alerts.length).toBeGreaterThan(0));
  };
  return {
    store,
    spec,
    location,
    replace,
    links,
    paste,
    events,
    alerts: () => store.getState().runtime.alerts,
  };
}

const linkOf = (data: unknown) => `#v=2&s=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;

describe('a bad link pasted while an experiment runs', () => {
  it.each([[[]], [null], [0], ['x']])(
    'content %j: nothing changes, the address bar gets its link back',
    async (content) => {
      const page = runningPage();
      await page.paste(linkOf(content));
      expect(page.replace).not.toHaveBeenCalled();
      expect(page.store.getState().spec).toBe(page.spec);
      expect(page.location.hash).toBe(encodeLink(page.spec));
      expect(page.alerts()[0].message).toMatch(/not an object\)\. Your experiment is unchanged/);
    },
  );

  it('a partly usable link loads, and its alert brings back the experiment before with its weights and step', async () => {
    const page = runningPage();
    await page.paste(linkOf({ ...defaultSpec('dian'), seed: 7, training: { learningRate: 1e39 } }));
    const [alert] = page.alerts();
    expect(alert.message).toMatch(
      /learning rate must be .*previous experiment \(at step 1234\) is one click away/,
    );
    expect(page.store.getState().spec.seed).toBe(7);
    expect(alert.action?.label).toBe(BACK_LABEL);
    alert.action!.run();
    expect(page.replace.mock.calls.at(-1)).toEqual([page.spec, running]);
    expect(page.store.getState().spec).toBe(page.spec);
  });

  it('an emptied address bar changes nothing and gets its link back', () => {
    const page = runningPage();
    page.location.hash = '';
    page.events.dispatchEvent(new Event('hashchange'));
    expect(page.replace).not.toHaveBeenCalled();
    expect(page.location.hash).toBe(encodeLink(page.spec));
  });
});

describe('alerts', () => {
  it(`keep at most ${MAX_ALERTS}, the newest; the same message once; long ones cut`, () => {
    const store = createAppStore();
    for (let i = 0; i < 300; i++) store.getState().addAlert(`bad link ${i}`);
    store.getState().addAlert('bad link 297');
    store.getState().addAlert('y'.repeat(100_000));
    expect(store.getState().runtime.alerts.map((a) => a.message.slice(0, 12))).toEqual([
      'bad link 296',
      'bad link 298',
      'bad link 299',
      'bad link 297',
      'yyyyyyyyyyyy',
    ]);
    expect(store.getState().runtime.alerts[4].message.length).toBeLessThan(700);
  });
});

describe('files', () => {
  it('a file with 1e39 weights or a bad step is refused by path, its name quoted shortened', async () => {
    const page = runningPage();
    const data = {
      format: FILE_FORMAT,
      spec: defaultSpec(),
      step: 2 ** 53 + 2,
      weights: { w: { shape: [1], values: [1e39] } },
    };
    await page.links.importFile(new File([JSON.stringify(data)], `${'f'.repeat(200)}.json`));
    expect(page.replace).not.toHaveBeenCalled();
    const [alert] = page.alerts();
    expect(alert.message).toContain(`${'f'.repeat(40)}… could not be loaded: step: not a whole number`);
    expect(alert.message).toContain('weights["w"].values[0]: not a number within ±1000000');
    expect(alert.message).not.toContain('f'.repeat(41));
  });

  it(`a file over ${MAX_FILE_BYTES} bytes is refused unread`, async () => {
    const page = runningPage();
    const read = vi.fn();
    class BigFile extends File {
      override get size() {
        return MAX_FILE_BYTES + 1;
      }
      override text() {
        read();
        return super.text();
      }
    }
    await page.links.importFile(new BigFile(['{}'], 'big.json'));
    expect(read).not.toHaveBeenCalled();
    expect(page.alerts()[0].message).toMatch(/larger than 20,000,000 bytes/);
  });
});
