import { useEffect } from 'react';
import { engine } from './appState';
import { useAppStore } from './appState';

/** Space = play/pause, right arrow = step, Delete = delete the selected Live neuron; not while typing. */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, select, textarea, [contenteditable]')) return;
      // Space on a focused button already clicks it.
      if (e.key === ' ' && target.closest('button')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const { runtime } = useAppStore.getState();
      if (runtime.engine !== 'ready') return;
      if (e.key === ' ') {
        e.preventDefault();
        if (runtime.playing) engine.pause();
        else engine.play();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        engine.step(1);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && useAppStore.getState().selectedNeuron) {
        e.preventDefault();
        engine.edit({ kind: 'removeNeuron', id: useAppStore.getState().selectedNeuron! });
        useAppStore.getState().setSelectedNeuron(undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
