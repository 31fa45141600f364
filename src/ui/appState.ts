/**
 * The page's one store, engine client, frame channel and share links: the UI reads and drives the app only
 * through these.
 */
export { useAppStore } from '../state/store';
export { engine } from '../state/engineClient';
export {
  latestFrame,
  subscribeFrames,
  subscribeRewires,
  type HistoryPoint,
  type RewireNotice,
} from '../state/frames';
export { copyLink, exportFile, importFile } from '../state/share';
