/**
 * Links and files that carry the experiment: the URL hash kept current (debounced replaceState, no history entry
 * per slider move), Copy link (optionally with the trained weights), export and import of a JSON file.
 */
import {
  checkTrained,
  decodeLink,
  encodeLink,
  SHAREABLE_LINK_LENGTH,
  validateSpec,
  type Trained,
} from '../experiment';
import type { EngineClient } from './engineClient';
import type { FrameChannel } from './frames';
import type { AppStore } from './store';

const HASH_DEBOUNCE_MS = 300;
export const FILE_FORMAT = 'dynamic-nets-experiment';

/** The page around the links: its address, its history, its events, the clipboard and downloads. */
export interface ShareLinkDeps {
  store: AppStore;
  engine: Pick<EngineClient, 'replace' | 'requestWeights'>;
  frames: Pick<FrameChannel, 'latestHistory'>;
  /** Read at each use: the hash changes under the page. */
  location: Pick<Location, 'hash' | 'origin' | 'pathname'>;
  history: Pick<History, 'replaceState'>;
  /** Where hashchange events arrive. */
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  /** Hands a file to the user (a download). */
  saveFile: (name: string, contents: Blob) => void;
}

export type ShareLinks = ReturnType<typeof createShareLinks>;

export function createShareLinks(deps: ShareLinkDeps) {
  const { engine, frames, location, history, window, clipboard, saveFile } = deps;
  const store = () => deps.store.getState();

  /** Reads the link the page was opened with: the spec to start from, and trained weights if it carries them. */
  function readLocation(): Trained | undefined {
    const { spec, trained, problems } = decodeLink(location.hash);
    if (problems.length > 0)
      store().addAlert(
        `This link could not be used as it was: ${problems.join('; ')}. Everything else is loaded as given.`,
      );
    store().replaceSpec(spec);
    return trained;
  }

  /** Follows a link pasted into the address bar. */
  function followLocation(): void {
    if (location.hash === encodeLink(store().spec)) return;
    const { spec, trained, problems, unusable } = decodeLink(location.hash);
    if (unusable) {
      // Nothing of it could be used: keep the running experiment, and put its own link back.
      store().addAlert(`This link could not be used: ${problems.join('; ')}. Your experiment is unchanged.`);
      history.replaceState(null, '', encodeLink(store().spec));
      return;
    }
    if (problems.length > 0)
      store().addAlert(`This link could not be used as it was: ${problems.join('; ')}.`);
    engine.replace(spec, trained);
  }

  /** Keeps the address bar's link current, and follows links pasted into it, until the returned call. */
  function syncLocation(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = deps.store.subscribe((state, previous) => {
      if (state.spec === previous.spec) return;
      clearTimeout(timer);
      timer = setTimeout(() => history.replaceState(null, '', encodeLink(state.spec)), HASH_DEBOUNCE_MS);
    });
    window.addEventListener('hashchange', followLocation);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('hashchange', followLocation);
    };
  }

  /** The current link; with the trained weights it asks the engine for them first. */
  async function currentLink(withWeights: boolean): Promise<string> {
    const base = `${location.origin}${location.pathname}`;
    if (!withWeights) return base + encodeLink(store().spec);
    const trained = await engine.requestWeights();
    return base + encodeLink(store().spec, trained);
  }

  /** Runs a step that needs the engine's weights; a failure becomes an alert instead of silence. */
  async function withEngine<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (e) {
      store().addAlert(`Could not ${what}: ${e instanceof Error ? e.message : String(e)}.`);
      return undefined;
    }
  }

  async function copyLink(withWeights: boolean): Promise<string | undefined> {
    const link = await withEngine('make the link', () => currentLink(withWeights));
    if (link === undefined) return undefined;
    if (link.length > SHAREABLE_LINK_LENGTH) {
      store().addAlert(
        `The link with the trained weights is ${link.length.toLocaleString('en')} characters, over the ` +
          `${SHAREABLE_LINK_LENGTH.toLocaleString('en')} that chat apps, mail and some browsers keep intact. Export the experiment to a file instead.`,
        { label: 'Export file', run: () => void exportFile() },
      );
      return undefined;
    }
    try {
      await clipboard.writeText(link);
      store().addLog(0, withWeights ? 'link with trained weights copied' : 'link copied');
    } catch {
      store().addLog(0, 'the browser did not allow copying: select the link shown and copy it');
    }
    return link;
  }

  async function exportFile(): Promise<void> {
    const trained = await withEngine('export the experiment', engine.requestWeights);
    if (!trained) return;
    const data = { format: FILE_FORMAT, ...trained, spec: store().spec, history: frames.latestHistory() };
    saveFile(
      `experiment-${store().spec.architecture}-step${trained.step}.json`,
      new Blob([JSON.stringify(data)], { type: 'application/json' }),
    );
  }

  /** Loads an exported experiment file; anything malformed is refused with a message and nothing changes. */
  async function importFile(file: File): Promise<void> {
    const refuse = (why: string) =>
      store().addAlert(`${file.name} could not be loaded: ${why}. Nothing was changed.`);
    if (file.size > 20_000_000) return refuse('the file is larger than 20 MB');
    let data: { format?: unknown; spec?: unknown; weights?: unknown; step?: unknown };
    try {
      data = JSON.parse(await file.text());
    } catch {
      return refuse('it is not valid JSON');
    }
    if (typeof data !== 'object' || data === null || data.format !== FILE_FORMAT)
      return refuse('it is not an exported experiment');
    const { spec, problems } = validateSpec(data.spec);
    if (problems.length > 0) return refuse(problems.join('; '));
    const trained = data.weights === undefined ? undefined : checkTrained(data);
    if (data.weights !== undefined && !trained) return refuse('its weights are malformed');
    engine.replace(spec, trained);
    store().addLog(trained?.step ?? 0, `loaded ${file.name}`);
  }

  return { readLocation, syncLocation, currentLink, copyLink, exportFile, importFile };
}
