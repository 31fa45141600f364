import { useEffect } from 'react';
import { subscribeFrames } from '../appState';

/** Calls `onFrame` once per drawn frame, outside React rendering (for D3 views and live text). */
export function useFrames(onFrame: Parameters<typeof subscribeFrames>[0]): void {
  useEffect(() => subscribeFrames(onFrame), [onFrame]);
}
