/**
 * Links and files that carry the experiment: the URL hash kept current (debounced replaceState, no history entry
 * per slider move), Copy link (optionally with the trained weights), export and import of a JSON file.
 */
import {
  CARRIES_TRAINING_STATE,
  decodeLink,
  encodeLink,
  FILE_FORMAT,
  MAX_FILE_BYTES,
  quote,
  readTrained,
  SHAREABLE_LINK_LENGTH,
  validateSpec,
  type ExperimentSpec,
  type Trained,
} from '../experiment';
import { pytorchFileName, toPyTorch } from '../export/pytorch';
import type { EngineClient } from './engineClient';
import type { FrameChannel } from './frames';
import { listProblems } from './problems';
import type { AppStore } from './store';
import { readUserData } from './userDataFile';

const HASH_DEBOUNCE_MS = 300;
export { FILE_FORMAT };
export const BACK_LABEL = 'Back to the previous experiment';
/** How long a partly usable link waits for the running experiment's weights (to offer them back). */
const WEIGHTS_WAIT_MS = 3000;

/** The page around the links: its address, its history, its events, the clipboard and downloads. */
export interface ShareLinkDeps {
  store: AppStore;
  engine: Pick<EngineClient, 'replace' | 'requestWeights'> &
    Partial<Pick<EngineClient, 'useUserData' | 'userData'>>;
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

/** The hash of an address ('' when it has none), as location.hash gives it. */
const hashOf = (url: string): string => {
  const at = url.indexOf('#');
  return at < 0 || at === url.length - 1 ? '' : url.slice(at);
};

export function createShareLinks(deps: ShareLinkDeps) {
  const { engine, frames, location, history, window, clipboard, saveFile } = deps;
  const store = () => deps.store.getState();

  /** Says once, in the log, when weights come without the training state (links and files made before it). */
  function noteMissingState(what: 'link' | 'file', spec: ExperimentSpec, trained?: Trained): void {
    if (!trained || trained.state || !CARRIES_TRAINING_STATE[spec.architecture]) return;
    store().addLog(
      trained.step,
      `this ${what} has the trained weights but not the optimizer's state or the batch order (made before ` +
        'they were carried): training goes on from the weights with a fresh optimizer, not exactly as it would have',
    );
  }

  /** Reads the link the page was opened with: the spec to start from, and trained weights if it carries them. */
  function readLocation(): Trained | undefined {
    const { spec, trained, problems } = decodeLink(location.hash);
    if (problems.length > 0)
      store().addAlert(
        `This link could not be used as it was: ${listProblems(problems)}. Everything else is loaded as given.`,
      );
    store().replaceSpec(spec);
    // The address bar holds the running experiment's link from the start: none, or one that could not be used
    // as it was, gives way to it (a valid link stays as it was given).
    if (location.hash.replace(/^#/, '') === '' || problems.length > 0)
      history.replaceState(null, '', encodeLink(spec, trained));
    noteMissingState('link', spec, trained);
    return trained;
  }

  /**
   * Follows a link pasted into the address bar. An unusable one leaves the running experiment, its controls and
   * the address bar as they were; a partly usable one is loaded, and its alert offers the experiment before it,
   * with its weights and step, in one click.
   */
  function followLocation(hash: string): Promise<void> | undefined {
    if (hash === encodeLink(store().spec)) return;
    // An emptied address bar is no link: the running experiment's own link goes back.
    if (hash.replace(/^#/, '') === '') return void history.replaceState(null, '', encodeLink(store().spec));
    const { spec, trained, problems, unusable } = decodeLink(hash);
    if (unusable) {
      store().addAlert(
        `This link could not be used: ${listProblems(problems)}. Your experiment is unchanged.`,
      );
      history.replaceState(null, '', encodeLink(store().spec));
      return;
    }
    const load = () => {
      engine.replace(spec, trained);
      noteMissingState('link', spec, trained);
    };
    if (problems.length === 0) return void load();
    const previousSpec = store().spec;
    // An engine busy with a long step still gets the link loaded after a while, without the weights to go back to.
    const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, WEIGHTS_WAIT_MS, undefined));
    return Promise.race([engine.requestWeights().catch(() => undefined), timeout]).then((previous) => {
      load();
      const at = previous
        ? ` (at step ${previous.step})`
        : ' (its weights could not be read: only its settings)';
      store().addAlert(
        `This link could not be used as it was: ${listProblems(problems)}. Its valid parts are loaded; ` +
          `your previous experiment${at} is one click away.`,
        { label: BACK_LABEL, run: () => engine.replace(previousSpec, previous) },
      );
    });
  }

  /** A link pasted while the one before waits for the engine's weights is followed after it, in turn. */
  let pending: Promise<void> | undefined;
  function onHashChange(event: Event): void {
    // The link the address bar changed to: by the time the event runs, the debounced sync may have replaced it.
    const hash = 'newURL' in event && typeof event.newURL === 'string' ? hashOf(event.newURL) : location.hash;
    const next = pending ? pending.then(() => followLocation(hash)) : followLocation(hash);
    if (!next) return;
    const settled: Promise<void> = next.then(
      () => {
        if (pending === settled) pending = undefined;
      },
      () => {
        if (pending === settled) pending = undefined;
      },
    );
    pending = settled;
  }

  /** Keeps the address bar's link current, and follows links pasted into it, until the returned call. */
  function syncLocation(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = deps.store.subscribe((state, previous) => {
      if (state.spec === previous.spec) return;
      clearTimeout(timer);
      timer = setTimeout(() => history.replaceState(null, '', encodeLink(state.spec)), HASH_DEBOUNCE_MS);
    });
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHashChange);
    };
  }

  /** The current link; with the trained weights it asks the engine for them (and the training state) first. */
  async function currentLink(withWeights: boolean): Promise<string> {
    return (await linkChoices(withWeights)).full;
  }

  /** The link, and with weights also the link without the training state (shorter: Adam's two slots per weight). */
  async function linkChoices(withWeights: boolean): Promise<{ full: string; stateless?: string }> {
    const base = `${location.origin}${location.pathname}`;
    if (!withWeights) return { full: base + encodeLink(store().spec) };
    const trained = await engine.requestWeights();
    const full = base + encodeLink(store().spec, trained);
    if (!trained.state) return { full };
    const { step, weights } = trained;
    return { full, stateless: base + encodeLink(store().spec, { step, weights }) };
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
    const choices = await withEngine('make the link', () => linkChoices(withWeights));
    if (choices === undefined) return undefined;
    let link = choices.full;
    // Too long with the training state, short enough without: the weights travel, the state is left out.
    const { stateless } = choices;
    if (link.length > SHAREABLE_LINK_LENGTH && stateless && stateless.length <= SHAREABLE_LINK_LENGTH) {
      store().addLog(
        0,
        `the link leaves out the optimizer's state and the batch order (with them it would be ` +
          `${link.length.toLocaleString('en')} characters, over ${SHAREABLE_LINK_LENGTH.toLocaleString('en')}): ` +
          'it goes on from the weights with a fresh optimizer; Export file carries them',
      );
      link = stateless;
    }
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
    // The spec of the weights asked for now (a change while they come is another experiment's).
    const spec = store().spec;
    const trained = await withEngine('export the experiment', engine.requestWeights);
    if (!trained) return;
    // A CSV experiment's file carries the data itself (a link carries only its name and hash).
    // Only the CSV this experiment names (by its hash): another one would be refused on import as changed.
    const held = spec.task.kind === 'csv' ? engine.userData?.() : undefined;
    const user = held && held.hash === spec.task.dataHash ? held : undefined;
    const data = {
      format: FILE_FORMAT,
      ...trained,
      spec,
      history: frames.latestHistory(),
      ...(user ? { userData: user } : {}),
    };
    saveFile(
      `experiment-${spec.architecture}-step${trained.step}.json`,
      new Blob([JSON.stringify(data)], { type: 'application/json' }),
    );
  }

  /** Saves the experiment as it is now as a runnable PyTorch script (src/export/pytorch), named by its architecture. */
  async function exportPyTorch(): Promise<void> {
    const spec = store().spec;
    const trained = await withEngine('export the PyTorch script', engine.requestWeights);
    if (!trained) return;
    const experiment = { ...trained, spec };
    let script: string;
    try {
      script = toPyTorch(experiment, store().runtime.layout?.head);
    } catch (e) {
      // What the export does not carry (a data table, for now) is said, not thrown at the page.
      store().addAlert(`Could not export the PyTorch script: ${e instanceof Error ? e.message : String(e)}.`);
      return;
    }
    saveFile(pytorchFileName(experiment), new Blob([script], { type: 'text/x-python' }));
    store().addLog(trained.step, `PyTorch script ${pytorchFileName(experiment)} saved`);
  }

  /** Loads an exported experiment file; anything malformed is refused with a message and nothing changes. */
  async function importFile(file: File): Promise<void> {
    const refuse = (why: string) =>
      store().addAlert(`${quote(file.name)} could not be loaded: ${why}. Nothing was changed.`);
    if (file.size > MAX_FILE_BYTES)
      return refuse(`the file is larger than ${MAX_FILE_BYTES.toLocaleString('en')} bytes`);
    let data: { format?: unknown; spec?: unknown; weights?: unknown; step?: unknown; userData?: unknown };
    try {
      data = JSON.parse(await file.text());
    } catch {
      return refuse('it is not valid JSON');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || data.format !== FILE_FORMAT)
      return refuse('it is not an exported experiment');
    const { spec, problems } = validateSpec(data.spec);
    const trained = data.weights === undefined ? undefined : readTrained(data, problems);
    if (problems.length > 0) return refuse(listProblems(problems));
    if (data.userData !== undefined) {
      const user = await readUserData(data.userData, spec.task.dataHash);
      if (typeof user === 'string') return refuse(user);
      engine.useUserData?.(user, { load: false });
    }
    engine.replace(spec, trained);
    store().addLog(trained?.step ?? 0, `loaded ${file.name}`);
    noteMissingState('file', spec, trained);
  }

  return { readLocation, syncLocation, currentLink, copyLink, exportFile, exportPyTorch, importFile };
}
